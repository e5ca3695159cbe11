import { randomBytes } from 'node:crypto';
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
  /** Synchronizer token: state-changing requests must echo it in `x-csrf-token`. */
  readonly csrfToken: string;
  user: SessionUser | null;
  /** Connection id → the user's own access token for user-token connections. Never logged. */
  readonly userTokens: Map<string, string>;
  lastSeenAt: number;
}

export interface SessionStoreOptions {
  readonly idleTtlMs: number;
  readonly now?: () => number;
  /** Oldest-used sessions are dropped beyond this many, so anonymous visits cannot fill memory. */
  readonly maxSessions?: number;
}

function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Sessions in memory: a restart signs everyone out (and forgets their user tokens), by design.
 * The map's order is the order of last use, so the first entry is always the stalest.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  private readonly now: () => number;
  private readonly maxSessions: number;

  constructor(private readonly options: SessionStoreOptions) {
    this.now = options.now ?? (() => Date.now());
    this.maxSessions = options.maxSessions ?? 10_000;
  }

  create(user: SessionUser | null): Session {
    this.sweep();
    const session: Session = {
      id: randomToken(),
      csrfToken: randomToken(),
      user,
      userTokens: new Map(),
      lastSeenAt: this.now(),
    };
    this.sessions.set(session.id, session);
    while (this.sessions.size > this.maxSessions) {
      const stalest = this.sessions.keys().next();
      if (stalest.done) break;
      this.sessions.delete(stalest.value);
    }
    return session;
  }

  /** The live session with that id (its idle timer restarts), or null. */
  get(id: string | undefined): Session | null {
    if (id === undefined) return null;
    const session = this.sessions.get(id);
    if (!session) return null;
    this.sessions.delete(id);
    if (this.now() - session.lastSeenAt > this.options.idleTtlMs) return null;
    session.lastSeenAt = this.now();
    this.sessions.set(id, session);
    return session;
  }

  delete(id: string): void {
    this.sessions.delete(id);
  }

  /** Sign out everywhere: ends every session of the user. Returns how many ended. */
  deleteAllOf(userId: string): number {
    let ended = 0;
    for (const [id, session] of this.sessions) {
      if (session.user?.id === userId) {
        this.sessions.delete(id);
        ended += 1;
      }
    }
    return ended;
  }

  get size(): number {
    return this.sessions.size;
  }

  private sweep(): void {
    const cutoff = this.now() - this.options.idleTtlMs;
    for (const [id, session] of this.sessions) {
      if (session.lastSeenAt >= cutoff) break;
      this.sessions.delete(id);
    }
  }
}
