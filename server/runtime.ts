import { join, resolve } from 'node:path';
import { importAuditJsonl, PgAuditStore } from './audit/pg-store';
import { DbSessionStore, storedKey } from './auth/db-sessions';
import { CachedSessionStore } from './auth/session-cache';
import type { SessionStore } from './auth/sessions';
import { SIGN_IN_FAILURE_LIMIT, SIGN_IN_WINDOW_MS } from './auth/session-routes';
import { DbSignInLimiter } from './auth/sign-in-limits';
import type { Connection } from './config';
import { SecretBox } from './store/crypto';
import type { Logger } from './store/log';
import { openStore, type Store } from './store/store';
import { scheduleVacuum } from './store/vacuum';

/** Where and how the server keeps its state, from the environment. */
export interface RuntimeSettings {
  /** `DATABASE_URL`: a PostgreSQL server (replicas share it); else the embedded PGlite. */
  readonly databaseUrl: string | null;
  /** ORGDECK_DATA_DIR (default `.orgdeck-data`): PGlite lives in `<dataDir>/pg`. */
  readonly dataDir: string;
  /** ORGDECK_AUDIT_RETENTION_DAYS: audit entries older than this are purged; null keeps all. */
  readonly auditRetentionDays: number | null;
  /** ORGDECK_SECRET_KEY: seals user tokens at rest (AES-256-GCM). */
  readonly secretKey: string | null;
  /** Idle minutes before a session ends. */
  readonly sessionTtlMinutes: number;
}

export class RuntimeSettingsError extends Error {}

export function runtimeSettings(
  env: NodeJS.ProcessEnv,
  sessionTtlMinutes: number,
): RuntimeSettings {
  const retention = env['ORGDECK_AUDIT_RETENTION_DAYS']?.trim();
  let auditRetentionDays: number | null = null;
  if (retention !== undefined && retention !== '') {
    const days = Number(retention);
    if (!Number.isInteger(days) || days < 1) {
      throw new RuntimeSettingsError(
        'ORGDECK_AUDIT_RETENTION_DAYS must be a whole number of days (1 or more); leave it unset to keep everything.',
      );
    }
    auditRetentionDays = days;
  }
  const url = env['DATABASE_URL']?.trim();
  const secretKey = env['ORGDECK_SECRET_KEY']?.trim();
  return {
    secretKey: secretKey ? secretKey : null,
    sessionTtlMinutes,
    databaseUrl: url ? url : null,
    dataDir: resolve(env['ORGDECK_DATA_DIR'] ?? '.orgdeck-data'),
    auditRetentionDays,
  };
}

export interface Runtime {
  readonly store: Store;
  readonly auditStore: PgAuditStore;
  /** The store's sessions, each lookup reused for a second (`CachedSessionStore`). */
  readonly sessions: SessionStore;
  readonly signInLimiter: DbSignInLimiter;
  /** Stops background jobs and closes the store (after the server has drained). */
  close(): Promise<void>;
}

const PURGE_EVERY_MS = 60 * 60_000;
const SWEEP_EVERY_MS = 10 * 60_000;

/**
 * Opens the store (migrations applied), imports a legacy `audit.jsonl` once, and starts the
 * background jobs (audit retention; on PGlite, vacuum).
 */
/**
 * The key that seals user tokens: ORGDECK_SECRET_KEY; without it, a key kept in the store, but
 * only when every user-token connection is a sandbox one (a real user's token is never sealed
 * with a key that sits beside it).
 */
async function tokenBox(
  settings: RuntimeSettings,
  connections: readonly Connection[],
  store: Store,
): Promise<SecretBox> {
  if (settings.secretKey !== null) return SecretBox.fromSetting(settings.secretKey);
  const real = connections.filter((c) => c.auth.type === 'user-token' && !c.sandbox);
  if (real.length > 0) {
    throw new RuntimeSettingsError(
      `ORGDECK_SECRET_KEY is not set, and connection ${real.map((c) => c.id).join(', ')} keeps users' own tokens: ` +
        'set ORGDECK_SECRET_KEY (e.g. `openssl rand -base64 32`) so they are encrypted at rest.',
    );
  }
  return new SecretBox(await storedKey(store.db, 'sandbox_token_key'));
}

export async function openRuntime(
  settings: RuntimeSettings,
  log: Logger,
  connections: readonly Connection[],
): Promise<Runtime> {
  const store = await openStore({
    ...(settings.databaseUrl ? { databaseUrl: settings.databaseUrl } : {}),
    dataDir: join(settings.dataDir, 'pg'),
    log,
  });
  await importAuditJsonl(store, join(settings.dataDir, 'audit.jsonl'), (line) => log.info(line));
  const auditStore = new PgAuditStore(store);
  let box: SecretBox;
  try {
    box = await tokenBox(settings, connections, store);
  } catch (error) {
    await store.close();
    throw error;
  }
  const idleTtlMs = settings.sessionTtlMinutes * 60_000;
  const sessions = new CachedSessionStore(await DbSessionStore.open(store, box, { idleTtlMs }));
  const signInLimiter = new DbSignInLimiter(store.db, {
    limit: SIGN_IN_FAILURE_LIMIT,
    windowMs: SIGN_IN_WINDOW_MS,
  });

  const timers: NodeJS.Timeout[] = [];
  const sweep = setInterval(() => {
    Promise.all([sessions.purgeExpired(), signInLimiter.purgeExpired()]).catch((error: unknown) =>
      log.warn(`session purge failed: ${String(error)}`),
    );
  }, SWEEP_EVERY_MS);
  sweep.unref();
  timers.push(sweep);
  const vacuum = scheduleVacuum(store, log, PURGE_EVERY_MS);
  const retention = settings.auditRetentionDays;
  if (retention !== null) {
    const purge = () => {
      auditStore.purgeOlderThan(retention).then(
        (n) => {
          if (n > 0) log.info(`audit retention: purged ${n} entries older than ${retention} days`);
        },
        (error: unknown) => log.warn(`audit retention purge failed: ${String(error)}`),
      );
    };
    purge();
    const timer = setInterval(purge, PURGE_EVERY_MS);
    timer.unref();
    timers.push(timer);
  }

  return {
    store,
    auditStore,
    sessions,
    signInLimiter,
    async close() {
      for (const timer of timers) clearInterval(timer);
      await vacuum?.stop();
      await store.close();
    },
  };
}
