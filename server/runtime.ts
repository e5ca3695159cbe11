import { join, resolve } from 'node:path';
import { importAuditJsonl, PgAuditStore } from './audit/pg-store';
import type { Logger } from './store/log';
import { openStore, type Store } from './store/store';

/** Where and how the server keeps its state, from the environment. */
export interface RuntimeSettings {
  /** `DATABASE_URL`: a PostgreSQL server (replicas share it); else the embedded PGlite. */
  readonly databaseUrl: string | null;
  /** ORGDECK_DATA_DIR (default `.orgdeck-data`): PGlite lives in `<dataDir>/pg`. */
  readonly dataDir: string;
  /** ORGDECK_AUDIT_RETENTION_DAYS: audit entries older than this are purged; null keeps all. */
  readonly auditRetentionDays: number | null;
}

export class RuntimeSettingsError extends Error {}

export function runtimeSettings(env: NodeJS.ProcessEnv): RuntimeSettings {
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
  return {
    databaseUrl: url ? url : null,
    dataDir: resolve(env['ORGDECK_DATA_DIR'] ?? '.orgdeck-data'),
    auditRetentionDays,
  };
}

export interface Runtime {
  readonly store: Store;
  readonly auditStore: PgAuditStore;
  /** Stops background jobs and closes the store (after the server has drained). */
  close(): Promise<void>;
}

const PURGE_EVERY_MS = 60 * 60_000;

/**
 * Opens the store (migrations applied), imports a legacy `audit.jsonl` once, and starts the
 * background jobs (audit retention).
 */
export async function openRuntime(settings: RuntimeSettings, log: Logger): Promise<Runtime> {
  const store = await openStore({
    ...(settings.databaseUrl ? { databaseUrl: settings.databaseUrl } : {}),
    dataDir: join(settings.dataDir, 'pg'),
    log,
  });
  await importAuditJsonl(store, join(settings.dataDir, 'audit.jsonl'), (line) => log.info(line));
  const auditStore = new PgAuditStore(store);

  const timers: NodeJS.Timeout[] = [];
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
    async close() {
      for (const timer of timers) clearInterval(timer);
      await store.close();
    },
  };
}
