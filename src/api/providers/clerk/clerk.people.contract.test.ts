import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../../server/testing/test-server';
import { runPeopleContract } from '../../contract/people-contract';
import type { InvitationsApi, MembersApi, OrgAdminApi } from '../../org-admin-api';
import type { Member } from '../../people';
import { createClerkApi } from './adapter';
import { apiErrorOf as failure, uniqueSuffix as unique } from '../../contract/helpers';

/** A seeded org with a few dozen members: enough for paging, small enough to load whole. */
async function mediumOrg(api: OrgAdminApi): Promise<string> {
  const page = await api.organizations.list({
    page: 1,
    pageSize: 100,
    search: '',
    sort: { field: 'memberCount', direction: 'desc' },
  });
  const org = page.items.find(
    (item) => (item.memberCount ?? 0) >= 12 && (item.memberCount ?? 0) <= 200,
  );
  if (!org) throw new Error('the seed has orgs with 12 to 200 members');
  return org.id;
}

runPeopleContract({
  connectionId: 'clerk',
  provider: 'clerk',
  createApi: createClerkApi,
  orgWithMembers: mediumOrg,
});

function isComplete(api: MembersApi | undefined): api is Required<MembersApi> {
  return api?.add !== undefined && api.remove !== undefined && api.setRoles !== undefined;
}

function canRevoke(
  api: InvitationsApi,
): api is InvitationsApi & Pick<Required<InvitationsApi>, 'revoke'> {
  return api.revoke !== undefined;
}

describe('clerk adapter: Backend API people specifics', () => {
  let server: TestServer;
  let api: OrgAdminApi;
  let globexId: string;

  beforeAll(async () => {
    server = await startTestServer();
    api = createClerkApi({ baseUrl: server.upstreamUrl('clerk') });
    globexId = (await api.organizations.get('globex-enterprise')).id;
  });
  afterAll(async () => {
    await server.close();
  });

  const members = (): Required<MembersApi> => {
    const found = api.members;
    if (!isComplete(found)) throw new Error('Clerk declares add, remove and change role');
    return found;
  };
  const invitations = (): InvitationsApi & Pick<Required<InvitationsApi>, 'revoke'> => {
    const found = api.invitations;
    if (!found || !canRevoke(found)) throw new Error('Clerk declares revoke');
    return found;
  };
  const users = () => {
    if (!api.users) throw new Error('Clerk declares user search');
    return api.users;
  };

  const freshOrg = async (fields: Record<string, number> = {}) =>
    (await api.organizations.create({ name: `People ${unique()}`, fields })).organization.id;

  /** Users who are in none of the given orgs. */
  const outsiders = async (count: number, ...orgIds: string[]) => {
    const taken = new Set<string>();
    for (const orgId of orgIds)
      for (const member of (await members().listAll(orgId)).items) taken.add(member.userId);
    const found = await users().search({ search: '', limit: 200 });
    return found.filter((user) => !taken.has(user.id)).slice(0, count);
  };

  /** Straight to the emulator, for what the adapter never sends. */
  const direct = (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('authorization', 'Bearer sandbox-token');
    if (init.body !== undefined) headers.set('content-type', 'application/json');
    return fetch(`${server.origin}/sandbox/clerk${path}`, { ...init, headers });
  };

  describe('the 2,000-member Globex Enterprise', () => {
    it('counts 2,000 members on the org and on every members page', async () => {
      expect((await api.organizations.get(globexId)).memberCount).toBe(2000);
      const first = await members().list(globexId, {
        page: 1,
        pageSize: 25,
        search: '',
        role: null,
        sort: null,
      });
      expect(first.total).toBe(2000);
      expect(first.items).toHaveLength(25);
      expect(first.hasMore).toBe(true);
    });

    it('pages through all 2,000 at the largest page size without gaps or repeats', async () => {
      const seen = new Set<string>();
      let page = 1;
      let hasMore = true;
      while (hasMore) {
        const result = await members().list(globexId, {
          page,
          pageSize: 500,
          search: '',
          role: null,
          sort: { field: 'joinedAt', direction: 'desc' },
        });
        expect(result.total).toBe(2000);
        for (const member of result.items) seen.add(member.userId);
        hasMore = result.hasMore;
        page++;
      }
      expect(page - 1).toBe(4);
      expect(seen.size).toBe(2000);
      const all = await members().listAll(globexId);
      expect(all.complete).toBe(true);
      expect(all.items).toHaveLength(2000);
    });

    it('filters by role on the server, with the total of that role', async () => {
      const billing = await members().list(globexId, {
        page: 1,
        pageSize: 500,
        search: '',
        role: 'org:billing',
        sort: null,
      });
      expect(billing.items.length).toBeGreaterThan(0);
      expect(billing.total).toBe(billing.items.length);
      expect(billing.total).toBeLessThan(2000);
      for (const member of billing.items)
        expect(member.roles).toEqual([{ key: 'org:billing', name: 'Billing manager' }]);
    });

    it('searches by part of an email and by name', async () => {
      const page = await members().list(globexId, {
        page: 3,
        pageSize: 10,
        search: '',
        role: null,
        sort: null,
      });
      const target = page.items.find((member) => member.email && member.name) as Member;
      const local = target.email?.split('@')[0] ?? '';
      const byEmail = await members().list(globexId, {
        page: 1,
        pageSize: 50,
        search: local,
        role: null,
        sort: null,
      });
      expect(byEmail.items.map((member) => member.userId)).toContain(target.userId);
      for (const member of byEmail.items) {
        const haystack = `${member.email ?? ''} ${member.name ?? ''} ${member.userId}`;
        expect(haystack.toLowerCase()).toContain(local.toLowerCase());
      }
      const byName = await members().list(globexId, {
        page: 1,
        pageSize: 500,
        search: target.name ?? '',
        role: null,
        sort: null,
      });
      expect(byName.items.map((member) => member.userId)).toContain(target.userId);
      expect(byName.total).toBeLessThan(2000);
    });

    it('sorts by email and by name on the server', async () => {
      const byEmail = await members().list(globexId, {
        page: 1,
        pageSize: 50,
        search: '',
        role: null,
        sort: { field: 'email', direction: 'asc' },
      });
      const emails = byEmail.items.map((member) => member.email ?? '');
      expect(emails).toEqual([...emails].sort());
      const byName = await members().list(globexId, {
        page: 1,
        pageSize: 50,
        search: '',
        role: null,
        sort: { field: 'name', direction: 'desc' },
      });
      const firstNames = byName.items.map((member) => (member.name ?? '').split(' ')[0] ?? '');
      expect(firstNames).toEqual([...firstNames].sort().reverse());
    });

    it('lists expired invitations as expired and keeps them out of the pending ones', async () => {
      const expired = await invitations().listAll(globexId, ['expired']);
      expect(expired.items.length).toBeGreaterThan(0);
      for (const invitation of expired.items) {
        expect(invitation.status).toBe('expired');
        expect(Date.parse(invitation.expiresAt ?? '')).toBeLessThan(Date.now());
      }
      const pending = await invitations().listAll(globexId, ['pending']);
      expect(pending.items.length).toBeGreaterThan(0);
      for (const invitation of pending.items)
        expect(Date.parse(invitation.expiresAt ?? '')).toBeGreaterThan(Date.now());
      const org = await api.organizations.get(globexId);
      expect(org.pendingInvitationCount).toBe(pending.items.length);
    });

    it('lists accepted invitations for people who are members now, with the inviter', async () => {
      const accepted = await invitations().listAll(globexId, ['accepted']);
      expect(accepted.items.length).toBeGreaterThan(0);
      const emails = new Set((await members().listAll(globexId)).items.map((m) => m.email));
      for (const invitation of accepted.items) {
        expect(emails.has(invitation.email)).toBe(true);
        expect(invitation.invitedBy).toBeTruthy();
      }
    });
  });

  describe('members', () => {
    it('adds, changes the role of and removes a member, keeping the org’s count', async () => {
      const orgId = await freshOrg();
      const [user] = await outsiders(1, orgId);
      await members().add(orgId, { userId: user?.id ?? '', roles: ['org:member'] });
      expect((await api.organizations.get(orgId)).memberCount).toBe(1);
      const added = (await members().listAll(orgId)).items[0];
      expect(added).toMatchObject({
        userId: user?.id,
        email: user?.email,
        roles: [{ key: 'org:member', name: 'Member' }],
      });
      expect(added?.membershipId).toMatch(/^orgmem_/);
      expect(added?.joinedAt).toMatch(/^20\d\d-/);

      await members().setRoles(orgId, user?.id ?? '', ['org:support']);
      expect((await members().listAll(orgId)).items[0]?.roles).toEqual([
        { key: 'org:support', name: 'Support agent' },
      ]);
      await members().remove(orgId, user?.id ?? '');
      expect((await api.organizations.get(orgId)).memberCount).toBe(0);
    });

    it('refuses a user who is already a member as a conflict with Clerk’s message', async () => {
      const orgId = await freshOrg();
      const [user] = await outsiders(1, orgId);
      await members().add(orgId, { userId: user?.id ?? '', roles: ['org:admin'] });
      const error = await failure(
        members().add(orgId, { userId: user?.id ?? '', roles: ['org:member'] }),
      );
      expect(error.kind).toBe('conflict');
      expect(error.status).toBe(400);
      expect(error.code).toBe('already_a_member_in_organization');
      expect(error.message).toBe(`User ${user?.id ?? ''} is already a member of the organization.`);
    });

    it('refuses an unknown role on the roles field and an unknown user as not found', async () => {
      const orgId = await freshOrg();
      const [user] = await outsiders(1, orgId);
      const role = await failure(
        members().add(orgId, { userId: user?.id ?? '', roles: ['org:owner'] }),
      );
      expect(role.kind).toBe('validation');
      expect(role.fieldErrors['roles']).toMatch(/org:owner does not match the allowed values/);
      const missing = await failure(
        members().add(orgId, { userId: 'user_000000000000000000000000000', roles: ['org:member'] }),
      );
      expect(missing.kind).toBe('not_found');
    });

    it('refuses more than one role, since a Clerk member holds exactly one', async () => {
      const orgId = await freshOrg();
      const error = await failure(members().setRoles(orgId, 'user_x', ['org:admin', 'org:member']));
      expect(error.kind).toBe('validation');
      expect(error.fieldErrors['roles']).toBeTruthy();
    });

    it('refuses a member past the membership limit, counting pending invitations', async () => {
      const orgId = await freshOrg({ max_allowed_memberships: 2 });
      const [first, second] = await outsiders(2, orgId);
      await members().add(orgId, { userId: first?.id ?? '', roles: ['org:admin'] });
      await invitations().create(orgId, {
        email: `limit-${unique()}@example.com`,
        roles: ['org:member'],
      });
      const error = await failure(
        members().add(orgId, { userId: second?.id ?? '', roles: ['org:member'] }),
      );
      expect(error.kind).toBe('forbidden');
      expect(error.code).toBe('organization_membership_quota_exceeded');
    });
  });

  describe('invitations', () => {
    it('invites with a role and an expiry, returning the accept link, and counts it as pending', async () => {
      const orgId = await freshOrg();
      const email = `invitee-${unique()}@example.com`;
      const created = await invitations().create(orgId, {
        email,
        roles: ['org:billing'],
        expiresInDays: 7,
        sendEmail: false,
      });
      expect(created).toMatchObject({
        email,
        status: 'pending',
        roles: [{ key: 'org:billing', name: 'Billing manager' }],
      });
      expect(created?.id).toMatch(/^orginv_/);
      expect(created?.url).toContain(`${server.origin}/sandbox/clerk-frontend/`);
      const days =
        (Date.parse(created?.expiresAt ?? '') - Date.parse(created?.createdAt ?? '')) / 86_400_000;
      expect(days).toBe(7);
      expect((await api.organizations.get(orgId)).pendingInvitationCount).toBe(1);
    });

    it('refuses inviting a member or an email already invited, as conflicts on the email field', async () => {
      const orgId = await freshOrg();
      const [user] = await outsiders(1, orgId);
      await members().add(orgId, { userId: user?.id ?? '', roles: ['org:member'] });
      const member = await failure(
        invitations().create(orgId, { email: user?.email ?? '', roles: ['org:member'] }),
      );
      expect(member.kind).toBe('conflict');
      expect(member.code).toBe('already_a_member_in_organization');
      expect(member.fieldErrors['email']).toContain('is already a member');

      const email = `twice-${unique()}@example.com`;
      await invitations().create(orgId, { email, roles: ['org:member'] });
      const twice = await failure(invitations().create(orgId, { email, roles: ['org:member'] }));
      expect(twice.kind).toBe('conflict');
      expect(twice.fieldErrors['email']).toContain(email);
    });

    it('refuses an invalid email on the email field and an expiry over 365 days', async () => {
      const orgId = await freshOrg();
      const email = await failure(
        invitations().create(orgId, { email: 'not-an-email', roles: ['org:member'] }),
      );
      expect(email.fieldErrors['email']).toBe('email_address must be a valid email address.');
      const expiry = await failure(
        invitations().create(orgId, {
          email: `late-${unique()}@example.com`,
          roles: ['org:member'],
          expiresInDays: 366,
        }),
      );
      expect(expiry.kind).toBe('validation');
      expect(expiry.fieldErrors['expires_in_days']).toBeTruthy();
    });

    it('revokes a pending invitation once; revoking it again is refused', async () => {
      const orgId = await freshOrg();
      const created = await invitations().create(orgId, {
        email: `revoke-${unique()}@example.com`,
        roles: ['org:member'],
      });
      await invitations().revoke(orgId, created?.id ?? '');
      expect((await api.organizations.get(orgId)).pendingInvitationCount).toBe(0);
      const again = await failure(invitations().revoke(orgId, created?.id ?? ''));
      expect(again.kind).toBe('validation');
      expect(again.status).toBe(400);
      expect(again.code).toBe('organization_invitation_not_pending');
    });

    it('refuses to revoke an expired or accepted invitation', async () => {
      for (const status of ['expired', 'accepted'] as const) {
        const [invitation] = (await invitations().listAll(globexId, [status])).items;
        const error = await failure(invitations().revoke(globexId, invitation?.id ?? ''));
        expect(error.code).toBe('organization_invitation_not_pending');
        expect(error.message).toContain(status);
      }
    });

    it('lists several statuses at once, newest first', async () => {
      const page = await invitations().list(globexId, {
        page: 1,
        pageSize: 50,
        statuses: ['revoked', 'accepted'],
      });
      expect(new Set(page.items.map((invitation) => invitation.status))).toEqual(
        new Set(['revoked', 'accepted']),
      );
      const created = page.items.map((invitation) => invitation.createdAt ?? '');
      expect(created).toEqual([...created].sort().reverse());
    });

    it('takes up to 10 invitations in one bulk call and refuses 11 (emulator)', async () => {
      const orgId = await freshOrg({ max_allowed_memberships: 0 });
      const body = (count: number) =>
        JSON.stringify(
          Array.from({ length: count }, (_, index) => ({
            email_address: `bulk-${index}-${unique()}@example.com`,
            role: 'org:member',
          })),
        );
      const eleven = await direct(`/v1/organizations/${orgId}/invitations/bulk`, {
        method: 'POST',
        body: body(11),
      });
      expect(eleven.status).toBe(422);
      expect(await eleven.json()).toMatchObject({
        errors: [{ code: 'form_param_exceeds_allowed_size' }],
      });
      expect((await api.organizations.get(orgId)).pendingInvitationCount).toBe(0);
      const ten = await direct(`/v1/organizations/${orgId}/invitations/bulk`, {
        method: 'POST',
        body: body(10),
      });
      expect(ten.status).toBe(200);
      expect(((await ten.json()) as { total_count: number }).total_count).toBe(10);
      expect((await api.organizations.get(orgId)).pendingInvitationCount).toBe(10);
    });
  });

  describe('inviter and bulk invitations', () => {
    it('sends an invitation, one or in bulk, in the name of an admin of the org', async () => {
      const orgId = await freshOrg({ max_allowed_memberships: 0 });
      const [admin] = await outsiders(1, orgId);
      await members().add(orgId, { userId: admin?.id ?? '', roles: ['org:admin'] });
      const inviter = admin?.name ?? admin?.email;
      const one = await invitations().create(orgId, {
        email: `by-admin-${unique()}@example.com`,
        roles: ['org:member'],
        inviterUserId: admin?.id ?? '',
      });
      expect(one?.invitedBy).toBe(inviter);
      const many = await invitations().createMany?.(orgId, [
        { email: `bulk-admin-${unique()}@example.com`, roles: ['org:member'] },
        {
          email: `bulk-admin-${unique()}@example.com`,
          roles: ['org:billing'],
          inviterUserId: admin?.id ?? '',
        },
      ]);
      const created = many?.map((outcome) => (outcome.ok ? outcome.invitation : null));
      expect(
        created?.map((invitation) => [invitation?.roles[0]?.key, invitation?.invitedBy]),
      ).toEqual([
        ['org:member', null],
        ['org:billing', inviter],
      ]);
    });

    it('refuses a bulk call, inviting nobody, when one inviter is not an admin', async () => {
      const orgId = await freshOrg({ max_allowed_memberships: 0 });
      const [member] = await outsiders(1, orgId);
      await members().add(orgId, { userId: member?.id ?? '', roles: ['org:member'] });
      const error = await failure(
        invitations().createMany?.(orgId, [
          { email: `fine-${unique()}@example.com`, roles: ['org:member'] },
          {
            email: `by-member-${unique()}@example.com`,
            roles: ['org:member'],
            inviterUserId: member?.id ?? '',
          },
        ]) ?? Promise.resolve(),
      );
      expect(error.kind).toBe('forbidden');
      expect(error.code).toBe('not_an_admin_in_organization');
      expect((await invitations().listAll(orgId, ['pending'])).items).toEqual([]);
    });
  });

  describe('users and roles', () => {
    it('searches users by email and by name, with their primary email', async () => {
      const [some] = await users().search({ search: '', limit: 1 });
      const byName = await users().search({ search: some?.name ?? '', limit: 50 });
      expect(byName.map((user) => user.id)).toContain(some?.id);
      const byEmail = await users().search({ search: some?.email ?? '', limit: 5 });
      expect(byEmail).toContainEqual(some);
      for (const user of byEmail) expect(user.email).toContain(some?.email);
    });

    it('finds the orgs a user belongs to, and refuses an unknown user', async () => {
      const [member] = (
        await members().list(globexId, { page: 1, pageSize: 1, search: '', role: null, sort: null })
      ).items;
      const orgs = (await users().organizationsOf?.(member?.userId ?? '')) ?? [];
      expect(orgs).toContainEqual({ id: globexId, name: 'Globex Enterprise' });
      const other = await freshOrg();
      await members().add(other, { userId: member?.userId ?? '', roles: ['org:member'] });
      const after = (await users().organizationsOf?.(member?.userId ?? '')) ?? [];
      expect(after.map((org) => org.id)).toEqual([other, ...orgs.map((org) => org.id)]);
      const error = await failure(
        users().organizationsOf?.('user_000000000000000000000000000') ?? Promise.resolve(),
      );
      expect(error.kind).toBe('not_found');
    });

    it('lists the role catalogue, default roles first', async () => {
      const roles = await api.roles?.list(globexId);
      expect(roles?.map((role) => role.key)).toEqual([
        'org:admin',
        'org:member',
        'org:billing',
        'org:support',
      ]);
      expect(roles?.[0]).toMatchObject({
        name: 'Admin',
        id: expect.stringMatching(/^role_/) as unknown,
      });
    });
  });

  describe('emulator', () => {
    it('validates the member list’s order_by and role values, naming the parameter', async () => {
      const response = await direct(
        `/v1/organizations/${globexId}/memberships?order_by=-members_count&limit=0`,
      );
      expect(response.status).toBe(422);
      const body = (await response.json()) as { errors: { meta: { param_name: string } }[] };
      expect(body.errors.map((error) => error.meta.param_name)).toEqual(['limit', 'order_by']);
    });

    it('filters members by several roles and by excluded user ids', async () => {
      const response = await direct(
        `/v1/organizations/${globexId}/memberships?role=org:admin&role=org:support&limit=1`,
      );
      const body = (await response.json()) as {
        data: { role: string; public_user_data: { user_id: string } }[];
        total_count: number;
      };
      expect(['org:admin', 'org:support']).toContain(body.data[0]?.role);
      const userId = body.data[0]?.public_user_data.user_id ?? '';
      const without = await direct(
        `/v1/organizations/${globexId}/memberships?role=org:admin&role=org:support&user_id=-${userId}&limit=1`,
      );
      expect(((await without.json()) as { total_count: number }).total_count).toBe(
        body.total_count - 1,
      );
    });

    it('answers the deprecated pending list and a single invitation', async () => {
      const pending = await direct(`/v1/organizations/${globexId}/invitations/pending?limit=2`);
      const body = (await pending.json()) as {
        data: { id: string; status: string }[];
        total_count: number;
      };
      expect(body.data).toHaveLength(2);
      expect(body.data.every((item) => item.status === 'pending')).toBe(true);
      const one = await direct(
        `/v1/organizations/${globexId}/invitations/${body.data[0]?.id ?? ''}`,
      );
      expect(await one.json()).toMatchObject({
        object: 'organization_invitation',
        id: body.data[0]?.id,
      });
      const elsewhere = await direct(
        `/v1/organizations/${await freshOrg()}/invitations/${body.data[0]?.id ?? ''}`,
      );
      expect(elsewhere.status).toBe(404);
    });

    it('refuses an inviter who is not an admin of the org', async () => {
      const orgId = await freshOrg();
      const [user] = await outsiders(1, orgId);
      await members().add(orgId, { userId: user?.id ?? '', roles: ['org:member'] });
      const response = await direct(`/v1/organizations/${orgId}/invitations`, {
        method: 'POST',
        body: JSON.stringify({
          email_address: `by-member-${unique()}@example.com`,
          role: 'org:member',
          inviter_user_id: user?.id,
        }),
      });
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({
        errors: [{ code: 'not_an_admin_in_organization' }],
      });
    });

    it('lists users as a bare array and counts them separately', async () => {
      const list = await direct('/v1/users?limit=3&order_by=-created_at');
      const users = (await list.json()) as { object: string; created_at: number }[];
      expect(users).toHaveLength(3);
      expect(users.every((user) => user.object === 'user')).toBe(true);
      const count = await direct('/v1/users/count');
      const total = (await count.json()) as { object: string; total_count: number };
      expect(total.object).toBe('total_count');
      expect(total.total_count).toBeGreaterThanOrEqual(2000);
    });
  });
});
