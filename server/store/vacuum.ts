import { sql } from 'kysely';
import type { Logger } from './log';
import type { Store } from './store';

/** The tables that grow: vacuumed on the embedded engine, which has no autovacuum. */
const GROWING_TABLES = ['audit_entries', 'sessions', 'sign_in_attempts'] as const;

/**
 * PGlite's stand-in for autovacuum (a single-process PostgreSQL runs none): `vacuum (analyze)`
 * on the tables that grow. Without it the visibility map is never set, so the audit page's
 * capped totals, index-only scans by plan, fetch every counted row from the heap (EXPLAIN
 * ANALYZE at 1M rows: 200 to 340 ms and ~1,000 to 3,900 page reads, against 1 to 17 ms and no
 * heap fetch after a vacuum). Each run only visits pages changed since the last one. A real
 * PostgreSQL server runs autovacuum itself: nothing to do there.
 */
export async function vacuumEmbedded(store: Store): Promise<boolean> {
  if (store.engine !== 'pglite') return false;
  for (const table of GROWING_TABLES) {
    await sql`vacuum (analyze) ${sql.table(table)}`.execute(store.db);
  }
  return true;
}

/**
 * Runs `vacuumEmbedded` now and then every `everyMs` (the timer does not hold the process);
 * `stop()` ends the schedule and waits for a run in progress, so the store closes after it.
 */
export function scheduleVacuum(
  store: Store,
  log: Logger,
  everyMs: number,
): { stop(): Promise<void> } | null {
  if (store.engine !== 'pglite') return null;
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    const started = performance.now();
    running = vacuumEmbedded(store).then(
      () => log.info(`store vacuum: ${Math.round(performance.now() - started)} ms`),
      (error: unknown) => log.warn(`store vacuum failed: ${String(error)}`),
    );
  };
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      return running;
    },
  };
}
