import type { Organization, OrgListParams, Page } from '../../domain';
import { createHttpClient } from '../../http-client';
import { applyListParams, collectPages } from '../../list-emulation';
import type { AllOrganizations, OrgAdminApi } from '../../org-admin-api';
import { parseWire } from '../../parse';
import type { AdapterOptions } from '../shared';
import { kindeCapabilities } from './capabilities';
import { CursorTrail } from './cursor-trail';
import { parseKindeError } from './errors';
import {
  fromCreateOrgInput,
  fromUpdateOrgInput,
  toOrganization,
  toOrganizationFromItem,
} from './map';
import { kindeOperations as ops } from './operations';
import {
  KindeCreateOrganizationWire,
  KindeOrganizationListWire,
  KindeOrganizationWire,
  KindeSuccessWire,
} from './wire';

type KindeSort = 'name_asc' | 'name_desc';

interface CursorPage {
  readonly items: Organization[];
  /** The token of the next page, or null at the end of the list. */
  readonly next: string | null;
}

function serverSort(params: OrgListParams): KindeSort | null | 'browser' {
  if (params.sort === null) return null;
  return params.sort.field === 'name' ? `name_${params.sort.direction}` : 'browser';
}

export function createKindeApi(options: AdapterOptions): OrgAdminApi {
  const http = createHttpClient({ ...options, parseError: parseKindeError });
  const caps = kindeCapabilities;
  const trail = new CursorTrail();

  async function fetchPage(
    pageSize: number,
    sort: KindeSort | null,
    token: string | null,
    signal?: AbortSignal,
  ): Promise<CursorPage> {
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

  /** Walks the cursors from the nearest page already seen up to the page asked for. */
  async function cursorPage(
    params: OrgListParams,
    sort: KindeSort | null,
    signal?: AbortSignal,
  ): Promise<Page<Organization>> {
    const pageSize = Math.max(1, Math.min(params.pageSize, caps.list.maxPageSize));
    const shape = `${pageSize}|${sort ?? ''}`;
    let { page: at, token } = trail.nearest(shape, params.page);
    for (;;) {
      const result = await fetchPage(pageSize, sort, token, signal);
      if (result.next !== null) trail.remember(shape, at + 1, result.next);
      if (at === params.page || result.next === null) {
        const reached = at === params.page;
        return {
          items: reached ? result.items : [],
          page: params.page,
          pageSize,
          total: null,
          hasMore: reached && result.next !== null,
        };
      }
      at += 1;
      token = result.next;
    }
  }

  return {
    provider: 'kinde',
    capabilities: caps,
    organizations: {
      async list(params, { signal } = {}) {
        const sort = serverSort(params);
        if (sort !== 'browser' && params.search.trim() === '')
          return cursorPage(params, sort, signal);
        // Kinde cannot search, nor sort by anything but name: do it over every loaded org.
        const all = await listAll(signal);
        const page = applyListParams(all.items, params);
        return all.complete ? page : { ...page, total: null };
      },
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
        // PATCH answers only {code, message}: read the org back.
        return getOrganization(id, signal);
      },
      async delete(id, { signal } = {}) {
        const raw = await http.call(ops.deleteOrganization, { params: { org_code: id }, signal });
        parseWire(KindeSuccessWire, raw.json, 'delete result');
        trail.clear();
      },
    },
  };
}
