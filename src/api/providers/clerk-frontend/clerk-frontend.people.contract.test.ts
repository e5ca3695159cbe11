import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../../server/testing/test-server';
import { runPeopleContract } from '../../contract/people-contract';
import type { InvitationsApi, MembersApi, OrgAdminApi } from '../../org-admin-api';
import { createClerkApi } from '../clerk/adapter';
import { createClerkFrontendApi } from './adapter';
import { clerkFrontendCapabilities } from './capabilities';
import { apiErrorOf as failure, uniqueSuffix as unique } from '../../contract/helpers';

/** One of the signed-in user's orgs with a few dozen members. */
async function mediumOrg(api: OrgAdminApi): Promise<string> {
  const mine = await api.organizations.listAll();
  const org = mine.items.find(
    (item) => (item.memberCount ?? 0) >= 12 && (item.memberCount ?? 0) <= 200,
  );
  if (!org) throw new Error('the seed makes the user a member of orgs with 12 to 200 members');
  return org.id;
}

/**
 * The Frontend API cannot search users, so the ids come from the Backend API of the same
 * Clerk instance.
 */
async function usersToAdd(
  api: OrgAdminApi,
  orgId: string,
  count: number,
  server: TestServer,
): Promise<string[]> {
  const backend = createClerkApi({ baseUrl: server.upstreamUrl('clerk') });
  const members = new Set((await api.members?.listAll(orgId))?.items.map((m) => m.userId));
  const users = (await backend.users?.search({ search: '', limit: 200 })) ?? [];
  return users
    .filter((user) => !members.has(user.id))
    .slice(0, count)
    .map((user) => user.id);
}

runPeopleContract({
  connectionId: 'clerk-frontend',
  provider: 'clerk-frontend',
  createApi: createClerkFrontendApi,
  orgWithMembers: mediumOrg,
  usersToAdd,
});

function isComplete(api: MembersApi | undefined): api is Required<MembersApi> {
  return api?.add !== undefined && api.remove !== undefined && api.setRoles !== undefined;
}

function canRevoke(
  api: InvitationsApi,
): api is InvitationsApi & Pick<Required<InvitationsApi>, 'revoke'> {
  return api.revoke !== undefined;
}

interface MembershipsBody {
  response: { data: { role: string; organization: { id: string } }[]; total_count: number };
}

describe('clerk-frontend adapter: Frontend API people specifics', () => {
  let server: TestServer;
  let fapi: OrgAdminApi;
  let bapi: OrgAdminApi;
  let globexId: string;
  let memberOnlyOrgId: string;

  /** Straight to the emulator, for what the adapter never sends. */
  const direct = (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('authorization', 'Bearer sandbox-token');
    // The native-app scheme: Clerk reads the bearer only with `_is_native=true`.
    const url = new URL(`${server.origin}/sandbox/clerk-frontend${path}`);
    url.searchParams.set('_is_native', 'true');
    return fetch(url, { ...init, headers });
  };
  const form = (fields: [string, string][]) => ({
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });

  beforeAll(async () => {
    server = await startTestServer();
    fapi = createClerkFrontendApi({ baseUrl: server.upstreamUrl('clerk-frontend') });
    bapi = createClerkApi({ baseUrl: server.upstreamUrl('clerk') });
    globexId = (await bapi.organizations.get('globex-enterprise')).id;
    const response = await direct('/v1/me/organization_memberships?paginated=true&limit=500');
    const mine = ((await response.json()) as MembershipsBody).response.data;
    const memberOnly = mine.find((membership) => membership.role === 'org:member');
    if (!memberOnly) throw new Error('the seed makes the user a plain member of some orgs');
    memberOnlyOrgId = memberOnly.organization.id;
  });
  afterAll(async () => {
    await server.close();
  });

  const members = (): Required<MembersApi> => {
    const api = fapi.members;
    if (!isComplete(api)) throw new Error('the Frontend API declares add, remove and change role');
    return api;
  };
  const invitations = (): InvitationsApi & Pick<Required<InvitationsApi>, 'revoke'> => {
    const api = fapi.invitations;
    if (!api || !canRevoke(api)) throw new Error('the Frontend API declares revoke');
    return api;
  };
  const freshOrg = async () =>
    (await fapi.organizations.create({ name: `FAPI People ${unique()}`, fields: {} })).organization
      .id;

  describe('as a plain member (org:member)', () => {
    it('lists the members but may not remove, add or re-role anyone', async () => {
      const all = await members().listAll(memberOnlyOrgId);
      const other = all.items.find((member) => member.roles[0]?.key !== 'org:member');
      expect(other).toBeDefined();
      const remove = await failure(members().remove(memberOnlyOrgId, other?.userId ?? ''));
      expect(remove.kind).toBe('forbidden');
      expect(remove.status).toBe(403);
      const [outsider] = await usersToAdd(fapi, memberOnlyOrgId, 1, server);
      const add = await failure(
        members().add(memberOnlyOrgId, { userId: outsider ?? '', roles: ['org:member'] }),
      );
      expect(add.kind).toBe('forbidden');
      const role = await failure(
        members().setRoles(memberOnlyOrgId, other?.userId ?? '', ['org:member']),
      );
      expect(role.kind).toBe('forbidden');
      const after = await members().listAll(memberOnlyOrgId);
      expect(after.items.map((member) => member.userId)).toContain(other?.userId);
    });

    it('may not see or send invitations', async () => {
      const list = await failure(
        invitations().list(memberOnlyOrgId, { page: 1, pageSize: 10, statuses: [] }),
      );
      expect(list.kind).toBe('forbidden');
      const invite = await failure(
        invitations().create(memberOnlyOrgId, {
          email: `member-${unique()}@example.com`,
          roles: ['org:member'],
        }),
      );
      expect(invite.kind).toBe('forbidden');
    });
  });

  describe('as an admin', () => {
    it('keeps at least one admin: the only admin can neither leave nor step down', async () => {
      const orgId = await freshOrg();
      const [me] = (await members().listAll(orgId)).items;
      expect(me?.roles[0]?.key).toBe('org:admin');
      const leave = await failure(members().remove(orgId, me?.userId ?? ''));
      expect(leave.kind).toBe('forbidden');
      expect(leave.code).toBe('organization_minimum_permissions_needed');
      const stepDown = await failure(members().setRoles(orgId, me?.userId ?? '', ['org:member']));
      expect(stepDown.code).toBe('organization_minimum_permissions_needed');

      const [other] = await usersToAdd(fapi, orgId, 1, server);
      await members().add(orgId, { userId: other ?? '', roles: ['org:admin'] });
      await members().setRoles(orgId, me?.userId ?? '', ['org:member']);
      expect((await bapi.organizations.get(orgId)).memberCount).toBe(2);
    });

    it('adds members that the Backend API sees, with the same role', async () => {
      const orgId = await freshOrg();
      const [userId] = await usersToAdd(fapi, orgId, 1, server);
      await members().add(orgId, { userId: userId ?? '', roles: ['org:billing'] });
      const seen = (await bapi.members?.listAll(orgId))?.items.find((m) => m.userId === userId);
      expect(seen?.roles).toEqual([{ key: 'org:billing', name: 'Billing manager' }]);
      const duplicate = await failure(
        members().add(orgId, { userId: userId ?? '', roles: ['org:member'] }),
      );
      expect(duplicate.kind).toBe('conflict');
    });

    it('invites as the signed-in user: the Backend API shows them as the inviter', async () => {
      const orgId = await freshOrg();
      const email = `fapi-${unique()}@example.com`;
      const created = await invitations().create(orgId, { email, roles: ['org:member'] });
      expect(created).toMatchObject({ email, status: 'pending', invitedBy: null });
      expect(created?.url).toContain('/sandbox/clerk-frontend/');
      const seen = (await bapi.invitations?.listAll(orgId, ['pending']))?.items[0];
      expect(seen?.id).toBe(created?.id);
      expect(seen?.invitedBy).toBeTruthy();
      const twice = await failure(invitations().create(orgId, { email, roles: ['org:member'] }));
      expect(twice.kind).toBe('conflict');
      expect(twice.fieldErrors['email']).toContain(email);
    });

    it('revokes a pending invitation once and refuses to revoke it again', async () => {
      const orgId = await freshOrg();
      const created = await invitations().create(orgId, {
        email: `revoke-${unique()}@example.com`,
        roles: ['org:member'],
      });
      await invitations().revoke(orgId, created?.id ?? '');
      const again = await failure(invitations().revoke(orgId, created?.id ?? ''));
      expect(again.kind).toBe('validation');
      expect(again.code).toBe('organization_invitation_not_pending');
      const revoked = await invitations().listAll(orgId, ['revoked']);
      expect(revoked.items.map((invitation) => invitation.id)).toEqual([created?.id]);
    });
  });

  describe('Globex Enterprise through the Frontend API', () => {
    it('pages the 2,000 members with their total', async () => {
      const first = await members().list(globexId, {
        page: 1,
        pageSize: 500,
        search: '',
        role: null,
        sort: null,
      });
      expect(first.total).toBe(2000);
      const last = await members().list(globexId, {
        page: 4,
        pageSize: 500,
        search: '',
        role: null,
        sort: null,
      });
      expect(last.items).toHaveLength(500);
      expect(last.hasMore).toBe(false);
      const ids = new Set([...first.items, ...last.items].map((member) => member.userId));
      expect(ids.size).toBe(1000);
    });

    it('filters by role and searches by email on the server', async () => {
      const admins = await members().list(globexId, {
        page: 1,
        pageSize: 500,
        search: '',
        role: 'org:admin',
        sort: null,
      });
      expect(admins.items.length).toBeGreaterThan(1);
      expect(admins.items.every((member) => member.roles[0]?.key === 'org:admin')).toBe(true);
      const target = admins.items[0];
      const found = await members().list(globexId, {
        page: 1,
        pageSize: 50,
        search: target?.email ?? '',
        role: null,
        sort: null,
      });
      expect(found.items.map((member) => member.userId)).toContain(target?.userId);
    });

    it.skipIf(clerkFrontendCapabilities.people.members?.serverSortFields.includes('email'))(
      'sends no sort, which the Frontend API lacks: the page keeps Clerk’s order (the data layer sorts)',
      async () => {
        const asked = { page: 1, pageSize: 20, search: '', role: 'org:support' } as const;
        const plain = await members().list(globexId, { ...asked, sort: null });
        const sorted = await members().list(globexId, {
          ...asked,
          sort: { field: 'email', direction: 'desc' },
        });
        expect(sorted.total).toBe(plain.total);
        expect(sorted.items.map((member) => member.userId)).toEqual(
          plain.items.map((member) => member.userId),
        );
      },
    );

    it('filters by one status, and answers every status when several are asked (statusFilter one)', async () => {
      expect(clerkFrontendCapabilities.people.invitations?.statusFilter).toBe('one');
      const expired = await invitations().list(globexId, {
        page: 1,
        pageSize: 50,
        statuses: ['expired'],
      });
      expect(expired.items.length).toBeGreaterThan(0);
      expect(expired.items.every((invitation) => invitation.status === 'expired')).toBe(true);
      const mixed = await invitations().list(globexId, {
        page: 1,
        pageSize: 50,
        statuses: ['expired', 'pending'],
      });
      const every = await invitations().list(globexId, { page: 1, pageSize: 50, statuses: [] });
      expect(mixed.total).toBe(every.total);
      expect(mixed.items.map((invitation) => invitation.id)).toEqual(
        every.items.map((invitation) => invitation.id),
      );
      expect(new Set(mixed.items.map((invitation) => invitation.status))).toContain('expired');
      const [old] = expired.items;
      const refused = await failure(invitations().revoke(globexId, old?.id ?? ''));
      expect(refused.code).toBe('organization_invitation_not_pending');
    });

    it('lists the org’s roles, default roles first', async () => {
      const roles = await fapi.roles?.list(globexId);
      expect(roles?.slice(0, 2).map((role) => role.key)).toEqual(['org:admin', 'org:member']);
    });
  });

  describe('emulator', () => {
    it('invites several in one bulk call as the signed-in user, one role for all', async () => {
      const orgId = await freshOrg();
      const emails = [`bulk-a-${unique()}@example.com`, `bulk-b-${unique()}@example.com`];
      const created = await invitations().createMany?.(
        orgId,
        emails.map((email) => ({ email, roles: ['org:admin'] })),
      );
      expect(
        created?.map((outcome) => [
          outcome.email,
          outcome.ok && outcome.invitation?.email,
          outcome.ok && outcome.invitation?.roles[0]?.key,
        ]),
      ).toEqual(emails.map((email) => [email, email, 'org:admin']));
      const inBackend = (await bapi.invitations?.listAll(orgId, ['pending']))?.items ?? [];
      const me = (await members().listAll(orgId)).items[0];
      expect(new Set(inBackend.map((invitation) => invitation.invitedBy))).toEqual(
        new Set([me?.name ?? me?.email]),
      );
    });

    it('refuses a bulk call that mixes roles before sending anything', async () => {
      const orgId = await freshOrg();
      const error = await failure(
        invitations().createMany?.(orgId, [
          { email: `mixed-a-${unique()}@example.com`, roles: ['org:admin'] },
          { email: `mixed-b-${unique()}@example.com`, roles: ['org:member'] },
        ]) ?? Promise.resolve(),
      );
      expect(error.kind).toBe('validation');
      expect(error.status).toBeNull();
      expect((await invitations().listAll(orgId, ['pending'])).items).toEqual([]);
    });

    it('takes up to 10 emails in one bulk invitation and refuses 11', async () => {
      const orgId = (
        await bapi.organizations.create({
          name: `Bulk ${unique()}`,
          fields: { max_allowed_memberships: 0 },
        })
      ).organization.id;
      // The signed-in user has to be an admin of the org to invite.
      await bapi.members?.add?.(orgId, { userId: await demoUserId(), roles: ['org:admin'] });
      const emails = (count: number): [string, string][] =>
        Array.from({ length: count }, (_, index) => [
          'email_address',
          `bulk-${index}-${unique()}@example.com`,
        ]);
      const eleven = await direct(
        `/v1/organizations/${orgId}/invitations/bulk`,
        form([...emails(11), ['role', 'org:member']]),
      );
      expect(eleven.status).toBe(422);
      expect(await eleven.json()).toMatchObject({
        errors: [
          { code: 'form_param_exceeds_allowed_size', meta: { param_name: 'email_address' } },
        ],
      });
      const two = await direct(
        `/v1/organizations/${orgId}/invitations/bulk`,
        form([...emails(2), ['role', 'org:member']]),
      );
      expect(two.status).toBe(200);
      const body = (await two.json()) as { response: { status: string }[]; client: object };
      expect(body.response.map((invitation) => invitation.status)).toEqual(['pending', 'pending']);
      expect((await bapi.organizations.get(orgId)).pendingInvitationCount).toBe(2);
    });

    it('lists members as {data, total_count} when paginated and as a bare array otherwise', async () => {
      const paginated = await direct(
        `/v1/organizations/${globexId}/memberships?paginated=true&limit=2`,
      );
      const bare = await direct(`/v1/organizations/${globexId}/memberships?limit=2`);
      const a = (await paginated.json()) as { response: { data: unknown[]; total_count: number } };
      const b = (await bare.json()) as { response: unknown[] };
      expect(a.response.total_count).toBe(2000);
      expect(a.response.data).toHaveLength(2);
      expect(b.response).toHaveLength(2);
    });

    it('answers roles with Clerk’s role set flag', async () => {
      const response = await direct(`/v1/organizations/${globexId}/roles`);
      expect(await response.json()).toMatchObject({
        response: { total_count: 4, has_role_set_migration: false },
        client: { object: 'client' },
      });
    });

    it('refuses JSON bodies and unknown form fields on member calls', async () => {
      const orgId = await freshOrg();
      const json = await direct(`/v1/organizations/${orgId}/memberships`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user_id: 'user_x', role: 'org:member' }),
      });
      expect(json.status).toBe(422);
      const extra = await direct(
        `/v1/organizations/${orgId}/invitations`,
        form([
          ['email_address', `x-${unique()}@example.com`],
          ['role', 'org:member'],
          ['expires_in_days', '3'],
        ]),
      );
      expect(extra.status).toBe(422);
      expect(await extra.json()).toMatchObject({
        errors: [{ code: 'form_param_unknown', meta: { param_name: 'expires_in_days' } }],
      });
    });
  });

  /** The signed-in user's id, from an org they created. */
  async function demoUserId(): Promise<string> {
    const orgId = await freshOrg();
    const [me] = (await members().listAll(orgId)).items;
    return me?.userId ?? '';
  }
});
