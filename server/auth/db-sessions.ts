import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { SecretBox } from '../store/crypto';
import type { Database } from '../store/database';
import type { Store } from '../store/store';
import {
  csrfTokenFor,
  randomToken,
  SESSION_ID,
  sessionIdHash,
  type Session,
  type SessionStore,
  type SessionStoreOptions,
  type SessionUser,
} from './sessions';

/** Idle-timer updates are written at most this often per session (the hot path reads only). */
const TOUCH_EVERY_MS = 60_000;

/** A key kept in the store, created once (replicas share it). */
export async function storedKey(db: Kysely<Database>, name: string): Promise<Buffer> {
  await db
    .insertInto('server_keys')
    .values({ name, value: randomBytes(32).toString('base64') })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db
    .selectFrom('server_keys')
    .select('value')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return Buffer.from(row.value, 'base64');
}

/**
 * Sessions in the store: they survive restarts and are shared by replicas. A request costs one
 * primary-key read; the idle timer is written at most once a minute. User tokens are sealed
 * with AES-256-GCM before they are written.
 */
export class DbSessionStore implements SessionStore {
  private readonly now: () => number;

  private constructor(
    private readonly db: Kysely<Database>,
    private readonly csrfKey: Buffer,
    private readonly box: SecretBox,
    private readonly options: SessionStoreOptions,
  ) {
    this.now = options.now ?? (() => Date.now());
  }

  static async open(store: Store, box: SecretBox, options: SessionStoreOptions) {
    return new DbSessionStore(store.db, await storedKey(store.db, 'csrf_key'), box, options);
  }

  private anonymous(id: string): Session {
    return {
      id,
      csrfToken: csrfTokenFor(this.csrfKey, id),
      user: null,
      userTokens: new Map(),
      lastSeenAt: this.now(),
    };
  }

  private async save(session: Session): Promise<void> {
    const now = this.now();
    const row = {
      user_id: session.user?.id ?? null,
      user_json: session.user ? JSON.stringify(session.user) : null,
      user_tokens:
        session.userTokens.size > 0
          ? this.box.seal(JSON.stringify(Object.fromEntries(session.userTokens)))
          : null,
      last_seen_at: new Date(now),
      expires_at: new Date(now + this.options.idleTtlMs),
    };
    session.lastSeenAt = now;
    await this.db
      .insertInto('sessions')
      .values({ id_hash: sessionIdHash(session.id), created_at: new Date(now), ...row })
      .onConflict((oc) => oc.column('id_hash').doUpdateSet(row))
      .execute();
  }

  async create(user: SessionUser | null): Promise<Session> {
    const session = this.anonymous(randomToken());
    session.user = user;
    if (user) await this.save(session);
    return session;
  }

  async get(id: string | undefined): Promise<Session | null> {
    if (id === undefined || !SESSION_ID.test(id)) return null;
    const hash = sessionIdHash(id);
    const now = this.now();
    const row = await this.db
      .selectFrom('sessions')
      .select(['user_json', 'user_tokens', 'last_seen_at', 'expires_at'])
      .where('id_hash', '=', hash)
      .executeTakeFirst();
    if (!row || new Date(row.expires_at).getTime() <= now) return this.anonymous(id);
    const session = this.anonymous(id);
    session.user = row.user_json === null ? null : (JSON.parse(row.user_json) as SessionUser);
    if (row.user_tokens !== null) {
      const opened = this.box.open(row.user_tokens);
      // Sealed with another key (ORGDECK_SECRET_KEY changed): the tokens are gone, as if signed out of them.
      const tokens = opened === null ? {} : (JSON.parse(opened) as Record<string, string>);
      for (const [connection, token] of Object.entries(tokens)) {
        session.userTokens.set(connection, token);
      }
    }
    const lastSeen = new Date(row.last_seen_at).getTime();
    session.lastSeenAt = lastSeen;
    if (now - lastSeen >= TOUCH_EVERY_MS) {
      session.lastSeenAt = now;
      await this.db
        .updateTable('sessions')
        .set({ last_seen_at: new Date(now), expires_at: new Date(now + this.options.idleTtlMs) })
        .where('id_hash', '=', hash)
        .execute();
    }
    return session;
  }

  async setUserToken(session: Session, connectionId: string, token: string | null) {
    if (token === null) session.userTokens.delete(connectionId);
    else session.userTokens.set(connectionId, token);
    await this.save(session);
  }

  async setUser(session: Session, user: SessionUser | null) {
    if (session.user?.id !== user?.id) session.userTokens.clear();
    session.user = user;
    await this.save(session);
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id_hash', '=', sessionIdHash(id)).execute();
  }

  async deleteAllOf(userId: string): Promise<number> {
    const result = await this.db
      .deleteFrom('sessions')
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async purgeExpired(): Promise<number> {
    const result = await this.db
      .deleteFrom('sessions')
      .where('expires_at', '<=', new Date(this.now()))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
