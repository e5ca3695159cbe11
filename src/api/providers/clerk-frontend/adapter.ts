import { collectPages } from '../../collect-pages';
import { createHttpClient } from '../../http-client';
import type { OrgAdminApi } from '../../org-admin-api';
import { parseWire } from '../../parse';
import { CLERK_API_VERSION } from '../clerk/capabilities';
import type { AdapterOptions } from '../shared';
import { createClerkFrontendAccessApi } from './access-adapter';
import { clerkFrontendCapabilities } from './capabilities';
import { parseClerkFrontendError } from './errors';
import {
  fromCreateOrgInput,
  fromUpdateOrgInput,
  toMembershipOrganizations,
  toOrganization,
} from './map';
import { clerkFrontendOperations as ops } from './operations';
import { createClerkFrontendPeopleApi } from './people-adapter';
import {
  ClerkFrontendWrappedDeletedObjectWire,
  ClerkFrontendWrappedMembershipsWire,
  ClerkFrontendWrappedOrganizationWire,
} from './wire';

/**
 * Clerk Frontend API adapter. It acts as the signed-in user: the org list is that user's
 * memberships, writes are form-encoded (the logo multipart), and every answer is unwrapped from `{response, client}`.
 */
export function createClerkFrontendApi(options: AdapterOptions): OrgAdminApi {
  const http = createHttpClient({
    ...options,
    headers: { 'Clerk-API-Version': CLERK_API_VERSION, ...options.headers },
    parseError: parseClerkFrontendError,
  });
  const caps = clerkFrontendCapabilities;

  async function membershipPage(limit: number, offset: number, signal?: AbortSignal) {
    const raw = await http.call(ops.listMyMemberships, {
      query: { limit, offset, paginated: true },
      signal,
    });
    const wire = parseWire(
      ClerkFrontendWrappedMembershipsWire,
      raw.json,
      'organization memberships',
    );
    const { items, total } = toMembershipOrganizations(wire.response);
    return {
      items,
      total,
      hasMore: total === null ? items.length === limit : offset + items.length < total,
    };
  }

  const organization = (json: unknown, what: string) =>
    toOrganization(parseWire(ClerkFrontendWrappedOrganizationWire, json, what).response);

  const listAll: OrgAdminApi['organizations']['listAll'] = async ({ signal } = {}) => {
    const limit = caps.list.maxPageSize;
    return collectPages((index) => membershipPage(limit, index * limit, signal));
  };

  return {
    provider: 'clerk-frontend',
    capabilities: caps,
    ...createClerkFrontendPeopleApi(http),
    access: createClerkFrontendAccessApi(http),
    organizations: {
      /**
       * One page of the user's memberships, in Clerk's order: the Frontend API has no search or
       * sort on them (the capabilities say so; the data layer does those over `listAll`).
       */
      async list(params, { signal } = {}) {
        const pageSize = Math.min(params.pageSize, caps.list.maxPageSize);
        const page = await membershipPage(pageSize, (params.page - 1) * pageSize, signal);
        return {
          items: page.items,
          page: params.page,
          pageSize,
          total: page.total,
          hasMore: page.hasMore,
        };
      },
      listAll,
      async get(ref, { signal } = {}) {
        const raw = await http.call(ops.getOrganization, {
          params: { organization_id: ref },
          signal,
        });
        return organization(raw.json, 'organization');
      },
      async create(input, { signal } = {}) {
        const raw = await http.call(ops.createOrganization, {
          body: { form: fromCreateOrgInput(input) },
          signal,
        });
        return {
          organization: organization(raw.json, 'created organization'),
          oneTimeSecret: null,
        };
      },
      async update(id, input, { signal } = {}) {
        const raw = await http.call(ops.updateOrganization, {
          params: { organization_id: id },
          body: { form: fromUpdateOrgInput(input) },
          signal,
        });
        return organization(raw.json, 'updated organization');
      },
      async delete(id, { signal } = {}) {
        const raw = await http.call(ops.deleteOrganization, {
          params: { organization_id: id },
          signal,
        });
        parseWire(ClerkFrontendWrappedDeletedObjectWire, raw.json, 'deleted object');
      },
    },
    logo: {
      async upload(orgId, file, fileName, { signal, onUploadProgress } = {}) {
        const form = new FormData();
        form.append('file', file, fileName);
        const raw = await http.call(ops.updateOrganizationLogo, {
          params: { organization_id: orgId },
          body: { multipart: form },
          signal,
          onUploadProgress,
        });
        return organization(raw.json, 'organization with logo');
      },
      /** Clerk answers with a DeletedObject, not the org: the UI re-reads it. */
      async remove(orgId, { signal } = {}) {
        const raw = await http.call(ops.deleteOrganizationLogo, {
          params: { organization_id: orgId },
          signal,
        });
        parseWire(ClerkFrontendWrappedDeletedObjectWire, raw.json, 'deleted logo');
      },
    },
  };
}
