import type { Organization, OrgListParams, Page } from '../../domain';
import { createHttpClient } from '../../http-client';
import { collectPages } from '../../collect-pages';
import type { AllOrganizations, OrgAdminApi } from '../../org-admin-api';
import { parseWire } from '../../parse';
import type { AdapterOptions } from '../shared';
import {
  KINDE_MAX_PAGE_SIZE,
  KINDE_MAX_USERS_PER_REQUEST,
  kindeCapabilities,
} from './capabilities';
import { createKindeAccess, createKindePermissions } from './access';
import { CursorTrail, walkToPage, type CursorPage } from './cursor-trail';
import { createKindeRoles, createKindeUsers } from './directory';
import { parseKindeError } from './errors';
import { createKindeFeatureFlags } from './feature-flags';
import { createKindeInvitations } from './invitations';
import { createKindeLogo } from './logo';
import {
  fromCreateOrgInput,
  fromUpdateOrgInput,
  toOrganization,
  toOrganizationFromItem,
} from './map';
import { createKindeMembers } from './members';
import { kindeOperations as ops } from './operations';
import { createPermissionCatalogue, createRoleCatalogue } from './catalogues';
import {
  KindeCreateOrganizationWire,
  KindeOrganizationListWire,
  KindeOrganizationWire,
  KindeSuccessWire,
} from './wire';

type KindeSort = 'name_asc' | 'name_desc';

/**
 * Kinde sorts orgs by name only and has no search: other sort fields and any search text are not
 * sent (the capabilities say so, and the data layer answers those lists from the index or the
 * browser instead).
 */
function serverSort(params: OrgListParams): KindeSort | null {
  if (params.sort === null || params.sort.field !== 'name') return null;
  return `name_${params.sort.direction}`;
}

export function createKindeApi(options: AdapterOptions): OrgAdminApi {
  const http = createHttpClient({ ...options, parseError: parseKindeError });
  const caps = kindeCapabilities;
  const trail = new CursorTrail();
  const roleCatalogue = createRoleCatalogue(http);
  const permissionCatalogue = createPermissionCatalogue(http);

  async function fetchPage(
    pageSize: number,
    sort: KindeSort | null,
    token: string | null,
    signal?: AbortSignal,
  ): Promise<CursorPage<Organization>> {
    const raw = await http.call(ops.listOrganizations, {
      query: { page_size: pageSize, sort, next_token: token },
      signal,
    });
    const wire = parseWire(KindeOrganizationListWire, raw.json, 'organization list');
    return {
      items: (wire.organizations ?? []).map(toOrganizationFromItem),
      next: wire.next_token ? wire.next_token : null,
    };
  }

  async function getOrganization(code: string, signal?: AbortSignal): Promise<Organization> {
    const raw = await http.call(ops.getOrganization, { query: { code }, signal });
    return toOrganization(parseWire(KindeOrganizationWire, raw.json, 'organization'));
  }

  async function listAll(signal?: AbortSignal): Promise<AllOrganizations> {
    let token: string | null = null;
    return collectPages(async () => {
      const page = await fetchPage(caps.list.maxPageSize, null, token, signal);
      token = page.next;
      return { items: page.items, hasMore: page.next !== null };
    });
  }

  function cursorPage(
    params: OrgListParams,
    sort: KindeSort | null,
    signal?: AbortSignal,
  ): Promise<Page<Organization>> {
    const pageSize = Math.max(1, Math.min(params.pageSize, caps.list.maxPageSize));
    return walkToPage(trail, `${pageSize}|${sort ?? ''}`, params.page, pageSize, (token) =>
      fetchPage(pageSize, sort, token, signal),
    );
  }

  return {
    provider: 'kinde',
    capabilities: caps,
    organizations: {
      list: (params, { signal } = {}) => cursorPage(params, serverSort(params), signal),
      listAll: ({ signal } = {}) => listAll(signal),
      get: (ref, { signal } = {}) => getOrganization(ref, signal),
      async create(input, { signal } = {}) {
        const raw = await http.call(ops.createOrganization, {
          body: { json: fromCreateOrgInput(input) },
          signal,
        });
        const created = parseWire(KindeCreateOrganizationWire, raw.json, 'created organization');
        trail.clear();
        // The create answer carries only the new code: read the org back.
        return {
          organization: await getOrganization(created.organization.code, signal),
          oneTimeSecret: null,
        };
      },
      async update(id, input, { signal } = {}) {
        const body = fromUpdateOrgInput(input);
        if (Object.keys(body).length > 0) {
          const raw = await http.call(ops.updateOrganization, {
            params: { org_code: id },
            body: { json: body },
            signal,
          });
          parseWire(KindeSuccessWire, raw.json, 'update result');
        }
        if (input.slug === null) {
          const raw = await http.call(ops.deleteOrganizationHandle, {
            params: { org_code: id },
            signal,
          });
          parseWire(KindeSuccessWire, raw.json, 'handle removal result');
        }
        // PATCH answers only {code, message}: read the org back.
        return getOrganization(id, signal);
      },
      async delete(id, { signal } = {}) {
        const raw = await http.call(ops.deleteOrganization, { params: { org_code: id }, signal });
        parseWire(KindeSuccessWire, raw.json, 'delete result');
        trail.clear();
      },
    },
    logo: createKindeLogo(http),
    members: createKindeMembers(http, roleCatalogue, {
      maxPageSize: KINDE_MAX_PAGE_SIZE,
      maxUsersPerRequest: KINDE_MAX_USERS_PER_REQUEST,
    }),
    invitations: createKindeInvitations(http, { maxPageSize: KINDE_MAX_PAGE_SIZE }),
    users: createKindeUsers(http, {
      one: async (code, signal) => (await getOrganization(code, signal)).name,
      all: async (signal) =>
        new Map((await listAll(signal)).items.map((org) => [org.id, org.name])),
    }),
    roles: createKindeRoles(roleCatalogue),
    access: createKindeAccess(http, roleCatalogue, permissionCatalogue, {
      maxUsersPerRequest: KINDE_MAX_USERS_PER_REQUEST,
    }),
    permissions: createKindePermissions(permissionCatalogue),
    featureFlags: createKindeFeatureFlags(http),
  };
}
