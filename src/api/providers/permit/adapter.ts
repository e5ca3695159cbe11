import { ApiError } from '../../errors';
import { createHttpClient } from '../../http-client';
import { collectPages } from '../../collect-pages';
import type { OrgAdminApi } from '../../org-admin-api';
import { parseWire } from '../../parse';
import type { InvitationStatus } from '../../people';
import { inviteOutcomesFor, unansweredInvite, type AdapterOptions } from '../shared';
import { permitCapabilities } from './capabilities';
import { failedInviteError, parsePermitError } from './errors';
import {
  fromCreateOrgInput,
  fromInviteInput,
  fromUpdateOrgInput,
  PERMIT_ROLES,
  toInvitation,
  toOrganization,
  toOrgStats,
} from './map';
import { permitOperations as ops } from './operations';
import {
  PermitInviteListWire,
  PermitMultiInviteResultWire,
  PermitOrganizationListWire,
  PermitOrganizationStatsWire,
  PermitOrganizationWire,
  PermitOrganizationWithApiKeyWire,
} from './wire';

export function createPermitApi(options: AdapterOptions): OrgAdminApi {
  const http = createHttpClient({ ...options, parseError: parsePermitError });
  const caps = permitCapabilities;

  async function listPage(page: number, perPage: number, search: string, signal?: AbortSignal) {
    const raw = await http.call(ops.listOrganizations, {
      query: { page, per_page: perPage, search: search.trim() === '' ? undefined : search.trim() },
      signal,
    });
    return parseWire(PermitOrganizationListWire, raw.json, 'organization list').map(toOrganization);
  }

  const invitePageMax = caps.people.invitations?.maxPageSize ?? 100;

  async function listInvitesPage(
    orgId: string,
    page: number,
    perPage: number,
    signal?: AbortSignal,
  ) {
    const raw = await http.call(ops.listInvites, {
      params: { org_id: orgId },
      query: { page, per_page: perPage },
      signal,
    });
    return parseWire(PermitInviteListWire, raw.json, 'invite list').map(toInvitation);
  }

  /** Permit lists pending invites only; asking for other statuses alone finds nothing. */
  const wantsPending = (statuses: readonly InvitationStatus[]) =>
    statuses.length === 0 || statuses.includes('pending');

  return {
    provider: 'permit',
    capabilities: caps,
    organizations: {
      async list(params, { signal } = {}) {
        const pageSize = Math.min(params.pageSize, caps.list.maxPageSize);
        const items = await listPage(params.page, pageSize, params.search, signal);
        return {
          items,
          page: params.page,
          pageSize,
          total: null,
          // Permit returns a bare array without a total: a full page means there may be more.
          hasMore: items.length === pageSize,
        };
      },
      async listAll({ signal } = {}) {
        const max = caps.list.maxPageSize;
        return collectPages(async (index) => {
          const items = await listPage(index + 1, max, '', signal);
          return { items, hasMore: items.length === max };
        });
      },
      async get(ref, { signal } = {}) {
        const raw = await http.call(ops.getOrganization, { params: { org_id: ref }, signal });
        return toOrganization(parseWire(PermitOrganizationWire, raw.json, 'organization'));
      },
      async create(input, { signal } = {}) {
        const raw = await http.call(ops.createOrganization, {
          body: { json: fromCreateOrgInput(input) },
          signal,
        });
        const wire = parseWire(PermitOrganizationWithApiKeyWire, raw.json, 'created organization');
        const { api_key_id, api_key_secret, ...org } = wire;
        return {
          organization: toOrganization(org),
          oneTimeSecret: api_key_secret
            ? { label: 'Organization API key', id: api_key_id ?? null, value: api_key_secret }
            : null,
        };
      },
      async update(id, input, { signal } = {}) {
        const raw = await http.call(ops.updateOrganization, {
          params: { org_id: id },
          body: { json: fromUpdateOrgInput(input) },
          signal,
        });
        return toOrganization(parseWire(PermitOrganizationWire, raw.json, 'organization'));
      },
      async delete(id, { signal } = {}) {
        await http.call(ops.deleteOrganization, { params: { org_id: id }, signal });
      },
    },
    activeOrganization: {
      async get({ signal } = {}) {
        const raw = await http.call(ops.getActiveOrganization, { signal });
        return toOrganization(parseWire(PermitOrganizationWire, raw.json, 'active organization'));
      },
    },
    stats: {
      async get(orgId, { signal } = {}) {
        const raw = await http.call(ops.getOrganizationStats, {
          params: { org_id: orgId },
          signal,
        });
        return toOrgStats(parseWire(PermitOrganizationStatsWire, raw.json, 'organization stats'));
      },
    },
    invitations: {
      async list(orgId, params, { signal } = {}) {
        const pageSize = Math.min(params.pageSize, invitePageMax);
        const items = wantsPending(params.statuses)
          ? await listInvitesPage(orgId, params.page, pageSize, signal)
          : [];
        // A bare array without a total: a full page means there may be more.
        return {
          items,
          page: params.page,
          pageSize,
          total: null,
          hasMore: items.length === pageSize,
        };
      },
      async listAll(orgId, statuses, { signal } = {}) {
        if (!wantsPending(statuses)) return { items: [], complete: true };
        return collectPages(async (index) => {
          const items = await listInvitesPage(orgId, index + 1, invitePageMax, signal);
          return { items, hasMore: items.length === invitePageMax };
        });
      },
      /** Posts an array of one `InviteCreate`; a `failed` entry becomes the error. */
      async create(orgId, input, { signal } = {}) {
        const raw = await http.call(ops.inviteMembers, {
          params: { org_id: orgId },
          body: { json: [fromInviteInput(input)] },
          signal,
        });
        const result = parseWire(PermitMultiInviteResultWire, raw.json, 'invite result');
        const [created] = result.success;
        if (created) return toInvitation(created);
        const [failed] = result.failed;
        if (failed) throw failedInviteError(failed);
        throw new ApiError({
          kind: 'bad_response',
          message: 'Permit.io answered the invite with neither a success nor a failure.',
        });
      },
      /**
       * One `POST …/invites` with an `InviteCreate` per address. Permit answers per address, so
       * each gets its own invitation or its own `failed` reason. A malformed item fails the whole
       * array with a 422 (FastAPI validates the body first): then nobody was invited.
       */
      async createMany(orgId, inputs, { signal } = {}) {
        const max = caps.people.invitations?.bulk?.max ?? 1;
        if (inputs.length > max) {
          throw new ApiError({
            kind: 'validation',
            message: `Invite at most ${max} people at a time with Permit.io.`,
          });
        }
        const raw = await http.call(ops.inviteMembers, {
          params: { org_id: orgId },
          body: { json: inputs.map(fromInviteInput) },
          signal,
        });
        const result = parseWire(PermitMultiInviteResultWire, raw.json, 'invite result');
        return inviteOutcomesFor(
          inputs,
          [
            ...result.success.map((wire) => {
              const invitation = toInvitation(wire);
              return { email: invitation.email, ok: true as const, invitation };
            }),
            ...result.failed.map((failed) => ({
              email: failed.email,
              ok: false as const,
              error: failedInviteError(failed),
            })),
          ],
          unansweredInvite('Permit.io'),
        );
      },
      async revoke(orgId, invitationId, { signal } = {}) {
        await http.call(ops.cancelInvite, {
          params: { org_id: orgId, invite_id: invitationId },
          signal,
        });
      },
    },
    roles: {
      /** The fixed `MemberAccessLevel` catalogue: no call needed. */
      list() {
        return Promise.resolve(PERMIT_ROLES);
      },
    },
  };
}
