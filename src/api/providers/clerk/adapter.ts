import { createHttpClient } from '../../http-client';
import { collectPages } from '../../collect-pages';
import type { OrgAdminApi } from '../../org-admin-api';
import { parseWire } from '../../parse';
import type { AdapterOptions } from '../shared';
import { createClerkAccessApi } from './access-adapter';
import { CLERK_API_VERSION, clerkCapabilities } from './capabilities';
import { parseClerkError } from './errors';
import {
  fromCreateOrgInput,
  fromMetadataPatch,
  fromUpdateOrgInput,
  toListQuery,
  toOrganization,
} from './map';
import { clerkOperations as ops } from './operations';
import { createClerkPeopleApi } from './people-adapter';
import {
  ClerkDeletedObjectWire,
  ClerkOrganizationListWire,
  ClerkOrganizationWire,
  ClerkOrganizationWithLogoWire,
} from './wire';

/** Clerk Backend API adapter. Every call pins the API version it was written against. */
export function createClerkApi(options: AdapterOptions): OrgAdminApi {
  const http = createHttpClient({
    ...options,
    headers: { 'Clerk-API-Version': CLERK_API_VERSION, ...options.headers },
    parseError: parseClerkError,
  });
  const caps = clerkCapabilities;

  const organization = (json: unknown, what = 'organization') =>
    toOrganization(parseWire(ClerkOrganizationWire, json, what));

  return {
    provider: 'clerk',
    capabilities: caps,
    ...createClerkPeopleApi(http),
    access: createClerkAccessApi(http),
    organizations: {
      async list(params, { signal } = {}) {
        const pageSize = Math.min(params.pageSize, caps.list.maxPageSize);
        const query = toListQuery(params, pageSize);
        const raw = await http.call(ops.listOrganizations, { query, signal });
        const wire = parseWire(ClerkOrganizationListWire, raw.json, 'organization list');
        return {
          items: wire.data.map(toOrganization),
          page: params.page,
          pageSize,
          total: wire.total_count,
          hasMore: query.offset + wire.data.length < wire.total_count,
        };
      },
      async listAll({ signal } = {}) {
        const limit = caps.list.maxPageSize;
        return collectPages(async (index) => {
          const raw = await http.call(ops.listOrganizations, {
            query: { limit, offset: index * limit, include_members_count: true },
            signal,
          });
          const wire = parseWire(ClerkOrganizationListWire, raw.json, 'organization list');
          return {
            items: wire.data.map(toOrganization),
            hasMore: index * limit + wire.data.length < wire.total_count,
          };
        });
      },
      async get(ref, { signal } = {}) {
        const raw = await http.call(ops.getOrganization, {
          params: { organization_id: ref },
          query: { include_members_count: true },
          signal,
        });
        return organization(raw.json);
      },
      async create(input, { signal } = {}) {
        const raw = await http.call(ops.createOrganization, {
          body: { json: fromCreateOrgInput(input) },
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
          body: { json: fromUpdateOrgInput(input) },
          signal,
        });
        return organization(raw.json, 'updated organization');
      },
      async delete(id, { signal } = {}) {
        const raw = await http.call(ops.deleteOrganization, {
          params: { organization_id: id },
          signal,
        });
        parseWire(ClerkDeletedObjectWire, raw.json, 'deleted object');
      },
    },
    metadata: {
      async merge(orgId, patch, { signal } = {}) {
        const raw = await http.call(ops.mergeOrganizationMetadata, {
          params: { organization_id: orgId },
          body: { json: fromMetadataPatch(patch) },
          signal,
        });
        return organization(raw.json);
      },
      async replace(orgId, patch, { signal } = {}) {
        const raw = await http.call(ops.replaceOrganizationMetadata, {
          params: { organization_id: orgId },
          body: { json: fromMetadataPatch(patch) },
          signal,
        });
        return organization(raw.json);
      },
    },
    logo: {
      async upload(orgId, file, fileName, { signal, onUploadProgress } = {}) {
        const form = new FormData();
        form.append('file', file, fileName);
        const raw = await http.call(ops.uploadOrganizationLogo, {
          params: { organization_id: orgId },
          body: { multipart: form },
          signal,
          onUploadProgress,
        });
        return toOrganization(
          parseWire(ClerkOrganizationWithLogoWire, raw.json, 'organization with logo'),
        );
      },
      async remove(orgId, { signal } = {}) {
        const raw = await http.call(ops.deleteOrganizationLogo, {
          params: { organization_id: orgId },
          signal,
        });
        parseWire(ClerkOrganizationWire, raw.json, 'organization');
      },
    },
  };
}
