import type { Store } from '../store/store';
import type { ConnectionIndexOptions } from './service';

export type IndexSettings = Omit<ConnectionIndexOptions, 'connections' | 'gatewayFetch' | 'log'>;

function wholeNumber(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`${name} must be a whole number (got ${raw}).`);
  return n;
}

/**
 * The index as a server runs it, from the environment: ORGDECK_INDEX_REFRESH_MINUTES (default
 * 10; 0: only at start and on demand) and ORGDECK_INDEX_CONCURRENCY (calls at once per
 * connection, default 4), on the server's store, with the scheduler on; sandbox connections are
 * scheduled only with ORGDECK_INDEX_SANDBOX_SCHEDULE=on (else synced on demand).
 */
export function indexSettings(env: NodeJS.ProcessEnv, store: Store): IndexSettings {
  const minutes = wholeNumber(
    env['ORGDECK_INDEX_REFRESH_MINUTES'],
    10,
    'ORGDECK_INDEX_REFRESH_MINUTES',
  );
  const concurrency = Math.max(
    1,
    wholeNumber(env['ORGDECK_INDEX_CONCURRENCY'], 4, 'ORGDECK_INDEX_CONCURRENCY'),
  );
  return {
    db: store.db,
    engine: store.engine,
    refreshMs: minutes === 0 ? null : minutes * 60_000,
    sync: { concurrency },
    schedule: true,
    scheduleSandbox: env['ORGDECK_INDEX_SANDBOX_SCHEDULE'] === 'on',
  };
}
