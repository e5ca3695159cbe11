import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { ConsoleRole } from '../../src/api/operations';

/** Who a session belongs to. `method` says how they proved it. */
export interface SessionUser {
  readonly id: string;
  readonly name: string;
  readonly role: ConsoleRole;
  readonly demo: boolean;
  readonly method: 'password' | 'demo' | 'proxy';
}

export interface Session {
  readonly id: string;
  /** Synchronizer token (an HMAC of the id): state-changing requests echo it in `x-csrf-token`. */
  readonly csrfToken: string;
  user: SessionUser | null;
  /** Connection id → the user's own access token for user-token connections. Never logged. */
  readonly userTokens: Map<string, string>;
  lastSeenAt: number;
}

/**
 * Where sessions live. A session is stored only once it holds something (a signed-in user, a
 * user token): an anonymous visitor's session is just its id, and its CSRF token is derived
 * from the id with a server key, so no flood of anonymous requests can fill the store or push
 * a real session out.
 */
export interface SessionStore {
  /** A new session (a fresh id); stored now when it has a user. */
  create(user: SessionUser | null): Promise<Session>;
  /** The session with that id: stored and live (its idle timer restarts), or anonymous. */
  get(id: string | undefined): Promise<Session | null>;
  /** Sets (or with `null` clears) a user token, storing the session. */
  setUserToken(session: Session, connectionId: string, token: string | null): Promise<void>;
  /** Replaces who the session belongs to (a proxy's headers changed); user tokens are dropped. */
  setUser(session: Session, user: SessionUser | null): Promise<void>;
  delete(id: string): Promise<void>;
  /** Sign out everywhere: ends every session of the user. Returns how many ended. */
  deleteAllOf(userId: string): Promise<number>;
  /** Removes sessions idle past their time. */
  purgeExpired(): Promise<number>;
}

export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What a session id looks like (32 random bytes, base64url): anything else is no session. */
export const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

export function csrfTokenFor(key: Buffer, id: string): string {
  return createHmac('sha256', key).update(`csrf:${id}`).digest('base64url');
}

/** Sessions are stored by the hash of their id, so a copy of the table signs nobody in. */
export function sessionIdHash(id: string): string {
  return createHash('sha256').update(id).digest('base64url');
}

export interface SessionStoreOptions {
  readonly idleTtlMs: number;
  readonly now?: () => number;
  /** Stored sessions kept at most (oldest-used dropped); anonymous ones are never stored. */
  readonly maxSessions?: number;
}

/**
 * Sessions in memory (tests, and servers run without a store). The map's order is the order of
 * last use, so the first entry is always the stalest.
 */
export class MemorySessionStore implements SessionStore {
  private readonly sessions = new Map<string, Session>();
  private readonly now: () => number;
  private readonly maxSessions: number;
  private readonly key = randomBytes(32);

  constructor(private readonly options: SessionStoreOptions) {
    this.now = options.now ?? (() => Date.now());
    this.maxSessions = options.maxSessions ?? 10_000;
  }

  private anonymous(id: string): Session {
    return {
      id,
      csrfToken: csrfTokenFor(this.key, id),
      user: null,
      userTokens: new Map(),
      lastSeenAt: this.now(),
    };
  }

  private keep(session: Session): void {
    this.sessions.delete(session.id);
    this.sessions.set(session.id, session);
    while (this.sessions.size > this.maxSessions) {
      const stalest = this.sessions.keys().next();
      if (stalest.done) break;
      this.sessions.delete(stalest.value);
    }
  }

  create(user: SessionUser | null): Promise<Session> {
    void this.purgeExpired();
    const session = this.anonymous(randomToken());
    session.user = user;
    if (user) this.keep(session);
    return Promise.resolve(session);
  }

  get(id: string | undefined): Promise<Session | null> {
    if (id === undefined || !SESSION_ID.test(id)) return Promise.resolve(null);
    const session = this.sessions.get(id);
    if (!session) return Promise.resolve(this.anonymous(id));
    if (this.now() - session.lastSeenAt > this.options.idleTtlMs) {
      this.sessions.delete(id);
      return Promise.resolve(this.anonymous(id));
    }
    session.lastSeenAt = this.now();
    this.keep(session);
    return Promise.resolve(session);
  }

  setUserToken(session: Session, connectionId: string, token: string | null): Promise<void> {
    if (token === null) session.userTokens.delete(connectionId);
    else session.userTokens.set(connectionId, token);
    this.keep(session);
    return Promise.resolve();
  }

  setUser(session: Session, user: SessionUser | null): Promise<void> {
    if (session.user?.id !== user?.id) session.userTokens.clear();
    session.user = user;
    this.keep(session);
    return Promise.resolve();
  }

  delete(id: string): Promise<void> {
    this.sessions.delete(id);
    return Promise.resolve();
  }

  deleteAllOf(userId: string): Promise<number> {
    let ended = 0;
    for (const [id, session] of this.sessions) {
      if (session.user?.id === userId) {
        this.sessions.delete(id);
        ended += 1;
      }
    }
    return Promise.resolve(ended);
  }

  purgeExpired(): Promise<number> {
    const cutoff = this.now() - this.options.idleTtlMs;
    let purged = 0;
    for (const [id, session] of this.sessions) {
      if (session.lastSeenAt >= cutoff) break;
      this.sessions.delete(id);
      purged += 1;
    }
    return Promise.resolve(purged);
  }

  get size(): number {
    return this.sessions.size;
  }
}
