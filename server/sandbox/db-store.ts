import { AsyncLocalStorage } from 'node:async_hooks';
import { join } from 'node:path';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../store/database';
import { readFileIfExists } from './atomic-file';
import { KeyedMutex } from './keyed-mutex';
import type { Slice, SliceDefinition, SandboxStateStore } from './store';

interface Entry {
  definition: SliceDefinition<unknown>;
  state: unknown;
  /** The row's revision this process's copy reflects; null forces a reload. */
  revision: string | null;
  dirty: boolean;
}

export interface DbSandboxStoreOptions {
  readonly db: Kysely<Database>;
  /** A folder whose legacy `sandbox-state.json` seeds slices the database does not hold yet. */
  readonly legacyDir?: string | null;
  readonly log?: (message: string) => void;
}

type Executor = Kysely<Database> | Transaction<Database>;

/** A `bigint` column as text, whichever way the driver hands it over (pg: text; PGlite: number). */
function revisionText(value: string | number | bigint): string {
  return String(value);
}

/**
 * The sandbox's state in the store's database (`sandbox_slices`: one row per slice, a revision
 * bumped on every write), so replicas on one PostgreSQL share one sandbox as they would share one
 * vendor. A write locks its slice's row (`select … for update`), reloads it when another process
 * moved its revision, runs, writes the slice back and commits before it answers; a read reloads
 * only when the revision moved (one primary-key lookup). In one process, requests on a slice take
 * turns (a handler never sees its state swapped under it).
 */
export class DbSandboxStore implements SandboxStateStore {
  private readonly entries = new Map<string, Entry>();
  private readonly db: Kysely<Database>;
  private readonly legacyDir: string | null;
  private readonly log: (message: string) => void;
  private readonly turns = new KeyedMutex();
  /** The slices of the request running in this async context (`changed()` marks those). */
  private readonly running = new AsyncLocalStorage<readonly string[]>();

  constructor(options: DbSandboxStoreOptions) {
    this.db = options.db;
    this.legacyDir = options.legacyDir ?? null;
    this.log = options.log ?? (() => undefined);
  }

  register<S>(definition: SliceDefinition<S>): Slice<S> {
    if (this.entries.has(definition.name)) {
      throw new Error(`Slice ${definition.name} registered twice`);
    }
    const entry: Entry = {
      definition,
      state: definition.seed(),
      revision: null,
      dirty: false,
    };
    this.entries.set(definition.name, entry);
    return {
      name: definition.name,
      get state() {
        return entry.state as S;
      },
    };
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  /**
   * Creates the rows of slices the database does not hold yet (from a legacy state file when
   * there is one, else the seed; replicas starting together insert once), then loads every slice.
   */
  async load(): Promise<void> {
    const legacy = await this.legacySlices();
    const rows = [...this.entries].map(([name, entry]) => {
      const found = legacy[name];
      const data =
        found && found.version === entry.definition.version ? found.data : entry.definition.seed();
      return {
        name,
        shape_version: entry.definition.version,
        revision: '1',
        data: JSON.stringify(data),
      };
    });
    if (rows.length > 0) {
      await this.db
        .insertInto('sandbox_slices')
        .values(rows)
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
    }
    await this.refresh(this.db, this.names(), false);
  }

  changed(): void {
    // Vendors do not say which slice changed: every slice of the running request is written back.
    for (const name of this.running.getStore() ?? this.names()) this.entry(name).dirty = true;
  }

  /**
   * Runs one request on `names`. A write (`write`) holds the rows' locks from the reload to the
   * commit, which happens before `run`'s answer is returned.
   */
  async run<T>(names: readonly string[], write: boolean, run: () => Promise<T>): Promise<T> {
    return this.turns.run(names, () =>
      this.running.run(names, () => this.runInTurn(names, write, run)),
    );
  }

  private async runInTurn<T>(
    names: readonly string[],
    write: boolean,
    run: () => Promise<T>,
  ): Promise<T> {
    for (const name of names) this.entry(name).dirty = false;
    if (!write) {
      await this.refresh(this.db, names, false);
      const result = await run();
      // A read that changed state (none should) is written back under the lock, if no one
      // else wrote the slice meanwhile.
      if (this.anyDirty(names)) await this.persistRead(names);
      return result;
    }
    try {
      return await this.db.transaction().execute(async (trx) => {
        await this.refresh(trx, names, true);
        const result = await run();
        await this.writeBack(trx, names);
        return result;
      });
    } catch (error) {
      // The in-memory copy may hold a change the database refused: reload it next time.
      for (const name of names) this.entry(name).revision = null;
      throw error;
    }
  }

  /** Every change is committed before its request answers: nothing is pending. */
  persistChanges(): Promise<void> {
    return Promise.resolve();
  }

  flush(): Promise<void> {
    return Promise.resolve();
  }

  /** Restores every slice to its seed (for every replica: revisions move). */
  async reset(): Promise<void> {
    const names = this.names();
    await this.turns.run(names, () =>
      this.db.transaction().execute(async (trx) => {
        await this.refresh(trx, names, true);
        for (const entry of this.entries.values()) {
          entry.state = entry.definition.seed();
          entry.dirty = true;
        }
        await this.writeBack(trx, names);
      }),
    );
  }

  private entry(name: string): Entry {
    const entry = this.entries.get(name);
    if (!entry) throw new Error(`No sandbox slice ${name}`);
    return entry;
  }

  private anyDirty(names: readonly string[]): boolean {
    return names.some((name) => this.entry(name).dirty);
  }

  /** Reloads the slices whose revision moved (locking their rows when `lock`). */
  private async refresh(db: Executor, names: readonly string[], lock: boolean): Promise<void> {
    if (names.length === 0) return;
    let query = db
      .selectFrom('sandbox_slices')
      .select(['name', 'revision'])
      .where('name', 'in', [...names]);
    if (lock) query = query.forUpdate();
    const rows = await query.execute();
    const moved = rows
      .filter((row) => revisionText(row.revision) !== this.entry(row.name).revision)
      .map((row) => row.name);
    if (moved.length === 0) return;
    const full = await db
      .selectFrom('sandbox_slices')
      .select(['name', 'revision', 'shape_version', 'data'])
      .where('name', 'in', moved)
      .execute();
    for (const row of full) {
      const entry = this.entry(row.name);
      entry.state =
        row.shape_version === entry.definition.version
          ? JSON.parse(row.data)
          : entry.definition.seed();
      entry.revision = revisionText(row.revision);
    }
  }

  /** Writes the changed slices back, one revision on. */
  private async writeBack(trx: Transaction<Database>, names: readonly string[]): Promise<void> {
    for (const name of names) {
      const entry = this.entry(name);
      if (!entry.dirty) continue;
      const revision = String(BigInt(entry.revision ?? '0') + 1n);
      await trx
        .updateTable('sandbox_slices')
        .set({
          shape_version: entry.definition.version,
          revision,
          data: JSON.stringify(entry.state),
        })
        .where('name', '=', name)
        .execute();
      entry.revision = revision;
      entry.dirty = false;
    }
  }

  private async persistRead(names: readonly string[]): Promise<void> {
    const dirty = names.filter((name) => this.entry(name).dirty);
    await this.db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('sandbox_slices')
        .select(['name', 'revision'])
        .where('name', 'in', dirty)
        .forUpdate()
        .execute();
      const current = rows.filter(
        (row) => revisionText(row.revision) === this.entry(row.name).revision,
      );
      await this.writeBack(
        trx,
        current.map((row) => row.name),
      );
    });
    for (const name of dirty) {
      const entry = this.entry(name);
      if (entry.dirty) {
        this.log(`sandbox: a read changed slice ${name} after another write; reloading it`);
        entry.revision = null;
        entry.dirty = false;
      }
    }
  }

  private async legacySlices(): Promise<Record<string, { version: number; data: unknown }>> {
    if (this.legacyDir === null) return {};
    const text = await readFileIfExists(join(this.legacyDir, 'sandbox-state.json'));
    if (text === null) return {};
    try {
      return JSON.parse(text) as Record<string, { version: number; data: unknown }>;
    } catch {
      this.log('sandbox: the legacy sandbox-state.json is unreadable; seeding instead');
      return {};
    }
  }
}
