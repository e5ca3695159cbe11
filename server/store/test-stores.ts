import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { openStore, PGLITE_OPTIONS, type Store, type StoreEngine } from './store';

/**
 * The PostgreSQL server test suites use: its database is only the admin connection that
 * creates (and drops) one fresh database per suite. `ORGDECK_TEST_DATABASE_URL=off` skips the
 * PostgreSQL half (say why when you do: the suite is meant to run on both engines).
 */
export const TEST_DATABASE_URL =
  process.env['ORGDECK_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const POSTGRES_OFF = TEST_DATABASE_URL === 'off';

let sharedPglite: Promise<PGlite> | null = null;

/** One in-memory PGlite per test process (a cold open takes seconds); suites get own schemas. */
function pgliteClient(): Promise<PGlite> {
  sharedPglite ??= PGlite.create(PGLITE_OPTIONS);
  return sharedPglite;
}

// Closed once the test file is done (every suite's store is closed by then).
afterAll(async () => {
  const client = sharedPglite;
  sharedPglite = null;
  if (client) await (await client).close();
});

function uniqueName(prefix: string): string {
  return `${prefix}${process.pid}_${randomBytes(4).toString('hex')}`;
}

function databaseUrl(name: string): string {
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A fresh PostgreSQL database for one suite (or process); `drop()` removes it. */
export async function createTestDatabase(
  prefix = 'od_store_t',
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = uniqueName(`${prefix}_`);
  await admin((client) => client.query(`create database ${name}`));
  return {
    url: databaseUrl(name),
    drop: () =>
      admin((client) => client.query(`drop database if exists ${name} with (force)`)).then(
        () => undefined,
      ),
  };
}

/** A store on this process's shared in-memory PGlite, in a fresh schema (for one test file). */
export async function openTestPgliteStore(): Promise<Store> {
  return openStore({
    dataDir: null,
    pgliteClient: await pgliteClient(),
    schema: uniqueName('od_store_s'),
  });
}

export interface StoreUnderTest {
  readonly engine: StoreEngine;
  /** The suite's store (opened in `beforeAll`, migrations applied). */
  readonly store: () => Store;
  /** Another store on the same database: a second replica (PostgreSQL only). */
  readonly openReplica: () => Promise<Store>;
}

/**
 * Runs `suite` twice: against an in-memory PGlite (a fresh schema) and against a fresh
 * database on the test PostgreSQL server, dropped afterwards.
 */
export function describeStores(name: string, suite: (target: StoreUnderTest) => void): void {
  const engines: StoreEngine[] = ['pglite', 'postgres'];
  describe.each(engines)(`${name} (%s)`, (engine) => {
    let store: Store | null = null;
    let database: { url: string; drop(): Promise<void> } | null = null;
    const replicas: Store[] = [];
    const skip = engine === 'postgres' && POSTGRES_OFF;

    beforeAll(async () => {
      if (skip) return;
      if (engine === 'pglite') {
        store = await openTestPgliteStore();
      } else {
        database = await createTestDatabase();
        store = await openStore({ dataDir: null, databaseUrl: database.url, poolSize: 4 });
      }
    }, 60_000);

    afterAll(async () => {
      for (const replica of replicas) await replica.close();
      await store?.close();
      await database?.drop();
    });

    // ORGDECK_TEST_DATABASE_URL=off skips the PostgreSQL half.
    describe.skipIf(skip)('on this engine', () => {
      suite({
        engine,
        store: () => {
          if (!store) throw new Error('store not open yet (use it inside a test or hook)');
          return store;
        },
        openReplica: async () => {
          if (!database) throw new Error('replicas need the PostgreSQL engine');
          const replica = await openStore({
            dataDir: null,
            databaseUrl: database.url,
            poolSize: 4,
          });
          replicas.push(replica);
          return replica;
        },
      });
    });
  });
}
