import { randomBytes } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { SecretBox } from '../store/crypto';
import { describeStores } from '../store/test-stores';
import { DbSessionStore } from './db-sessions';
import type { SessionUser } from './sessions';
import { DbSignInLimiter } from './sign-in-limits';

const ann: SessionUser = { id: 'ann', name: 'Ann', role: 'admin', demo: false, method: 'password' };

describeStores('sessions and sign-in limits in the store', ({ store, engine, openReplica }) => {
  let clock = Date.UTC(2026, 11, 6);
  const now = () => clock;
  const box = new SecretBox(randomBytes(32));
  let sessions: DbSessionStore;

  beforeAll(async () => {
    sessions = await DbSessionStore.open(store(), box, { idleTtlMs: 60 * 60_000, now });
  });

  it('stores a signed-in session (not its id) and finds it again, with its CSRF token', async () => {
    const created = await sessions.create(ann);
    const found = await sessions.get(created.id);
    expect(found?.user).toEqual(ann);
    expect(found?.csrfToken).toBe(created.csrfToken);
    const rows = await store().db.selectFrom('sessions').select('id_hash').execute();
    expect(rows.map((row) => row.id_hash)).not.toContain(created.id);
  });

  it('stores nothing for anonymous visitors, however many come', async () => {
    const before = await store().db.selectFrom('sessions').select('id_hash').execute();
    for (let n = 0; n < 50; n++) {
      const visitor = await sessions.create(null);
      expect((await sessions.get(visitor.id))?.csrfToken).toBe(visitor.csrfToken);
    }
    const after = await store().db.selectFrom('sessions').select('id_hash').execute();
    expect(after.length).toBe(before.length);
  });

  it('keeps user tokens encrypted at rest, readable only through the session', async () => {
    const session = await sessions.create(null);
    await sessions.setUserToken(session, 'numind', 'user-token-value-123');
    const rows = await store().db.selectFrom('sessions').select('user_tokens').execute();
    expect(JSON.stringify(rows)).not.toContain('user-token-value-123');
    expect((await sessions.get(session.id))?.userTokens.get('numind')).toBe('user-token-value-123');
    const otherKey = await DbSessionStore.open(store(), new SecretBox(randomBytes(32)), {
      idleTtlMs: 60 * 60_000,
      now,
    });
    expect((await otherKey.get(session.id))?.userTokens.size).toBe(0);
  });

  it('ends idle sessions, purges them, and signs a user out everywhere', async () => {
    const a = await sessions.create(ann);
    const b = await sessions.create(ann);
    expect(await sessions.deleteAllOf('ann')).toBeGreaterThanOrEqual(2);
    expect((await sessions.get(a.id))?.user).toBeNull();
    const c = await sessions.create({ ...ann, id: 'bob' });
    clock += 61 * 60_000;
    expect((await sessions.get(c.id))?.user).toBeNull();
    expect(await sessions.purgeExpired()).toBeGreaterThanOrEqual(1);
    expect((await sessions.get(b.id))?.user).toBeNull();
  });

  it.skipIf(engine === 'pglite')(
    'is shared by replicas: a session made on one is known to another (PostgreSQL only: PGlite is one process’s)',
    async () => {
      const replica = await DbSessionStore.open(await openReplica(), box, {
        idleTtlMs: 60 * 60_000,
        now,
      });
      const created = await sessions.create(ann);
      expect((await replica.get(created.id))?.user).toEqual(ann);
    },
  );

  it('counts 40 parallel attempts atomically: only the limit gets through', async () => {
    const limiter = new DbSignInLimiter(store().db, { limit: 5, windowMs: 300_000, now });
    const waits = await Promise.all(
      Array.from({ length: 40 }, () => limiter.attempt(['user:ann', 'ip:10.0.0.1'])),
    );
    expect(waits.filter((wait) => wait === 0)).toHaveLength(5);
    expect(Math.max(...waits)).toBeLessThanOrEqual(300_000);
    clock += 300_001;
    expect(await limiter.attempt(['user:ann', 'ip:10.0.0.1'])).toBe(0);
    await limiter.succeeded(['user:ann', 'ip:10.0.0.1']);
    expect(await limiter.purgeExpired()).toBe(0);
  });
});
