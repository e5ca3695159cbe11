import { afterEach, expect, it, vi } from 'vitest';
import type { Organization } from '../../src/api/domain';
import { sandboxConnections } from '../config';
import { seedKinde } from '../sandbox/providers/kinde/state';
import type { Person } from './routes';
import type { IndexStatus } from './service';
import { describeStores } from '../store/test-stores';
import type { Store } from '../store/store';
import { indexedApp, type IndexedApp } from './testing';

const seed = seedKinde();
// Full syncs of the sandbox through the gateway take seconds on a busy machine.
vi.setConfig({ testTimeout: 120_000 });
const opened: IndexedApp[] = [];

async function open(
  store: Store,
  options: Parameters<typeof indexedApp>[1] = {},
  connections?: Parameters<typeof indexedApp>[2],
) {
  const app = await indexedApp(store, options, connections);
  opened.push(app);
  return app;
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((app) => app.server.close()));
});

async function syncNow(app: IndexedApp, id: string): Promise<IndexStatus> {
  const started = await app.call(`/api/connections/${id}/index/refresh`, { method: 'POST' });
  expect(started.status).toBe(202);
  await app.server.connectionIndex?.whenIdle(id);
  return app.json<IndexStatus>(`/api/connections/${id}/index`);
}

describeStores('connection index', ({ store }) => {
  it('mirrors every org, member and invitation despite injected 429s', async () => {
    const app = await open(store());
    await app.addFault({
      vendor: 'kinde',
      path: '/api/v1/organizations/*/users',
      status: 429,
      retryAfterSeconds: 1,
      times: 3,
    });
    const status = await syncNow(app, 'kinde');
    expect(status).toMatchObject({
      indexed: true,
      state: 'ready',
      progress: null,
      counts: {
        orgs: seed.orgs.length,
        members: seed.memberships.length,
        invitations: seed.invites.length,
      },
    });
    expect(status.syncedAt).not.toBeNull();
  });

  it('searches name, handle and code case-insensitively, with complete totals', async () => {
    const app = await open(store());
    const org = seed.orgs.find((o) => o.handle !== null && !o.is_default);
    if (!org?.handle) throw new Error('seed has no org with a handle');
    const expectTotal = seed.orgs.filter((o) =>
      [o.name, o.handle ?? '', o.code].some((v) => v.toLowerCase().includes(org.handle ?? '')),
    ).length;
    const byHandle = await app.json<{ items: Organization[]; total: number }>(
      `/api/connections/kinde/index/orgs?search=${encodeURIComponent(org.handle.toUpperCase())}`,
    );
    expect(byHandle.total).toBe(expectTotal);
    expect(byHandle.items.map((o) => o.id)).toContain(org.code);
    const byCode = await app.json<{ items: Organization[]; total: number }>(
      `/api/connections/kinde/index/orgs?search=${org.code}`,
    );
    expect(byCode.items.map((o) => o.id)).toEqual([org.code]);
    const all = await app.json<{ items: Organization[]; total: number }>(
      `/api/connections/kinde/index/orgs?sort=name&order=desc&pageSize=5&page=2`,
    );
    expect(all.total).toBe(seed.orgs.length);
    const names = [...seed.orgs]
      .sort((a, b) => b.name.toLowerCase().localeCompare(a.name.toLowerCase()))
      .map((o) => o.name);
    expect(all.items.map((o) => o.name)).toEqual(names.slice(5, 10));
  });

  it('lists every pending invitation of the connection, filterable by org', async () => {
    const app = await open(store());
    const pending = seed.invites.filter((i) => i.accepted_on === null && !i.is_revoked);
    const page = await app.json<{ items: { orgId: string; orgName: string }[]; total: number }>(
      '/api/connections/kinde/index/invitations?status=pending&pageSize=10',
    );
    expect(page.total).toBe(pending.length);
    const orgId = pending[0]?.orgCode ?? '';
    const ofOrg = await app.json<{ items: { orgId: string }[]; total: number }>(
      `/api/connections/kinde/index/invitations?status=pending&orgId=${orgId}`,
    );
    expect(ofOrg.total).toBe(pending.filter((i) => i.orgCode === orgId).length);
    expect(new Set(ofOrg.items.map((i) => i.orgId))).toEqual(new Set([orgId]));
  });

  it('resumes after a restart mid-sync without duplicating anything', async () => {
    const first = await open(store(), { sync: { concurrency: 2, batchSize: 10 } });
    // From nothing: what an earlier test indexed is forgotten first.
    await first.server.connectionIndex?.repo.drop('kinde');
    expect(
      (await first.call('/api/connections/kinde/index/refresh', { method: 'POST' })).status,
    ).toBe(202);
    await expect
      .poll(
        async () => {
          const { progress } = await first.json<IndexStatus>('/api/connections/kinde/index');
          return progress?.phase === 'members' ? progress.done : 0;
        },
        { timeout: 60_000, interval: 20 },
      )
      .toBeGreaterThanOrEqual(20);
    await first.server.close();
    opened.splice(opened.indexOf(first), 1);

    const second = await open(store(), { sync: { concurrency: 2, batchSize: 10 } });
    const before = await second.json<IndexStatus>('/api/connections/kinde/index');
    expect(before.state).toBe('syncing');
    expect(before.counts.orgs).toBe(seed.orgs.length);
    const done = before.progress?.done ?? 0;
    expect(before.progress?.phase).toBe('members');
    expect(done).toBeGreaterThanOrEqual(20);
    const status = await syncNow(second, 'kinde');
    expect(status.counts).toEqual({
      orgs: seed.orgs.length,
      members: seed.memberships.length,
      invitations: seed.invites.length,
    });
    // Resumed, not restarted: no org-list page again, members only of the orgs not done, every
    // org's invitations, and at most one read of Kinde's role catalogue (for role names).
    const requests = second.server.connectionIndex?.requestCount('kinde') ?? 0;
    expect(requests).toBeLessThanOrEqual(seed.orgs.length - done + seed.orgs.length + 1);
  });

  it('finds an org created through the gateway at once', async () => {
    const app = await open(store());
    const kinde = await app.adapter('kinde', 'kinde');
    const name = `Write Through ${Date.now()}`;
    const created = await kinde.organizations.create({ name, fields: {} });
    const found = await app.json<{ items: Organization[]; total: number }>(
      `/api/connections/kinde/index/orgs?search=${encodeURIComponent(name.toLowerCase())}`,
    );
    expect(found.items.map((o) => o.id)).toEqual([created.organization.id]);
    await kinde.organizations.delete(created.organization.id);
    const gone = await app.json<{ total: number }>(
      `/api/connections/kinde/index/orgs?search=${encodeURIComponent(name)}`,
    );
    expect(gone.total).toBe(0);
  });

  it('finds a person on three orgs of two connections', async () => {
    // No sync has run: Orgdeck's own writes reach the index through the write-through alone.
    const app = await open(store());
    const email = `jane.${Date.now()}@three-orgs.test`;
    const kinde = await app.adapter('kinde', 'kinde');
    const clerk = await app.adapter('clerk', 'clerk');
    const kindeOrgs = await kinde.organizations.list({
      page: 1,
      pageSize: 2,
      search: '',
      sort: null,
    });
    const clerkOrgs = await clerk.organizations.list({
      page: 1,
      pageSize: 1,
      search: '',
      sort: null,
    });
    const [a, b] = kindeOrgs.items;
    const [c] = clerkOrgs.items;
    if (!a || !b || !c) throw new Error('sandbox has too few orgs');
    await kinde.invitations?.create(a.id, { email, roles: ['admin'] });
    await kinde.invitations?.create(b.id, { email, roles: ['member'] });
    await clerk.invitations?.create(c.id, { email, roles: ['org:member'] });

    const { people } = await app.json<{ people: Person[] }>(
      `/api/people?email=${encodeURIComponent(email.slice(0, 12).toUpperCase())}`,
    );
    expect(people.map((p) => p.email)).toEqual([email]);
    const person = await app.json<Person>(`/api/people/${encodeURIComponent(email)}`);
    expect(person.connections.map((conn) => conn.connectionId)).toEqual(['kinde', 'clerk']);
    const orgs = person.connections.flatMap((conn) =>
      conn.invitations.map((i) => `${conn.connectionId}/${i.orgId}/${i.status}`),
    );
    expect(orgs.sort()).toEqual(
      [`kinde/${a.id}/pending`, `kinde/${b.id}/pending`, `clerk/${c.id}/pending`].sort(),
    );
    expect((await app.call('/api/people/nobody%40nowhere.test')).status).toBe(404);
  });

  it('says user-token connections are answered live', async () => {
    const connections = sandboxConnections().map((connection) =>
      connection.id === 'numind'
        ? { ...connection, auth: { type: 'user-token' as const } }
        : connection,
    );
    const app = await open(store(), {}, connections);
    const status = await app.json<IndexStatus>('/api/connections/numind/index');
    expect(status).toMatchObject({ indexed: false, state: 'never' });
    expect(status.reason).toMatch(/user-token/);
    expect((await app.call('/api/connections/numind/index/orgs')).status).toBe(404);
  });
});
