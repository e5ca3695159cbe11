import { sql, type Kysely } from 'kysely';
import { loadAdapter } from '../../src/api/adapters';
import type { Connection } from '../config';
import type { Database, StoreEngine } from '../store/store';
import { eligibility } from './eligibility';
import { IndexRepository } from './repository';
import type { IndexDatabase } from './schema';
import { adapterSource, type IndexSource } from './source';
import { DEFAULT_RETRY, Throttle, type RetryPolicy } from './retry';
import { runSync, SyncStopped, type SyncOptions } from './sync';

export interface IndexStatus {
  readonly connectionId: string;
  readonly indexed: boolean;
  readonly reason?: string;
  readonly state: 'never' | 'syncing' | 'ready' | 'error';
  readonly syncedAt: string | null;
  readonly startedAt: string | null;
  readonly progress: {
    readonly phase: 'orgs' | 'members' | 'invitations';
    readonly done: number;
    readonly total: number | null;
  } | null;
  readonly counts: {
    readonly orgs: number;
    readonly members: number;
    readonly invitations: number;
  };
  readonly error?: string;
  readonly nextRetryAt?: string;
}

export interface ConnectionIndexOptions {
  /** The store's database (`openStore`), migration `0100_connection_index` applied. */
  readonly db: Kysely<Database>;
  /** On `postgres`, only the replica holding a connection's advisory lock syncs it. */
  readonly engine: StoreEngine;
  readonly connections: readonly Connection[];
  /**
   * Sends a request into the gateway as the index's system identity (read-only, never reachable
   * over HTTP): the sync uses the same credential path and allow-list as the browser.
   */
  readonly gatewayFetch: (request: Request) => Promise<Response>;
  /** How often a ready index is refreshed; null: only on demand (and at start). */
  readonly refreshMs: number | null;
  readonly sync?: Partial<SyncOptions>;
  readonly retry?: RetryPolicy;
  /** Wait before an index whose sync failed is tried again. */
  readonly errorRetryMs?: number;
  /** Starts the scheduler (syncs that are due, interrupted ones resumed); off in most tests. */
  readonly schedule?: boolean;
  readonly log?: (line: string) => void;
  readonly now?: () => number;
}

const INTERNAL_ORIGIN = 'http://orgdeck-index.internal';
const TICK_MS = 30_000;

function lockKey(connectionId: string): string {
  return `orgdeck-connection-index:${connectionId}`;
}

/**
 * The connection index: status, sync runs (scheduled, on demand, resumed), and write-through of
 * Orgdeck's own changes. Queries go through `repo`.
 */
export class ConnectionIndex {
  readonly repo: IndexRepository;
  private readonly byId: Map<string, Connection>;
  private readonly running = new Map<string, Promise<void>>();
  private readonly requests = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly log: (line: string) => void;
  private readonly now: () => number;

  constructor(private readonly options: ConnectionIndexOptions) {
    // The index's tables are its own migration's; the store's type does not list them.
    this.repo = new IndexRepository(options.db as unknown as Kysely<IndexDatabase>);
    this.byId = new Map(options.connections.map((c) => [c.id, c]));
    this.log = options.log ?? (() => undefined);
    this.now = options.now ?? (() => Date.now());
    if (options.schedule) {
      this.timer = setInterval(
        () => void this.tick(),
        Math.min(TICK_MS, options.refreshMs ?? TICK_MS),
      );
      this.timer.unref();
      void this.tick();
    }
  }

  connection(id: string): Connection | undefined {
    return this.byId.get(id);
  }

  get connections(): readonly Connection[] {
    return this.options.connections;
  }

  isIndexed(id: string): boolean {
    const connection = this.byId.get(id);
    return connection !== undefined && eligibility(connection).indexed;
  }

  /** Provider requests the index made for a connection since this process started. */
  requestCount(id: string): number {
    return this.requests.get(id) ?? 0;
  }

  /** The adapter the browser would use, pointed at the gateway through the system identity. */
  async source(connection: Connection): Promise<IndexSource> {
    const gatewayFetch = this.options.gatewayFetch;
    const count = (id: string) => this.requests.set(id, (this.requests.get(id) ?? 0) + 1);
    const fetchThroughGateway = (input: RequestInfo | URL, init?: RequestInit) => {
      count(connection.id);
      return gatewayFetch(new Request(input, init));
    };
    const api = await loadAdapter(connection.provider, {
      baseUrl: `${INTERNAL_ORIGIN}/api/connections/${encodeURIComponent(connection.id)}/upstream`,
      fetch: fetchThroughGateway,
    });
    return adapterSource(api);
  }

  async status(id: string): Promise<IndexStatus | null> {
    const connection = this.byId.get(id);
    if (!connection) return null;
    const verdict = eligibility(connection);
    const empty = { orgs: 0, members: 0, invitations: 0 };
    if (!verdict.indexed) {
      return {
        connectionId: id,
        indexed: false,
        reason: verdict.reason,
        state: 'never',
        syncedAt: null,
        startedAt: null,
        progress: null,
        counts: empty,
      };
    }
    const [row, counts] = await Promise.all([this.repo.state(id), this.repo.counts(id)]);
    const iso = (date: Date | null | undefined) => (date ? new Date(date).toISOString() : null);
    return {
      connectionId: id,
      indexed: true,
      state: row?.state ?? 'never',
      syncedAt: iso(row?.synced_at),
      startedAt: iso(row?.started_at),
      progress:
        row?.phase && (row.state === 'syncing' || this.running.has(id))
          ? { phase: row.phase, done: row.done, total: row.total }
          : null,
      counts,
      ...(row?.error ? { error: row.error } : {}),
      ...(row?.next_retry_at ? { nextRetryAt: new Date(row.next_retry_at).toISOString() } : {}),
    };
  }

  /** Starts a sync unless one runs; resolves when it has started (not when it ends). */
  refresh(id: string): Promise<void> | null {
    if (!this.isIndexed(id) || this.stopped) return null;
    const existing = this.running.get(id);
    if (existing) return existing;
    const run = this.syncUnderLock(id).finally(() => this.running.delete(id));
    this.running.set(id, run);
    return run;
  }

  /** The running sync of a connection, if any (tests and the bench wait on it). */
  whenIdle(id: string): Promise<void> {
    return this.running.get(id) ?? Promise.resolve();
  }

  private async syncUnderLock(id: string): Promise<void> {
    const connection = this.byId.get(id);
    if (!connection) return;
    const work = () => this.syncNow(connection);
    if (this.options.engine !== 'postgres') return work();
    // A session-level advisory lock, held on one pooled connection for the whole run: another
    // replica's try fails and it leaves this connection to the holder.
    const db = this.options.db;
    await db.connection().execute(async (conn) => {
      const got = await sql<{
        ok: boolean;
      }>`select pg_try_advisory_lock(hashtext(${lockKey(id)})) as ok`.execute(conn);
      if (!got.rows[0]?.ok) {
        this.log(`index ${id}: another replica holds the sync lock`);
        return;
      }
      try {
        await work();
      } finally {
        await sql`select pg_advisory_unlock(hashtext(${lockKey(id)}))`.execute(conn);
      }
    });
  }

  private async syncNow(connection: Connection): Promise<void> {
    const started = this.now();
    const before = this.requestCount(connection.id);
    const source = await this.source(connection);
    const throttle = new Throttle(this.options.retry ?? DEFAULT_RETRY);
    try {
      await runSync(this.repo, connection.id, source, throttle, {
        concurrency: this.options.sync?.concurrency ?? 4,
        batchSize: this.options.sync?.batchSize ?? 50,
        stopped: () => this.stopped,
      });
      this.log(
        `index ${connection.id}: synced in ${this.now() - started} ms, ${this.requestCount(connection.id) - before} requests, ${throttle.throttled} throttled`,
      );
    } catch (error) {
      if (error instanceof SyncStopped) return;
      const message = error instanceof Error ? error.message : String(error);
      this.log(`index ${connection.id}: sync failed: ${message}`);
      await this.repo.saveState(connection.id, {
        state: 'error',
        error: message,
        next_retry_at: new Date(this.now() + (this.options.errorRetryMs ?? 60_000)),
      });
    } finally {
      await this.repo.addRequests(connection.id, this.requestCount(connection.id) - before);
    }
  }

  /** Starts what is due: never synced, interrupted, failed and due again, or stale. */
  async tick(): Promise<void> {
    for (const connection of this.options.connections) {
      if (this.stopped || !this.isIndexed(connection.id) || this.running.has(connection.id))
        continue;
      try {
        const row = await this.repo.state(connection.id);
        const now = this.now();
        const due =
          row === null ||
          row.state === 'never' ||
          row.state === 'syncing' ||
          (row.state === 'error' && (row.next_retry_at?.getTime() ?? 0) <= now) ||
          (row.state === 'ready' &&
            this.options.refreshMs !== null &&
            (row.synced_at?.getTime() ?? 0) + this.options.refreshMs <= now);
        if (due) void this.refresh(connection.id);
      } catch (error) {
        this.log(`index ${connection.id}: schedule check failed: ${String(error)}`);
      }
    }
  }

  /**
   * Write-through: after a successful gateway write that names an org, re-reads that org (and
   * its members and invitations) so the index answers with the change at once.
   */
  async onWriteSucceeded(
    connectionId: string,
    operationId: string,
    target: { readonly orgId?: string | undefined } | undefined,
  ): Promise<void> {
    const connection = this.byId.get(connectionId);
    const orgId = target?.orgId;
    if (!connection || !orgId || !this.isIndexed(connectionId)) return;
    try {
      const source = await this.source(connection);
      const throttle = new Throttle(this.options.retry ?? DEFAULT_RETRY);
      const generation = (await this.repo.state(connectionId))?.generation ?? 0;
      const org = await throttle.run(() => source.org(orgId));
      if (org === null) {
        await this.repo.removeOrg(connectionId, orgId);
        return;
      }
      await this.repo.upsertOrgs(connectionId, [org], generation);
      if (source.members) {
        const read = source.members;
        const rows = await throttle.run(() => read(org.id));
        await this.repo.replaceMembers(connectionId, org.id, rows, generation);
      }
      if (source.invitations) {
        const read = source.invitations;
        const rows = await throttle.run(() => read(org.id));
        await this.repo.replaceInvitations(connectionId, org.id, rows, generation);
      }
    } catch (error) {
      // The next scheduled sync picks the change up.
      this.log(
        `index ${connectionId}: write-through after ${operationId} failed: ${String(error)}`,
      );
    }
  }

  async close(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await Promise.allSettled([...this.running.values()]);
  }
}
