import { describe, expect, it } from 'vitest';
import { CachedSessionStore, SESSION_CACHE_TTL_MS } from './session-cache';
import { MemorySessionStore, type SessionStore, type SessionUser } from './sessions';

const alice: SessionUser = {
  id: 'alice',
  name: 'Alice',
  role: 'admin',
  demo: false,
  method: 'password',
};

/** A store shared by two "replicas", counting the lookups that reach it. */
function setup() {
  let now = 1_000_000;
  const clock = () => now;
  const shared = new MemorySessionStore({ idleTtlMs: 60 * 60_000, now: clock });
  let reads = 0;
  const counted: SessionStore = {
    create: (user) => shared.create(user),
    get: (id) => {
      reads += 1;
      return shared.get(id);
    },
    setUserToken: (session, connection, token) => shared.setUserToken(session, connection, token),
    setUser: (session, user) => shared.setUser(session, user),
    delete: (id) => shared.delete(id),
    deleteAllOf: (user) => shared.deleteAllOf(user),
    purgeExpired: () => shared.purgeExpired(),
  };
  return {
    here: new CachedSessionStore(counted, clock),
    elsewhere: new CachedSessionStore(counted, clock),
    reads: () => reads,
    advance: (ms: number) => (now += ms),
  };
}

describe('CachedSessionStore', () => {
  it('asks the store once per second per session, however many calls come', async () => {
    const { here, reads, advance } = setup();
    const session = await here.create(alice);
    for (let i = 0; i < 50; i++) expect((await here.get(session.id))?.user).toEqual(alice);
    expect(reads()).toBe(1);
    advance(SESSION_CACHE_TTL_MS);
    await here.get(session.id);
    expect(reads()).toBe(2);
  });

  it('sees its own changes at once: tokens, sign-out, sign-out everywhere', async () => {
    const { here } = setup();
    const session = await here.create(alice);
    await here.get(session.id);
    await here.setUserToken(session, 'kinde', 'token-1');
    expect((await here.get(session.id))?.userTokens.get('kinde')).toBe('token-1');
    await here.delete(session.id);
    expect((await here.get(session.id))?.user).toBeNull();

    const other = await here.create(alice);
    await here.get(other.id);
    expect(await here.deleteAllOf('alice')).toBe(1);
    expect((await here.get(other.id))?.user).toBeNull();
  });

  it('sees another replica’s sign-out within the cache time', async () => {
    const { here, elsewhere, advance } = setup();
    const session = await here.create(alice);
    expect((await here.get(session.id))?.user).toEqual(alice);
    await elsewhere.delete(session.id);
    advance(SESSION_CACHE_TTL_MS);
    expect((await here.get(session.id))?.user).toBeNull();
  });

  it('gives each caller its own copy', async () => {
    const { here } = setup();
    const session = await here.create(alice);
    const first = await here.get(session.id);
    first?.userTokens.set('kinde', 'not stored');
    expect((await here.get(session.id))?.userTokens.has('kinde')).toBe(false);
  });

  it('does not keep a lookup that was under way while the session changed', async () => {
    const { here } = setup();
    const session = await here.create(alice);
    const reading = here.get(session.id);
    await here.delete(session.id);
    await reading;
    expect((await here.get(session.id))?.user).toBeNull();
  });
});
