import { ApiError } from '../../errors';
import { createHttpClient } from '../../http-client';
import type { OrgAdminApi } from '../../org-admin-api';
import { parseWire } from '../../parse';
import type { AdapterOptions } from '../shared';
import { numindCapabilities } from './capabilities';
import { onEmailField, onNameField, parseNumindError } from './errors';
import {
  fromCreateOrgInput,
  fromInviteInput,
  fromUpdateOrgInput,
  toInvitation,
  toMember,
  toOrganization,
} from './map';
import { numindOperations as ops } from './operations';
import { pageOf } from '../../domain';
import { withStatuses } from './people-list';
import {
  NumindInvitationListWire,
  NumindMemberListWire,
  NumindOrganizationListWire,
  NumindOrganizationWire,
} from './wire';

/** The `Accept` the vendor's SDK sends on create and update (a 400 answers in text/plain). */
const ACCEPT_JSON_OR_TEXT = { accept: 'application/json, text/plain' };
/** …and on invite, in this order. */
const ACCEPT_TEXT_OR_JSON = { accept: 'text/plain, application/json' };

async function withNameField<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    throw onNameField(error);
  }
}

async function withEmailField<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    throw onEmailField(error);
  }
}

export function createNumindApi(options: AdapterOptions): OrgAdminApi {
  const http = createHttpClient({ ...options, parseError: parseNumindError });
  const caps = numindCapabilities;

  /** NuMind returns every org of the signed-in user in one unpaginated array. */
  async function loadAll(signal?: AbortSignal) {
    const raw = await http.call(ops.listOrganizations, { signal });
    return parseWire(NumindOrganizationListWire, raw.json, 'organization list').map(toOrganization);
  }

  /** There is no single-org GET: an org is found in the user's list, or it does not exist for them. */
  async function find(id: string, signal?: AbortSignal) {
    const org = (await loadAll(signal)).find((candidate) => candidate.id === id);
    if (org) return org;
    throw new ApiError({
      kind: 'not_found',
      message: `No organization with ID “${id}” among the signed-in user’s organizations.`,
    });
  }

  async function loadMembers(orgId: string, signal?: AbortSignal) {
    const raw = await http.call(ops.listMembers, { params: { organizationId: orgId }, signal });
    return parseWire(NumindMemberListWire, raw.json, 'member list').map(toMember);
  }

  /** Pending invitations only: NuMind keeps no accepted or deleted ones. */
  async function loadInvitations(orgId: string, signal?: AbortSignal) {
    const raw = await http.call(ops.listInvitations, {
      params: { organizationId: orgId },
      signal,
    });
    return parseWire(NumindInvitationListWire, raw.json, 'invitation list').map(toInvitation);
  }

  return {
    provider: 'numind',
    capabilities: caps,
    organizations: {
      /**
       * A slice of the one array NuMind answers, in its order: it cannot search or sort (the
       * capabilities say so; the data layer does those over `listAll`).
       */
      async list(params, { signal } = {}) {
        const pageSize = Math.min(params.pageSize, caps.list.maxPageSize);
        return pageOf(await loadAll(signal), params.page, pageSize);
      },
      async listAll({ signal } = {}) {
        return { items: await loadAll(signal), complete: true };
      },
      async get(ref, { signal } = {}) {
        return find(ref, signal);
      },
      async create(input, { signal } = {}) {
        const raw = await withNameField(
          http.call(ops.createOrganization, {
            body: { json: fromCreateOrgInput(input) },
            headers: ACCEPT_JSON_OR_TEXT,
            signal,
          }),
        );
        const wire = parseWire(NumindOrganizationWire, raw.json, 'created organization');
        return { organization: toOrganization(wire), oneTimeSecret: null };
      },
      async update(id, input, { signal } = {}) {
        // A PUT replaces the whole org: without a new name, the current one is sent back.
        const name = input.name ?? (await find(id, signal)).name;
        const raw = await withNameField(
          http.call(ops.updateOrganization, {
            params: { organizationId: id },
            body: { json: fromUpdateOrgInput({ ...input, name }) },
            headers: ACCEPT_JSON_OR_TEXT,
            signal,
          }),
        );
        return toOrganization(parseWire(NumindOrganizationWire, raw.json, 'organization'));
      },
      async delete(id, { signal } = {}) {
        await http.call(ops.deleteOrganization, { params: { organizationId: id }, signal });
      },
    },
    members: {
      async list(orgId, params, { signal } = {}) {
        const pageSize = Math.min(params.pageSize, caps.people.members?.maxPageSize ?? 1000);
        // One array, in NuMind's order: no search, role filter or sort (the capabilities say so;
        // the data layer does them over `listAll`).
        return pageOf(await loadMembers(orgId, signal), params.page, pageSize);
      },
      async listAll(orgId, { signal } = {}) {
        return { items: await loadMembers(orgId, signal), complete: true };
      },
      async remove(orgId, userId, { signal } = {}) {
        await http.call(ops.removeMember, { params: { organizationId: orgId, userId }, signal });
      },
    },
    access: {
      /** Read only: the roles the members list shows; NuMind has no role change and no permissions. */
      async roles(orgId, userId, { signal } = {}) {
        const member = (await loadMembers(orgId, signal)).find((m) => m.userId === userId);
        if (!member) {
          throw new ApiError({
            kind: 'not_found',
            message: `User ${userId} is not a member of this organization.`,
          });
        }
        return member.roles;
      },
    },
    invitations: {
      async list(orgId, params, { signal } = {}) {
        const pageSize = Math.min(params.pageSize, caps.people.invitations?.maxPageSize ?? 1000);
        const items = withStatuses(await loadInvitations(orgId, signal), params.statuses);
        return pageOf(items, params.page, pageSize);
      },
      async listAll(orgId, statuses, { signal } = {}) {
        return {
          items: withStatuses(await loadInvitations(orgId, signal), statuses),
          complete: true,
        };
      },
      /** NuMind answers 200 with an empty body: there is no invitation to return. */
      async create(orgId, input, { signal } = {}) {
        await withEmailField(
          http.call(ops.inviteMember, {
            params: { organizationId: orgId },
            body: { json: fromInviteInput(input) },
            headers: ACCEPT_TEXT_OR_JSON,
            signal,
          }),
        );
        return null;
      },
      async revoke(orgId, invitationId, { signal } = {}) {
        await http.call(ops.deleteInvitation, {
          params: { organizationId: orgId, invitationId },
          signal,
        });
      },
    },
  };
}
