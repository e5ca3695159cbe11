import type { Session, SessionStore, SessionUser } from './sessions';

/** How long a looked-up session is reused before the store is asked again. */
export const SESSION_CACHE_TTL_MS = 1_000;
const MAX_CACHED = 10_000;

interface Cached {
  readonly session: Session;
  readonly until: number;
}

function copy(session: Session): Session {
  return { ...session, userTokens: new Map(session.userTokens) };
}

/**
 * Sessions looked up in the last second, in front of the store's: the console sends its cookie
 * with every call, and a primary-key read on the embedded PGlite cost a gateway call 1–3 ms of
 * CPU, several times the rest of the call.
 *
 * Invalidation: every change made through this process (a user token set, the user replaced,
 * sign-out, sign-out everywhere, the expiry sweep) updates or drops the cached entry at once.
 * A change made by another replica sharing the database is seen here within
 * `SESSION_CACHE_TTL_MS` (a session ended there still works here for at most that long). Each
 * caller gets its own copy, so one request's changes never leak into another's before they are
 * stored.
 */
export class CachedSessionStore implements SessionStore {
  private readonly cached = new Map<string, Cached>();
  /** Bumped by every change, so a read that was under way during one is not cached. */
  private generation = 0;

  constructor(
    private readonly store: SessionStore,
    private readonly now: () => number = () => Date.now(),
    private readonly ttlMs = SESSION_CACHE_TTL_MS,
  ) {}

  private keep(session: Session): void {
    this.cached.delete(session.id);
    this.cached.set(session.id, { session: copy(session), until: this.now() + this.ttlMs });
    if (this.cached.size > MAX_CACHED) {
      const oldest = this.cached.keys().next();
      if (!oldest.done) this.cached.delete(oldest.value);
    }
  }

  async create(user: SessionUser | null): Promise<Session> {
    return this.store.create(user);
  }

  async get(id: string | undefined): Promise<Session | null> {
    if (id !== undefined) {
      const hit = this.cached.get(id);
      if (hit && hit.until > this.now()) return copy(hit.session);
      if (hit) this.cached.delete(id);
    }
    const generation = this.generation;
    const session = await this.store.get(id);
    if (session && generation === this.generation) this.keep(session);
    return session;
  }

  async setUserToken(session: Session, connectionId: string, token: string | null) {
    this.generation += 1;
    this.cached.delete(session.id);
    await this.store.setUserToken(session, connectionId, token);
    this.keep(session);
  }

  async setUser(session: Session, user: SessionUser | null) {
    this.generation += 1;
    this.cached.delete(session.id);
    await this.store.setUser(session, user);
    this.keep(session);
  }

  async delete(id: string): Promise<void> {
    this.generation += 1;
    this.cached.delete(id);
    await this.store.delete(id);
    this.cached.delete(id);
  }

  async deleteAllOf(userId: string): Promise<number> {
    this.generation += 1;
    const drop = () => {
      for (const [id, { session }] of this.cached) {
        if (session.user?.id === userId) this.cached.delete(id);
      }
    };
    drop();
    const ended = await this.store.deleteAllOf(userId);
    drop();
    return ended;
  }

  async purgeExpired(): Promise<number> {
    this.generation += 1;
    this.cached.clear();
    return this.store.purgeExpired();
  }
}
