import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedNumind } from '../../../../server/sandbox/providers/numind/state';
import { startTestServer, type TestServer } from '../../../../server/testing/test-server';
import { runPeopleContract } from '../../contract/people-contract';
import type { OrgAdminApi } from '../../org-admin-api';
import { createNumindApi } from './adapter';
import { numindCapabilities } from './capabilities';
import { apiErrorOf as expectApiError, uniqueSuffix as unique } from '../../contract/helpers';

/** The seed is deterministic, so every test server starts with exactly these. */
const seed = seedNumind();
const membersOf = (orgId: string) => seed.memberships.filter((m) => m.orgId === orgId);
const demoRoleOf = (orgId: string) =>
  membersOf(orgId).find((m) => m.userId === seed.demoUserId)?.roles[0] ?? null;
const invitationsOf = (orgId: string) => seed.invitations.filter((i) => i.orgId === orgId);

function seededOrg(description: string, test: (orgId: string) => boolean): string {
  const org = seed.orgs.find((candidate) => test(candidate.id));
  if (!org) throw new Error(`the seed has no org where ${description}`);
  return org.id;
}

/** Where the demo user owns the org and it has enough members for paging. */
const ownedBigOrg = seededOrg(
  'the demo user is owner of ≥12 members',
  (id) => demoRoleOf(id) === 'owner' && membersOf(id).length >= 12,
);

runPeopleContract({
  connectionId: 'numind',
  provider: 'numind',
  createApi: createNumindApi,
  orgWithMembers: () => Promise.resolve(ownedBigOrg),
});

describe('numind adapter: people specifics', () => {
  let server: TestServer;
  let api: OrgAdminApi;
  let sandboxUrl: string;
  const sandboxFetch = (path: string, init: RequestInit = {}, token = 'sandbox-token') =>
    fetch(`${sandboxUrl}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) },
    });
  const members = () => {
    if (!api.members) throw new Error('numind declares members');
    return api.members;
  };
  const invitations = () => {
    if (!api.invitations) throw new Error('numind declares invitations');
    return api.invitations;
  };
  const removeMember = (orgId: string, userId: string) =>
    api.members?.remove?.(orgId, userId) ?? Promise.reject(new Error('no member removal'));
  const revokeInvitation = (orgId: string, id: string) =>
    api.invitations?.revoke?.(orgId, id) ?? Promise.reject(new Error('no invitation revoke'));
  const freshOrg = async () =>
    (await api.organizations.create({ name: `People ${unique()}`, fields: {} })).organization.id;
  const pendingEmails = async (orgId: string) =>
    (await invitations().listAll(orgId, ['pending'])).items.map((i) => i.email);

  beforeAll(async () => {
    server = await startTestServer();
    api = createNumindApi({ baseUrl: server.upstreamUrl('numind') });
    // The gateway replaces the Authorization header, so API-key calls go to the sandbox directly.
    sandboxUrl = `${server.origin}/sandbox/numind`;
  });
  afterAll(async () => {
    await server.close();
  });

  it('lets a plain member list people but not invite, remove or delete invitations', async () => {
    const orgId = seededOrg(
      'the demo user is a plain member and invitations are pending',
      (id) => demoRoleOf(id) === 'member' && invitationsOf(id).length > 0,
    );
    const before = await members().listAll(orgId);
    expect(before.items.length).toBe(membersOf(orgId).length);
    const other = before.items.find((m) => m.userId !== seed.demoUserId)?.userId ?? '';

    const invited = await expectApiError(
      invitations().create(orgId, { email: `blocked-${unique()}@example.com`, roles: [] }),
    );
    expect(invited).toMatchObject({ kind: 'forbidden', status: 403 });
    expect(invited.message).toMatch(/permission/);
    const removed = await expectApiError(removeMember(orgId, other));
    expect(removed).toMatchObject({ kind: 'forbidden', status: 403 });
    const revoked = await expectApiError(
      revokeInvitation(orgId, invitationsOf(orgId)[0]?.id ?? ''),
    );
    expect(revoked.kind).toBe('forbidden');

    expect((await members().listAll(orgId)).items).toEqual(before.items);
    expect(await pendingEmails(orgId)).toEqual(invitationsOf(orgId).map((i) => i.email));
  });

  it('refuses an API key with forbidden on every member and invitation call', async () => {
    const keyApi = createNumindApi({
      baseUrl: sandboxUrl,
      headers: { authorization: 'Bearer sandbox-api-key' },
    });
    const keyMembers = keyApi.members;
    const keyInvitations = keyApi.invitations;
    if (!keyMembers?.remove || !keyInvitations?.revoke) throw new Error('groups are declared');
    const [, second] = membersOf(ownedBigOrg);
    const calls: (() => Promise<unknown>)[] = [
      () => keyMembers.listAll(ownedBigOrg),
      () => keyMembers.remove?.(ownedBigOrg, second?.userId ?? '') ?? Promise.resolve(),
      () => keyInvitations.listAll(ownedBigOrg, ['pending']),
      () => keyInvitations.create(ownedBigOrg, { email: 'key@example.com', roles: [] }),
      () => keyInvitations.revoke?.(ownedBigOrg, 'any-invitation') ?? Promise.resolve(),
    ];
    for (const call of calls) {
      const error = await expectApiError(call());
      expect(error).toMatchObject({ kind: 'forbidden', status: 403 });
      expect(error.message).toMatch(/API key/);
    }
    expect((await members().listAll(ownedBigOrg)).items.length).toBe(membersOf(ownedBigOrg).length);
  });

  it('deletes an invitation, which is then gone, and a second delete is not_found', async () => {
    const orgId = await freshOrg();
    const email = `deleted-${unique()}@example.com`;
    expect(await invitations().create(orgId, { email, roles: [] })).toBeNull();
    const invitation = (await invitations().listAll(orgId, ['pending'])).items.find(
      (item) => item.email === email,
    );
    expect(invitation).toMatchObject({ status: 'pending', roles: [{ key: 'member' }] });
    await revokeInvitation(orgId, invitation?.id ?? '');
    expect(await pendingEmails(orgId)).not.toContain(email);
    const again = await expectApiError(revokeInvitation(orgId, invitation?.id ?? ''));
    expect(again).toMatchObject({ kind: 'not_found', status: 404 });
  });

  it('refuses to invite an email twice, and invites it again once the invitation is deleted', async () => {
    const orgId = await freshOrg();
    const email = `again-${unique()}@example.com`;
    await invitations().create(orgId, { email, roles: [] });
    const duplicate = await expectApiError(
      invitations().create(orgId, { email: email.toUpperCase(), roles: [] }),
    );
    expect(duplicate).toMatchObject({ kind: 'conflict', status: 409 });
    expect(duplicate.message).toContain('already pending');
    expect(duplicate.fieldErrors['email']).toBe(duplicate.message);

    const first = (await invitations().listAll(orgId, ['pending'])).items.find(
      (i) => i.email === email,
    );
    await revokeInvitation(orgId, first?.id ?? '');
    await invitations().create(orgId, { email, roles: [] });
    const pending = (await invitations().listAll(orgId, ['pending'])).items.filter(
      (i) => i.email === email,
    );
    expect(pending).toHaveLength(1);
    expect(pending[0]?.id).not.toBe(first?.id);
  });

  it('refuses to invite someone who is already a member, with the email field marked', async () => {
    const existing = seed.users.find((u) => u.id === membersOf(ownedBigOrg)[2]?.userId);
    const error = await expectApiError(
      invitations().create(ownedBigOrg, { email: existing?.email ?? '', roles: [] }),
    );
    expect(error.kind).toBe('conflict');
    expect(error.message).toContain('already a member');
    expect(error.fieldErrors['email']).toBe(error.message);
  });

  it('reports a malformed email as validation on the email field, in NuMind’s text', async () => {
    const error = await expectApiError(
      invitations().create(ownedBigOrg, { email: 'no-at-sign', roles: [] }),
    );
    expect(error).toMatchObject({ kind: 'validation', status: 400 });
    expect(error.message).toMatch(/^Invalid value for: body/);
    expect(error.fieldErrors['email']).toBe(error.message);
  });

  it('never removes the last owner, even at the owner’s own request', async () => {
    const orgId = await freshOrg();
    const self = await expectApiError(removeMember(orgId, seed.demoUserId));
    expect(self).toMatchObject({ kind: 'forbidden', status: 403 });
    expect(self.message).toMatch(/last owner/);
    expect((await members().listAll(orgId)).items.map((m) => m.userId)).toEqual([seed.demoUserId]);

    const adminOrg = seededOrg('the demo user is admin', (id) => demoRoleOf(id) === 'admin');
    const owner = membersOf(adminOrg).find((m) => m.roles.includes('owner'));
    const error = await expectApiError(removeMember(adminOrg, owner?.userId ?? ''));
    expect(error.message).toMatch(/last owner/);
  });

  it('lets an admin remove a member, once', async () => {
    const adminOrg = seededOrg('the demo user is admin', (id) => demoRoleOf(id) === 'admin');
    const target = membersOf(adminOrg).find((m) => m.roles.includes('member'));
    await removeMember(adminOrg, target?.userId ?? '');
    const after = (await members().listAll(adminOrg)).items.map((m) => m.userId);
    expect(after).not.toContain(target?.userId);
    expect(after).toHaveLength(membersOf(adminOrg).length - 1);
    const again = await expectApiError(removeMember(adminOrg, target?.userId ?? ''));
    expect(again).toMatchObject({ kind: 'not_found', status: 404 });
  });

  it('reports the invitations of an org the user is not in as not_found', async () => {
    const outside = seededOrg('the demo user is not a member', (id) => demoRoleOf(id) === null);
    const error = await expectApiError(invitations().listAll(outside, ['pending']));
    expect(error).toMatchObject({ kind: 'not_found', status: 404 });
  });

  const noFilter = { page: 1, pageSize: 50, search: '', role: null, sort: null } as const;

  it('pages the one member array NuMind answers, in its order, with a total', async () => {
    const all = (await members().listAll(ownedBigOrg)).items;
    const page = await members().list(ownedBigOrg, { ...noFilter, page: 2, pageSize: 3 });
    expect(page.total).toBe(all.length);
    expect(page.items.map((m) => m.userId)).toEqual(all.slice(3, 6).map((m) => m.userId));
  });

  it.skipIf(
    numindCapabilities.people.members?.search === 'server' ||
      numindCapabilities.people.members?.roleFilter === 'server',
  )(
    'applies no search, role filter or sort, which NuMind lacks (the data layer does them over every member)',
    async () => {
      const all = (await members().listAll(ownedBigOrg)).items;
      const page = await members().list(ownedBigOrg, {
        ...noFilter,
        pageSize: 50,
        search: all[4]?.email ?? 'x',
        role: 'admin',
        sort: { field: 'name', direction: 'desc' },
      });
      expect(page.total).toBe(all.length);
      expect(page.items.map((m) => m.userId)).toEqual(all.slice(0, 50).map((m) => m.userId));
    },
  );

  it('lists only pending invitations: asking for revoked ones returns none', async () => {
    const orgId = seededOrg('invitations are pending', (id) => invitationsOf(id).length > 0);
    const page = await invitations().list(orgId, { page: 1, pageSize: 10, statuses: ['revoked'] });
    expect(page.items).toEqual([]);
    const pending = await invitations().list(orgId, { page: 1, pageSize: 10, statuses: [] });
    expect(pending.total).toBe(invitationsOf(orgId).length);
  });

  describe('wire format', () => {
    it('lists members as a bare array of MemberResponse with camelCase displayName', async () => {
      const response = await sandboxFetch(`/api/organizations/${ownedBigOrg}/members`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/application\/json/);
      const body = (await response.json()) as Record<string, unknown>[];
      expect(body).toHaveLength(membersOf(ownedBigOrg).length);
      for (const item of body) {
        expect(Object.keys(item).sort()).toEqual(['displayName', 'email', 'id', 'roles']);
      }
      expect(body.find((m) => m['id'] === seed.demoUserId)).toMatchObject({
        displayName: 'Ada Lovelace',
        roles: ['owner'],
      });
    });

    it('invites with 200 and an empty body, and lists InvitationResponse {id, email, roles}', async () => {
      const orgId = await freshOrg();
      const response = await sandboxFetch(`/api/organizations/${orgId}/members`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'wire@example.com' }),
      });
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('');
      const listed = await sandboxFetch(`/api/organizations/${orgId}/members/invitations`);
      const body = (await listed.json()) as Record<string, unknown>[];
      expect(body).toHaveLength(1);
      expect(Object.keys(body[0] ?? {}).sort()).toEqual(['email', 'id', 'roles']);
      expect(body[0]?.['email']).toBe('wire@example.com');
    });

    it('answers an invite body that is not {email: string} with a text/plain 400', async () => {
      for (const body of ['not json', '[]', '{}', '{"email": 42}']) {
        const response = await sandboxFetch(`/api/organizations/${ownedBigOrg}/members`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
        expect(response.status, body).toBe(400);
        expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
        expect(await response.text()).toBe('Invalid value for: body');
      }
    });

    it('routes DELETE …/members/invitations/{id} to the invitation, not to a member', async () => {
      const orgId = await freshOrg();
      await invitations().create(orgId, { email: 'route@example.com', roles: [] });
      const [invitation] = (await invitations().listAll(orgId, [])).items;
      const response = await sandboxFetch(
        `/api/organizations/${orgId}/members/invitations/${invitation?.id ?? ''}`,
        { method: 'DELETE' },
      );
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('');
      expect(await pendingEmails(orgId)).toEqual([]);
      expect((await members().listAll(orgId)).items).toHaveLength(1);
    });

    it('answers an unknown member or invitation with NuMind’s JSON 404', async () => {
      const member = await sandboxFetch(`/api/organizations/${ownedBigOrg}/members/nobody`, {
        method: 'DELETE',
      });
      expect(member.status).toBe(404);
      expect(await member.json()).toMatchObject({ code: 'NotFound' });
      const invitation = await sandboxFetch(
        `/api/organizations/${ownedBigOrg}/members/invitations/nothing`,
        { method: 'DELETE' },
      );
      expect(invitation.status).toBe(404);
      expect(await invitation.json()).toMatchObject({ code: 'NotFound' });
    });
  });
});
