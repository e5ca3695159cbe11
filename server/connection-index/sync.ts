import { ApiError } from '../../src/api/errors';
import type { IndexRepository } from './repository';
import { eachLimited, Throttle } from './retry';
import type { IndexSource } from './source';

export interface SyncOptions {
  /** Calls at once against one provider during the per-org phases. */
  readonly concurrency: number;
  /** Orgs per batch of the per-org phases; the resume point is saved after each batch. */
  readonly batchSize: number;
  /** Stops between pages/batches when it turns true (shutdown); the sync resumes next time. */
  readonly stopped?: () => boolean;
}

export const DEFAULT_SYNC: SyncOptions = { concurrency: 4, batchSize: 50 };

export class SyncStopped extends Error {
  constructor() {
    super('The sync was stopped; it resumes from its saved point.');
  }
}

/**
 * One sync run of a connection, resumable: the phase and its cursor are saved as it goes, so a
 * run interrupted (restart, crash, 429s beyond patience) continues where it stopped.
 * Phases: `orgs` (every page of the org list, then orgs not seen are swept), then `members`
 * and `invitations` (one org at a time, in org-id order, `concurrency` orgs at once).
 * Rows are upserted on their keys, so a page read twice is never stored twice.
 */
export async function runSync(
  repo: IndexRepository,
  connectionId: string,
  source: IndexSource,
  throttle: Throttle,
  options: SyncOptions = DEFAULT_SYNC,
  now: () => Date = () => new Date(),
): Promise<void> {
  const checkStop = () => {
    if (options.stopped?.()) throw new SyncStopped();
  };
  let state = await repo.state(connectionId);
  if (state === null || state.phase === null) {
    const generation = (state?.generation ?? 0) + 1;
    await repo.saveState(connectionId, {
      state: 'syncing',
      phase: 'orgs',
      cursor: '1',
      done: 0,
      total: null,
      generation,
      started_at: now(),
      error: null,
      next_retry_at: null,
      requests: 0,
    });
    state = await repo.state(connectionId);
  } else {
    await repo.saveState(connectionId, { state: 'syncing', error: null, next_retry_at: null });
  }
  if (state === null) throw new Error('index state vanished');
  const generation = state.generation;

  if (state.phase === 'orgs') {
    let page = Number(state.cursor ?? '1');
    let done = state.done;
    for (;;) {
      checkStop();
      const result = await throttle.run(() => source.orgPage(page));
      await repo.upsertOrgs(connectionId, result.items, generation);
      done += result.items.length;
      page += 1;
      const more = result.hasMore && result.items.length > 0;
      await repo.saveState(connectionId, more ? { cursor: String(page), done } : { done });
      if (!more) break;
    }
    await repo.sweepOrgs(connectionId, generation);
    const next = source.members ? 'members' : source.invitations ? 'invitations' : null;
    if (next === null) return finish();
    await repo.saveState(connectionId, { phase: next, cursor: null, done: 0, total: done });
    state = await repo.state(connectionId);
  }

  for (const phase of ['members', 'invitations'] as const) {
    if (state?.phase !== phase) continue;
    const step = perOrgStep(phase);
    if (step) {
      const total = (await repo.counts(connectionId)).orgs;
      let cursor = state.cursor;
      let done = await repo.countOrgsDone(connectionId, cursor);
      await repo.saveState(connectionId, { total, done });
      for (;;) {
        checkStop();
        const ids = await repo.orgIdsAfter(connectionId, cursor, options.batchSize);
        if (ids.length === 0) break;
        await eachLimited(ids, options.concurrency, step);
        cursor = ids[ids.length - 1] ?? cursor;
        done += ids.length;
        await repo.saveState(connectionId, { cursor, done });
      }
    }
    const next = phase === 'members' && source.invitations ? 'invitations' : null;
    if (next === null) return finish();
    await repo.saveState(connectionId, { phase: next, cursor: null, done: 0 });
    state = await repo.state(connectionId);
  }
  return finish();

  /** Reads and stores one org's rows of the phase; an org gone meanwhile is dropped. */
  function perOrgStep(phase: 'members' | 'invitations'): ((orgId: string) => Promise<void>) | null {
    const guarded = async (orgId: string, work: () => Promise<void>) => {
      try {
        await work();
      } catch (error) {
        if (error instanceof ApiError && error.kind === 'not_found') {
          await repo.removeOrg(connectionId, orgId);
          return;
        }
        throw error;
      }
    };
    if (phase === 'members') {
      const read = source.members;
      if (!read) return null;
      return (orgId) =>
        guarded(orgId, async () => {
          const rows = await throttle.run(() => read(orgId));
          await repo.replaceMembers(connectionId, orgId, rows, generation);
        });
    }
    const read = source.invitations;
    if (!read) return null;
    return (orgId) =>
      guarded(orgId, async () => {
        const rows = await throttle.run(() => read(orgId));
        await repo.replaceInvitations(connectionId, orgId, rows, generation);
      });
  }

  async function finish() {
    await repo.analyze();
    await repo.saveState(connectionId, {
      state: 'ready',
      phase: null,
      cursor: null,
      synced_at: now(),
      error: null,
      next_retry_at: null,
    });
  }
}
