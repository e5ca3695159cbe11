import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Kysely, Selectable, SelectQueryBuilder } from 'kysely';
import type { Database } from '../store/database';
import type { Store } from '../store/store';
import { AuditEntry, type AuditFilter, type AuditPage } from './entry';
import type { AuditQueryResult, AuditStore } from './store';
import type { AuditEntriesTable } from './tables';

/** Totals are counted exactly up to here; beyond it the answer says "more than". */
export const AUDIT_COUNT_CAP = 10_000;
const BATCH = 1_000;

type Row = Selectable<AuditEntriesTable>;
type Query = SelectQueryBuilder<Database, 'audit_entries', object>;

function toRow(entry: AuditEntry) {
  const actor = entry.actor;
  return {
    id: entry.id,
    at: new Date(entry.at),
    actor_id: actor.id,
    actor_name: 'name' in actor ? actor.name : null,
    actor_role: 'role' in actor ? actor.role : null,
    connection_id: entry.connectionId,
    provider: entry.provider,
    operation_id: entry.operationId,
    summary: entry.summary,
    method: entry.method,
    org_id: entry.target.orgId ?? null,
    target_user_id: entry.target.userId ?? null,
    email: entry.target.email ?? null,
    outcome: entry.outcome,
    status: entry.status,
    error: entry.error ?? null,
  };
}

function fromRow(row: Row): AuditEntry {
  const actor =
    row.actor_name !== null && row.actor_role !== null
      ? { id: row.actor_id, name: row.actor_name, role: row.actor_role }
      : { id: row.actor_id };
  const target: AuditEntry['target'] = {
    ...(row.org_id === null ? {} : { orgId: row.org_id }),
    ...(row.target_user_id === null ? {} : { userId: row.target_user_id }),
    ...(row.email === null ? {} : { email: row.email }),
  };
  return {
    id: row.id,
    at: new Date(row.at).toISOString(),
    actor: actor as AuditEntry['actor'],
    connectionId: row.connection_id,
    provider: row.provider,
    operationId: row.operation_id,
    summary: row.summary,
    method: row.method,
    target,
    outcome: row.outcome as AuditEntry['outcome'],
    status: row.status,
    ...(row.error === null ? {} : { error: row.error }),
  };
}

/**
 * The audit trail as an indexed table: each filter of the Audit page is answered from an index
 * walked newest first (`seq`), CSV exports page through it by keyset, and an entry is committed
 * before `append` resolves (so before the response it records is sent).
 */
export class PgAuditStore implements AuditStore {
  private readonly db: Kysely<Database>;

  constructor(store: Store) {
    this.db = store.db;
  }

  async append(entry: AuditEntry): Promise<void> {
    const row = toRow(entry);
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('audit_entries').values(row).execute();
      await trx
        .insertInto('audit_actors')
        .values({ actor_id: row.actor_id, actor_name: row.actor_name ?? '' })
        .onConflict((oc) => oc.doNothing())
        .execute();
    });
  }

  /** Actor ids whose id or name contains the text (case-insensitively), from the small actors table. */
  private async actorIds(text: string): Promise<string[]> {
    const wanted = text.toLowerCase();
    const rows = await this.db
      .selectFrom('audit_actors')
      .select('actor_id')
      .distinct()
      .where((eb) =>
        eb.or([
          eb(eb.fn('strpos', [eb.fn('lower', ['actor_id']), eb.val(wanted)]), '>', 0),
          eb(eb.fn('strpos', [eb.fn('lower', ['actor_name']), eb.val(wanted)]), '>', 0),
        ]),
      )
      .limit(1_000)
      .execute();
    return rows.map((row) => row.actor_id);
  }

  /** The filtered query, or null when no row can match (an actor nobody is). */
  private async filtered(filter: AuditFilter): Promise<{ query: Query } | null> {
    let query: Query = this.db.selectFrom('audit_entries');
    if (filter.id !== undefined) query = query.where('id', '=', filter.id);
    if (filter.connection !== undefined) {
      query = query.where('connection_id', '=', filter.connection);
    }
    if (filter.org !== undefined) query = query.where('org_id', '=', filter.org);
    if (filter.operation !== undefined) query = query.where('operation_id', '=', filter.operation);
    if (filter.outcome !== undefined) query = query.where('outcome', '=', filter.outcome);
    if (filter.actor !== undefined) {
      const ids = await this.actorIds(filter.actor);
      if (ids.length === 0) return null;
      query = query.where('actor_id', 'in', ids);
    }
    return { query };
  }

  async query(filter: AuditFilter, page: AuditPage): Promise<AuditQueryResult> {
    const found = await this.filtered(filter);
    if (!found) return { items: [], total: 0 };
    const { query } = found;
    let items = query.selectAll().orderBy('seq', 'desc').limit(page.pageSize);
    if (page.before !== undefined) items = items.where('seq', '<', String(page.before));
    else if (page.page > 1) items = items.offset((page.page - 1) * page.pageSize);
    const counted = this.db
      .selectFrom(
        query
          .select('seq')
          .limit(AUDIT_COUNT_CAP + 1)
          .as('matching'),
      )
      .select((eb) => eb.fn.countAll<string>().as('n'));
    const [rows, count] = await Promise.all([items.execute(), counted.executeTakeFirstOrThrow()]);
    const n = Number(count.n);
    const last = rows.at(-1);
    return {
      items: rows.map(fromRow),
      total: Math.min(n, AUDIT_COUNT_CAP),
      ...(n > AUDIT_COUNT_CAP ? { totalCapped: true } : {}),
      ...(last && rows.length === page.pageSize ? { nextBefore: Number(last.seq) } : {}),
    };
  }

  /** Every matching entry, newest first, read by keyset in batches of 1,000 (flat memory). */
  async *batches(filter: AuditFilter): AsyncGenerator<readonly AuditEntry[]> {
    const found = await this.filtered(filter);
    if (!found) return;
    const { query } = found;
    let before: string | null = null;
    for (;;) {
      let batch = query.selectAll().orderBy('seq', 'desc').limit(BATCH);
      if (before !== null) batch = batch.where('seq', '<', before);
      const rows = await batch.execute();
      if (rows.length > 0) yield rows.map(fromRow);
      if (rows.length < BATCH) return;
      before = String(rows[rows.length - 1]?.seq);
    }
  }

  /** Deletes entries older than `days`, in batches so no statement holds the table long. */
  async purgeOlderThan(days: number, now = Date.now()): Promise<number> {
    const cutoff = new Date(now - days * 86_400_000);
    let purged = 0;
    for (;;) {
      const doomed = this.db
        .selectFrom('audit_entries')
        .select('seq')
        .where('at', '<', cutoff)
        .limit(10_000);
      const result = await this.db
        .deleteFrom('audit_entries')
        .where('seq', 'in', doomed)
        .executeTakeFirst();
      const n = Number(result.numDeletedRows);
      purged += n;
      if (n < 10_000) return purged;
    }
  }

  close(): Promise<void> {
    // The store is closed by its owner (the server), after the last append.
    return Promise.resolve();
  }
}

const IMPORT_MARK = 'audit_jsonl_imported';

/**
 * Imports an audit.jsonl file (the store of earlier versions) once: streamed line by line,
 * inserted in batches with `on conflict do nothing` (so a crash mid-import and a retry are
 * harmless), then marked done. Unreadable lines are skipped with a warning. Returns how many
 * lines were read as entries (0 when already imported or no file).
 */
export async function importAuditJsonl(
  store: Store,
  path: string,
  warn: (message: string) => void = () => undefined,
): Promise<number> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    return 0;
  }
  const mark = `${path}:${size}`;
  const done = await store.db
    .selectFrom('server_keys')
    .select('value')
    .where('name', '=', IMPORT_MARK)
    .executeTakeFirst();
  if (done?.value === mark) return 0;
  const pending: ReturnType<typeof toRow>[] = [];
  let imported = 0;
  let lineNo = 0;
  let skipped = 0;
  const flush = async () => {
    if (pending.length === 0) return;
    const rows = pending.splice(0);
    await store.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('audit_entries')
        .values(rows)
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      const actors = new Map(rows.map((row) => [`${row.actor_id}\n${row.actor_name ?? ''}`, row]));
      await trx
        .insertInto('audit_actors')
        .values(
          [...actors.values()].map((r) => ({
            actor_id: r.actor_id,
            actor_name: r.actor_name ?? '',
          })),
        )
        .onConflict((oc) => oc.doNothing())
        .execute();
    });
  };
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    lineNo += 1;
    if (line.trim() === '') continue;
    let parsed: ReturnType<typeof AuditEntry.safeParse> | null = null;
    try {
      parsed = AuditEntry.safeParse(JSON.parse(line));
    } catch {
      parsed = null;
    }
    if (!parsed?.success) {
      skipped += 1;
      warn(`audit import: skipped unreadable line ${lineNo} of ${path}`);
      continue;
    }
    pending.push(toRow(parsed.data));
    imported += 1;
    if (pending.length >= 500) await flush();
  }
  await flush();
  await store.db
    .insertInto('server_keys')
    .values({ name: IMPORT_MARK, value: mark })
    .onConflict((oc) => oc.column('name').doUpdateSet({ value: mark }))
    .execute();
  warn(`audit import: ${imported} entries from ${path}${skipped ? ` (${skipped} skipped)` : ''}`);
  return imported;
}
