import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, Migrator, PostgresDialect, type MigrationProvider } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock';
import type { Database } from './database';
import { silentLogger, type Logger } from './log';
import { MIGRATIONS } from './migrations';
import { PGliteDialect } from './pglite-dialect';

export type { Database } from './database';
export type { Logger } from './log';

export type StoreEngine = 'pglite' | 'postgres';

/**
 * All server state, in one PostgreSQL-dialect database: an embedded PGlite by default, or a real
 * PostgreSQL server (shared by replicas) when a `postgres://` URL is given. One query layer
 * (Kysely) for both.
 */
export interface Store {
  readonly db: Kysely<Database>;
  readonly engine: StoreEngine;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** `postgres://…`: a node-postgres pool on a real server (replicas share it). */
  readonly databaseUrl?: string;
  /** PGlite's folder (e.g. `<ORGDECK_DATA_DIR>/pg`); `null` keeps an in-memory PGlite. */
  readonly dataDir: string | null;
  readonly log?: Logger;
  /** Tables live in this schema (created if missing): for test suites that share a database. */
  readonly schema?: string;
  /** Connections of the PostgreSQL pool (default 10). */
  readonly poolSize?: number;
  /**
   * An in-memory PGlite to use instead of opening one (test suites share one per process, since
   * a cold open takes seconds); `close()` leaves it open. Use with a fresh `schema`.
   */
  readonly pgliteClient?: PGlite;
}

/** Extensions every embedded store loads: `pg_trgm` backs the connection index's search. */
export const PGLITE_OPTIONS = { extensions: { pg_trgm } } satisfies PGliteOptions;

/** Thrown when the store cannot be opened; its message is meant for the operator. */
export class StoreOpenError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreOpenError';
  }
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(MIGRATIONS) };

/** Applies every pending migration (Kysely's Migrator takes a PostgreSQL advisory lock). */
export async function migrate(
  db: Kysely<Database>,
  log: Logger = silentLogger,
  schema?: string,
): Promise<void> {
  const migrator = new Migrator({
    db,
    provider,
    allowUnorderedMigrations: true,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  for (const result of results ?? []) {
    if (result.status === 'Success') log.info(`store migration applied: ${result.migrationName}`);
    if (result.status === 'Error') log.error(`store migration failed: ${result.migrationName}`);
  }
  if (error) throw error instanceof Error ? error : new Error('migration failed');
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the DATABASE_URL';
  }
}

async function openPostgres(options: StoreOptions & { databaseUrl: string }) {
  const schema = options.schema;
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: options.poolSize ?? 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client's network error must not crash the process; the next query reports it.
  pool.on('error', (error) => (options.log ?? silentLogger).warn(`store: ${error.message}`));
  try {
    const client = await pool.connect();
    try {
      if (schema) await client.query(`create schema if not exists ${schema}`);
    } finally {
      client.release();
    }
  } catch (cause) {
    await pool.end().catch(() => undefined);
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new StoreOpenError(
      `cannot reach PostgreSQL at ${redactUrl(options.databaseUrl)} (${message}).`,
      { cause },
    );
  }
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

async function openPglite(options: StoreOptions) {
  let release: () => void = () => undefined;
  let client: PGlite;
  let ownClient = true;
  if (options.pgliteClient) {
    client = options.pgliteClient;
    ownClient = false;
  } else if (options.dataDir === null) {
    client = await PGlite.create(PGLITE_OPTIONS);
  } else {
    mkdirSync(dirname(options.dataDir), { recursive: true, mode: 0o700 });
    release = lockDataDir(`${options.dataDir}.lock`);
    try {
      client = await PGlite.create(options.dataDir, PGLITE_OPTIONS);
    } catch (cause) {
      release();
      throw new StoreOpenError(
        `cannot open the embedded database in ${options.dataDir} (${String(cause)}).`,
        { cause },
      );
    }
  }
  if (options.schema) {
    await client.exec(
      `create schema if not exists ${options.schema}; set search_path to ${options.schema}`,
    );
  }
  const db = new Kysely<Database>({
    dialect: new PGliteDialect(client, ownClient, ownClient ? null : (options.schema ?? null)),
  });
  return { db, release };
}

/** Opens the store and applies pending migrations before resolving. */
export async function openStore(options: StoreOptions): Promise<Store> {
  const log = options.log ?? silentLogger;
  if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) {
    throw new StoreOpenError(`invalid schema name ${options.schema}`);
  }
  const url = options.databaseUrl?.trim();
  let db: Kysely<Database>;
  let engine: StoreEngine;
  let release: () => void = () => undefined;
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new StoreOpenError('DATABASE_URL must be a postgres:// or postgresql:// URL.');
    }
    db = await openPostgres({ ...options, databaseUrl: url });
    engine = 'postgres';
  } else {
    ({ db, release } = await openPglite(options));
    engine = 'pglite';
  }
  try {
    await migrate(db, log, options.schema);
  } catch (cause) {
    await db.destroy().catch(() => undefined);
    release();
    throw new StoreOpenError(`cannot apply the store's migrations (${String(cause)}).`, { cause });
  }
  let closed: Promise<void> | null = null;
  return {
    db,
    engine,
    close() {
      closed ??= db.destroy().finally(release);
      return closed;
    },
  };
}
