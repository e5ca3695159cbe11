import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPermit } from '../../../../server/sandbox/providers/permit/state';
import { startTestServer, type TestServer } from '../../../../server/testing/test-server';
import { runPeopleContract } from '../../contract/people-contract';
import { ApiError } from '../../errors';
import type { InvitationsApi, OrgAdminApi } from '../../org-admin-api';
import { createPermitApi } from './adapter';
import { apiErrorOf as expectApiError, uniqueSuffix as unique } from '../../contract/helpers';

runPeopleContract({
  connectionId: 'permit',
  provider: 'permit',
  createApi: createPermitApi,
  // Permit has no members API here (`members: null`): the member tests skip themselves.
  orgWithMembers: async (api) => (await api.organizations.get('orgdeck-demo')).id,
});

/** The seed is deterministic, so every test server starts with exactly these. */
const seed = seedPermit();
const demoOrg = seed.orgs.find((org) => org.key === 'orgdeck-demo');
const seededInvitesOf = (orgId: string) =>
  seed.invites.filter((invite) => invite.organization_id === orgId);

interface InviteBody {
  success: { id: string; email: string; role: string; status: string }[];
  failed: { email: string; reason: string }[];
}

describe('permit adapter: invite specifics', () => {
  let server: TestServer;
  let api: OrgAdminApi;
  let invitations: InvitationsApi;
  const upstream = (path: string, init: RequestInit = {}) =>
    fetch(`${server.upstreamUrl('permit')}${path}`, init);
  const postInvites = (orgRef: string, body: unknown, query = '') =>
    upstream(`/v2/orgs/${orgRef}/invites${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const freshOrg = async () =>
    (
      await api.organizations.create({
        name: `Invites ${unique()}`,
        slug: `invites-${unique()}`,
        fields: {},
      })
    ).organization;
  const pendingEmails = async (orgId: string) =>
    (await invitations.listAll(orgId, ['pending'])).items.map((invite) => invite.email);
  const revoke = (orgId: string, id: string) =>
    invitations.revoke?.(orgId, id) ?? Promise.reject(new Error('permit declares revoke'));

  beforeAll(async () => {
    server = await startTestServer();
    api = createPermitApi({ baseUrl: server.upstreamUrl('permit') });
    if (!api.invitations) throw new Error('permit declares invitations');
    invitations = api.invitations;
  });
  afterAll(async () => {
    await server.close();
  });

  it('seeds pending invites on the active org, listed by id or key in creation order', async () => {
    const seeded = seededInvitesOf(demoOrg?.id ?? '');
    expect(seeded.length).toBeGreaterThan(0);
    const byKey = await invitations.listAll('orgdeck-demo', ['pending']);
    expect(byKey.items.map((invite) => invite.id)).toEqual(seeded.map((invite) => invite.id));
    for (const invite of byKey.items) {
      expect(invite.status).toBe('pending');
      expect(invite.createdAt).toMatch(/^202[3-6]-/);
      expect(invite.roles).toHaveLength(1);
    }
    const byId = await invitations.listAll(demoOrg?.id ?? '', []);
    expect(byId.items.map((invite) => invite.id)).toEqual(seeded.map((invite) => invite.id));
  });

  it('answers a bulk array per email: one success and one failure with a reason', async () => {
    const org = await freshOrg();
    const taken = `taken-${unique()}@example.com`;
    await invitations.create(org.id, { email: taken, roles: ['read'] });
    const fresh = `fresh-${unique()}@example.com`;
    const response = await postInvites(
      org.slug ?? org.id,
      [
        { email: fresh, role: 'write' },
        { email: taken.toUpperCase(), role: 'read' },
      ],
      '?inviter_name=Support&inviter_email=support%40example.com',
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as InviteBody;
    expect(body.success).toHaveLength(1);
    expect(body.success[0]).toMatchObject({ email: fresh, role: 'write', status: 'pending' });
    expect(body.failed.map((failure) => failure.email)).toEqual([taken.toUpperCase()]);
    expect(body.failed[0]?.reason).toMatch(/already pending/);
    expect((await pendingEmails(org.id)).sort()).toEqual([fresh, taken].sort());
  });

  it('invites a mixed batch through createMany, each address with its own outcome', async () => {
    const org = await freshOrg();
    const taken = `taken-${unique()}@example.com`;
    await invitations.create(org.id, { email: taken, roles: ['read'] });
    const fresh = `fresh-${unique()}@example.com`;
    const byDefault = `default-${unique()}@example.com`;
    const outcomes = await invitations.createMany?.(org.id, [
      { email: fresh, roles: ['write'] },
      { email: ` ${taken.toUpperCase()} `, roles: ['read'] },
      { email: byDefault, roles: [] },
      { email: fresh, roles: ['read'] },
    ]);
    if (!outcomes) throw new Error('permit declares bulk invitations');
    expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, false, true, false]);
    const [first, second, third, fourth] = outcomes;
    expect(first?.ok && first.invitation).toMatchObject({
      email: fresh,
      status: 'pending',
      roles: [{ key: 'write', name: 'Write' }],
    });
    expect(third?.ok && third.invitation?.roles).toEqual([{ key: 'admin', name: 'Admin' }]);
    // Permit's `failed` reasons reach their own addresses, as conflicts on the email field.
    for (const refused of [second, fourth]) {
      const error = refused && !refused.ok ? refused.error : null;
      if (!(error instanceof ApiError)) throw new Error('expected an ApiError refusal');
      expect(error.kind).toBe('conflict');
      expect(error.message).toMatch(/already pending/);
      expect(error.fieldErrors['email']).toBe(error.message);
    }
    expect(second?.email).toBe(` ${taken.toUpperCase()} `);
    expect((await pendingEmails(org.id)).sort()).toEqual([byDefault, fresh, taken].sort());
  });

  it('sends a batch over its limit of 20 nowhere, and a malformed one invites nobody', async () => {
    const org = await freshOrg();
    const many = Array.from({ length: 21 }, (_, i) => ({
      email: `over-${i}-${unique()}@example.com`,
      roles: ['read'],
    }));
    const over = await expectApiError(
      invitations.createMany?.(org.id, many) ?? Promise.resolve(null),
    );
    expect(over.kind).toBe('validation');
    const malformed = await expectApiError(
      invitations.createMany?.(org.id, [
        { email: `fine-${unique()}@example.com`, roles: ['read'] },
        { email: 'not-an-email', roles: ['read'] },
      ]) ?? Promise.resolve(null),
    );
    expect(malformed).toMatchObject({ kind: 'validation', status: 422 });
    expect(await pendingEmails(org.id)).toEqual([]);
  });

  it('fails the second of two identical emails in one request', async () => {
    const org = await freshOrg();
    const email = `twice-${unique()}@example.com`;
    const response = await postInvites(org.id, [{ email }, { email }]);
    const body = (await response.json()) as InviteBody;
    expect(body.success.map((invite) => invite.email)).toEqual([email]);
    expect(body.failed.map((failure) => failure.email)).toEqual([email]);
  });

  it('refuses the whole array with a FastAPI 422 when one item is malformed', async () => {
    const org = await freshOrg();
    const response = await postInvites(org.id, [
      { email: `fine-${unique()}@example.com`, role: 'read' },
      { email: 'not-an-email', role: 'owner' },
    ]);
    expect(response.status).toBe(422);
    const body = (await response.json()) as { detail: { loc: unknown[]; type: string }[] };
    expect(body.detail.map((item) => item.loc)).toEqual([
      ['body', 1, 'email'],
      ['body', 1, 'role'],
    ]);
    expect(await pendingEmails(org.id)).toEqual([]);
    const notArray = await postInvites(org.id, { email: 'single@example.com' });
    expect(notArray.status).toBe(422);
    expect(await notArray.json()).toMatchObject({ detail: [{ loc: ['body'] }] });
  });

  it('reports an already-invited email as a conflict with Permit’s reason on the email field', async () => {
    const org = await freshOrg();
    const email = `dup-${unique()}@example.com`;
    const created = await invitations.create(org.id, { email, roles: ['write'] });
    expect(created).toMatchObject({ email, status: 'pending', roles: [{ key: 'write' }] });
    const error = await expectApiError(invitations.create(org.id, { email, roles: ['read'] }));
    expect(error.kind).toBe('conflict');
    expect(error.message).toMatch(/already pending/);
    expect(error.fieldErrors['email']).toBe(error.message);
  });

  it('invites as admin when no role is given, Permit’s default', async () => {
    const org = await freshOrg();
    const created = await invitations.create(org.id, {
      email: `default-${unique()}@example.com`,
      roles: [],
    });
    expect(created?.roles).toEqual([{ key: 'admin', name: 'Admin' }]);
  });

  it('reports a role outside the access levels as validation on the roles field', async () => {
    const org = await freshOrg();
    const error = await expectApiError(
      invitations.create(org.id, { email: `role-${unique()}@example.com`, roles: ['owner'] }),
    );
    expect(error).toMatchObject({ kind: 'validation', status: 422 });
    expect(error.fieldErrors['roles']).toMatch(/enumeration/);
  });

  it('cancels with 204, after which the invite is gone and can be sent again', async () => {
    const org = await freshOrg();
    const email = `cancel-${unique()}@example.com`;
    const created = await invitations.create(org.id, { email, roles: ['read'] });
    const response = await upstream(`/v2/orgs/${org.id}/invites/${created?.id ?? ''}`, {
      method: 'DELETE',
    });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    expect(await pendingEmails(org.id)).toEqual([]);
    const again = await invitations.create(org.id, { email, roles: ['read'] });
    expect(again?.id).not.toBe(created?.id);
  });

  it('reports cancelling an unknown invite as not_found with Permit’s ErrorDetails', async () => {
    const org = await freshOrg();
    const error = await expectApiError(revoke(org.id, 'd1e2f3a4-0000-4000-8000-000000000000'));
    expect(error).toMatchObject({ kind: 'not_found', status: 404, code: 'NOT_FOUND' });
    const response = await upstream(`/v2/orgs/${org.id}/invites/nope`, { method: 'DELETE' });
    expect(response.status).toBe(404);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body['error_code']).toBe('NOT_FOUND');
    expect(Object.keys(body)).toEqual(expect.arrayContaining(['id', 'title', 'message']));
  });

  it('does not cancel another org’s invite through this org', async () => {
    const seeded = seededInvitesOf(demoOrg?.id ?? '')[0];
    const org = await freshOrg();
    const error = await expectApiError(revoke(org.id, seeded?.id ?? ''));
    expect(error.kind).toBe('not_found');
    expect(await pendingEmails('orgdeck-demo')).toContain(seeded?.email);
  });

  it('pages with page/per_page, ends on a short page, and refuses per_page over 100', async () => {
    const org = await freshOrg();
    const emails = Array.from({ length: 5 }, (_, i) => `page-${i}-${unique()}@example.com`);
    const response = await postInvites(
      org.id,
      emails.map((email) => ({ email, role: 'read' })),
    );
    expect(response.status).toBe(200);
    const first = await invitations.list(org.id, { page: 1, pageSize: 3, statuses: [] });
    const second = await invitations.list(org.id, { page: 2, pageSize: 3, statuses: [] });
    expect(first).toMatchObject({ total: null, hasMore: true });
    expect(second.hasMore).toBe(false);
    expect([...first.items, ...second.items].map((invite) => invite.email)).toEqual(emails);
    const tooBig = await upstream(`/v2/orgs/${org.id}/invites?per_page=101`);
    expect(tooBig.status).toBe(422);
  });

  it('lists no invites for statuses Permit does not keep, and 404s an unknown org', async () => {
    const revoked = await invitations.list('orgdeck-demo', {
      page: 1,
      pageSize: 30,
      statuses: ['revoked', 'accepted'],
    });
    expect(revoked.items).toEqual([]);
    const error = await expectApiError(invitations.listAll('no-such-org', ['pending']));
    expect(error).toMatchObject({ kind: 'not_found', status: 404 });
  });

  it('drops an org’s invites with the org', async () => {
    const org = await freshOrg();
    await invitations.create(org.id, { email: `gone-${unique()}@example.com`, roles: [] });
    await api.organizations.delete(org.id);
    const error = await expectApiError(invitations.listAll(org.id, []));
    expect(error.kind).toBe('not_found');
    const again = await api.organizations.create({
      name: 'Reborn',
      slug: org.slug ?? '',
      fields: {},
    });
    expect(await pendingEmails(again.organization.id)).toEqual([]);
  });

  it('offers the fixed access levels as the role catalogue', async () => {
    const roles = await api.roles?.list('orgdeck-demo');
    expect(roles?.map((role) => role.key)).toEqual(['admin', 'write', 'read', 'no_access']);
  });
});
