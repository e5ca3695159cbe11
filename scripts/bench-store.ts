/**
 * `npm run bench:store`: the store at scale, through the production build (`npm run build`
 * first). For each engine (PostgreSQL, PGlite) and each size (default 1M and 10M audit rows,
 * bulk-loaded with `generate_series` into the table without its indexes, which are then built
 * again exactly as the migrations define them, checked on `pg_indexes`): the server's start time (spawn to `/readyz` ready) and
 * RSS, the p95 of page 1 of the Audit page and of each filter it offers (through `GET /api/audit`),
 * each next to its budget (issue 11: ≤ 50 ms page 1 and ≤ 100 ms filtered on PostgreSQL, 3× that
 * on PGlite), and a full CSV export (`GET /api/audit.csv`) of up to `--csv-max` rows with the
 * server's peak RSS over its RSS before (streamed: flat memory). Prints; exits 1 when a budget is
 * over. Not part of `npm test`: it takes minutes.
 *
 * Options: --sizes 1000000,10000000  --engines postgres,pglite  --csv-max 1000000
 *   --pglite-max N (PGlite sizes above it are skipped; default none: 10M rows load in about
 *   4 min plus the index builds, 10 to 27 min on a loaded 2-core machine) --runs 40
 *   --keep (leave the databases and folders)
 * Env: BENCH_DATABASE_URL (an admin connection on the PostgreSQL server; default
 *   ORGDECK_TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/test), BENCH_DB_PREFIX
 *   (default orgdeck_bench), BENCH_PORT (default a free port).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import type { AuditFilter } from '../server/audit/entry';
import { PgAuditStore } from '../server/audit/pg-store';
import { openStore, type Store } from '../server/store/store';

const START_JS = resolve('dist/server/start.js');
const BUDGET_MS = { postgres: { page: 50, filtered: 100 }, pglite: { page: 150, filtered: 300 } };
const CONNECTIONS = ['permit', 'kinde', 'clerk', 'clerk-frontend', 'numind'];
const OPERATIONS = [
  'createOrganization',
  'updateOrganization',
  'deleteOrganization',
  'addMember',
  'removeMember',
  'changeMemberRole',
  'inviteMember',
  'revokeInvitation',
];
const ACTORS = 50;
const ORGS = 2_000;
const CHUNK = 1_000_000;

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000000,10000000' },
    engines: { type: 'string', default: 'postgres,pglite' },
    'csv-max': { type: 'string', default: '1000000' },
    'pglite-max': { type: 'string', default: String(Number.MAX_SAFE_INTEGER) },
    runs: { type: 'string', default: '40' },
    keep: { type: 'boolean', default: false },
  },
});
const sizes = args.sizes.split(',').map((s) => Number(s.replaceAll('_', '')));
const engines = args.engines.split(',') as ('postgres' | 'pglite')[];
const csvMax = Number(args['csv-max']);
const pgliteMax = Number(args['pglite-max']);
const runs = Number(args.runs);
const adminUrl =
  process.env['BENCH_DATABASE_URL'] ??
  process.env['ORGDECK_TEST_DATABASE_URL'] ??
  'postgres://postgres@127.0.0.1:5432/test';
const prefix = process.env['BENCH_DB_PREFIX'] ?? 'orgdeck_bench';
let failed = false;

const fmt = (n: number) => n.toLocaleString('en-US');
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

function check(label: string, value: number, budget: number, unit = 'ms'): void {
  const ok = value <= budget;
  if (!ok) failed = true;
  console.log(
    `  ${label.padEnd(44)} ${value.toFixed(1).padStart(8)} ${unit}  (budget ≤ ${budget} ${unit}) ${ok ? 'ok' : 'OVER'}`,
  );
}

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? NaN;
}

function freePort(): Promise<number> {
  if (process.env['BENCH_PORT']) return Promise.resolve(Number(process.env['BENCH_PORT']));
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
  return Number(kb ?? 0) * 1024;
}

interface IndexDef {
  readonly name: string;
  readonly def: string;
}

/** The audit table's indexes as `pg_indexes` lists them (name and definition), sorted. */
async function auditIndexes(store: Store): Promise<IndexDef[]> {
  const { rows } = await sql<IndexDef>`
    select indexname as name, indexdef as def from pg_indexes
    where tablename = 'audit_entries' and schemaname = current_schema()
    order by indexname`.execute(store.db);
  return rows;
}

/**
 * Drops the audit table's indexes (its primary key and unique constraint too) and returns a
 * function that creates them again exactly as they were: a bulk load inserts into a bare heap and
 * builds each index once by sorting, as `pg_restore` does, instead of maintaining nine b-trees
 * row by row (PGlite took 258 s per million rows that way). The caller checks `pg_indexes`
 * afterwards against what the migrations created.
 */
async function dropAuditIndexes(store: Store): Promise<() => Promise<void>> {
  const { rows: constraints } = await sql<IndexDef>`
    select conname as name, pg_get_constraintdef(oid) as def from pg_constraint
    where conrelid = 'audit_entries'::regclass and contype in ('p', 'u')
    order by contype, conname`.execute(store.db);
  const owned = new Set(constraints.map((c) => c.name));
  const plain = (await auditIndexes(store)).filter((index) => !owned.has(index.name));
  for (const index of plain) await sql`drop index ${sql.id(index.name)}`.execute(store.db);
  for (const c of constraints) {
    await sql`alter table audit_entries drop constraint ${sql.id(c.name)}`.execute(store.db);
  }
  return () =>
    store.db.transaction().execute(async (trx) => {
      // More sort memory than the default 64 MB: each index is built by one sort of the table.
      await sql`set local maintenance_work_mem = '256MB'`.execute(trx);
      for (const c of constraints) {
        await sql`alter table audit_entries add constraint ${sql.id(c.name)} ${sql.raw(c.def)}`.execute(
          trx,
        );
      }
      for (const index of plain) await sql.raw(index.def).execute(trx);
    });
}

/** `count` audit rows, appended after the ones already there, in chunks of a million. */
async function fill(store: Store, count: number): Promise<void> {
  const migrated = await auditIndexes(store);
  const recreate = await dropAuditIndexes(store);
  const connections = `array[${CONNECTIONS.map((c) => `'${c}'`).join(',')}]`;
  const operations = `array[${OPERATIONS.map((o) => `'${o}'`).join(',')}]`;
  for (let from = 1; from <= count; from += CHUNK) {
    const to = Math.min(count, from + CHUNK - 1);
    const started = performance.now();
    // Spread over the last year, newest last; ids unique; 2% failures and 1% refusals spread
    // over every connection; each org belongs to one connection.
    await sql`
      insert into audit_entries (id, at, actor_id, actor_name, actor_role, connection_id,
        provider, operation_id, summary, method, org_id, target_user_id, email, outcome, status)
      select 'bench-' || g,
        now() - make_interval(secs => (${count}::bigint - g) * (31536000.0 / ${count})),
        'user-' || ((g / 3) % ${ACTORS}), 'Bench User ' || ((g / 3) % ${ACTORS}), 'admin',
        (${sql.raw(connections)})[1 + g % 5], (${sql.raw(connections)})[1 + g % 5],
        (${sql.raw(operations)})[1 + (g / 7) % 8], 'Bench entry', 'POST',
        'org-' || (g % ${ORGS}), 'member-' || (g % 10000), null,
        case when (g / 5 * 7919) % 1000 < 10 then 'refused'
          when (g / 5 * 7919) % 1000 < 30 then 'failure' else 'success' end,
        case when (g / 5 * 7919) % 1000 < 10 then 403
          when (g / 5 * 7919) % 1000 < 30 then 502 else 200 end
      from generate_series(${from}::bigint, ${to}::bigint) as g`.execute(store.db);
    process.stdout.write(
      `  inserted ${fmt(to)} / ${fmt(count)} rows (${((performance.now() - started) / 1000).toFixed(1)} s)\n`,
    );
  }
  const started = performance.now();
  await recreate();
  const rebuilt = await auditIndexes(store);
  if (JSON.stringify(rebuilt) !== JSON.stringify(migrated)) {
    throw new Error(
      `the audit indexes differ from the migrations' after the load:\n${JSON.stringify(migrated)}\n${JSON.stringify(rebuilt)}`,
    );
  }
  console.log(
    `  indexes rebuilt in ${((performance.now() - started) / 1000).toFixed(1)} s: ` +
      `${rebuilt.length}, the same as the migrations create (pg_indexes)`,
  );
  await sql`
    insert into audit_actors (actor_id, actor_name)
    select 'user-' || g, 'Bench User ' || g from generate_series(0, ${ACTORS - 1}) as g
    on conflict do nothing`.execute(store.db);
  // What PostgreSQL's autovacuum, and the embedded server's own hourly vacuum (PGlite runs no
  // autovacuum: server/store/vacuum.ts), would soon do to a table this size: set the visibility
  // map that lets the capped counts read the indexes alone.
  await sql`vacuum analyze audit_entries`.execute(store.db);
}

interface Server {
  readonly child: ChildProcess;
  readonly origin: string;
  readonly startMs: number;
}

async function startServer(env: NodeJS.ProcessEnv): Promise<Server> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [START_JS], {
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode})`);
    const ready = await fetch(`${origin}/readyz`).catch(() => null);
    if (ready?.status === 200) return { child, origin, startMs: performance.now() - started };
    await new Promise((done) => setTimeout(done, 50));
  }
  child.kill('SIGKILL');
  throw new Error('the server did not become ready in 5 minutes');
}

async function stopServer(server: Server): Promise<void> {
  const exited = new Promise((done) => server.child.once('exit', done));
  server.child.kill('SIGTERM');
  await exited;
}

async function timed(url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
  return ms;
}

/** p95 over `runs` requests of `queries` (rotated), after a few warm-up ones. */
async function queryP95(origin: string, queries: readonly string[]): Promise<number> {
  for (const query of queries.slice(0, 3)) await timed(`${origin}/api/audit?${query}`);
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    samples.push(await timed(`${origin}/api/audit?${queries[i % queries.length] ?? ''}`));
  }
  return p95(samples);
}

/** Page 1, page 2 by keyset, and each filter the Audit page offers (values rotated). */
function auditQueries(
  size: number,
): [label: string, queries: string[], kind: 'page' | 'filtered'][] {
  const rotate = (make: (i: number) => string) => Array.from({ length: 10 }, (_, i) => make(i));
  return [
    ['page 1 (50 newest)', [''], 'page'],
    ['page 2 (keyset)', [`before=${size - 50}`], 'page'],
    ['filter: connection', rotate((i) => `connection=${CONNECTIONS[i % 5] ?? ''}`), 'filtered'],
    ['filter: organization', rotate((i) => `org=org-${(i * 137) % ORGS}`), 'filtered'],
    ['filter: operation', rotate((i) => `operation=${OPERATIONS[i % 8] ?? ''}`), 'filtered'],
    ['filter: outcome', ['outcome=refused', 'outcome=failure'], 'filtered'],
    ['filter: actor (name substring)', rotate((i) => `actor=Bench User ${i * 3}`), 'filtered'],
    ['filter: entry id', rotate((i) => `id=bench-${Math.max(1, size - i * 9_973)}`), 'filtered'],
    [
      'filter: connection + outcome',
      rotate((i) => `connection=${CONNECTIONS[i % 5] ?? ''}&outcome=failure`),
      'filtered',
    ],
  ];
}

/**
 * The same queries in-process on the store (no HTTP, no server): what the database itself
 * takes, to read the HTTP figures against on a loaded machine.
 */
async function storeP95s(store: Store, size: number): Promise<Map<string, number>> {
  const audit = new PgAuditStore(store);
  const result = new Map<string, number>();
  for (const [label, queries] of auditQueries(size)) {
    const run = async (query: string) => {
      const params = new URLSearchParams(query);
      const before = params.get('before');
      params.delete('before');
      const filter = Object.fromEntries(params) as AuditFilter;
      const started = performance.now();
      await audit.query(filter, {
        page: 1,
        pageSize: 50,
        ...(before ? { before: Number(before) } : {}),
      });
      return performance.now() - started;
    };
    for (const query of queries.slice(0, 3)) await run(query);
    const samples: number[] = [];
    for (let i = 0; i < runs; i += 1) samples.push(await run(queries[i % queries.length] ?? ''));
    result.set(label, p95(samples));
  }
  return result;
}

async function measure(
  engine: 'postgres' | 'pglite',
  size: number,
  server: Server,
  inProcess: Map<string, number>,
) {
  const budget = BUDGET_MS[engine];
  const pid = server.child.pid ?? 0;
  console.log(`  start (spawn to /readyz ready)     ${(server.startMs / 1000).toFixed(2)} s`);
  console.log(`  RSS after start                    ${mb(rssOf(pid))}`);
  console.log('  p95 through GET /api/audit (in-process store p95 in brackets):');
  for (const [label, queries, kind] of auditQueries(size)) {
    const store = inProcess.get(label);
    check(
      `${label}${store === undefined ? '' : ` [${store.toFixed(1)} ms]`}`,
      await queryP95(server.origin, queries),
      budget[kind],
    );
  }
  console.log(`  RSS after the queries              ${mb(rssOf(pid))}`);
  if (size <= csvMax) await csvExport(server, size);
}

/** The whole log as CSV, read as it streams, sampling the server's RSS. */
async function csvExport(server: Server, size: number): Promise<void> {
  const pid = server.child.pid ?? 0;
  const before = rssOf(pid);
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssOf(pid));
  }, 50);
  const started = performance.now();
  const response = await fetch(`${server.origin}/api/audit.csv`);
  let lines = 0;
  let bytes = 0;
  const reader = response.body?.getReader();
  for (;;) {
    const chunk = await reader?.read();
    if (!chunk || chunk.done) break;
    bytes += chunk.value.length;
    for (const byte of chunk.value) if (byte === 10) lines += 1;
  }
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  const rows = lines - 1;
  if (rows !== size) failed = true;
  console.log(
    `  CSV export: ${fmt(rows)} of ${fmt(size)} rows, ${mb(bytes)} in ${seconds.toFixed(1)} s ` +
      `(${fmt(Math.round(rows / seconds))} rows/s); server RSS ${mb(before)} before, peak ` +
      `+${mb(peak - before)} while streaming${rows === size ? '' : '  INCOMPLETE'}`,
  );
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function benchPostgres(size: number, baseEnv: NodeJS.ProcessEnv): Promise<void> {
  const name = `${prefix}_${size}`;
  await admin((c) => c.query(`drop database if exists ${name} with (force)`));
  await admin((c) => c.query(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    const store = await openStore({ dataDir: null, databaseUrl: url.toString() });
    await fill(store, size);
    const inProcess = await storeP95s(store, size);
    await store.close();
    const server = await startServer({ ...baseEnv, DATABASE_URL: url.toString() });
    try {
      await measure('postgres', size, server, inProcess);
    } finally {
      await stopServer(server);
    }
  } finally {
    if (!args.keep) await admin((c) => c.query(`drop database if exists ${name} with (force)`));
  }
}

async function benchPglite(size: number, baseEnv: NodeJS.ProcessEnv): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), `${prefix}-pglite-`));
  try {
    const store = await openStore({ dataDir: join(dataDir, 'pg') });
    await fill(store, size);
    const inProcess = await storeP95s(store, size);
    await store.close();
    const server = await startServer({ ...baseEnv, ORGDECK_DATA_DIR: dataDir });
    try {
      await measure('pglite', size, server, inProcess);
    } finally {
      await stopServer(server);
    }
  } finally {
    if (!args.keep) await rm(dataDir, { recursive: true, force: true });
    else console.log(`  kept ${dataDir}`);
  }
}

async function main(): Promise<void> {
  if (!existsSync(START_JS)) {
    console.error(`${START_JS} is missing: run "npm run build" first.`);
    process.exit(1);
  }
  const work = await mkdtemp(join(tmpdir(), `${prefix}-`));
  const config = join(work, 'orgdeck.config.json');
  // Sandbox connections only, sign-in optional: the audit routes answer without a session.
  await writeFile(
    config,
    JSON.stringify({ sandboxConnections: true, console: { signIn: 'optional' } }),
  );
  const baseEnv: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    ORGDECK_CONFIG: config,
    ORGDECK_SANDBOX: 'memory',
    ORGDECK_DATA_DIR: join(work, 'data'),
  };
  try {
    for (const engine of engines) {
      for (const size of sizes) {
        console.log(`\n${engine}, ${fmt(size)} audit rows`);
        if (engine === 'pglite' && size > pgliteMax) {
          console.log(
            `  skipped: above --pglite-max ${fmt(pgliteMax)} (PGlite is single-threaded WASM: ` +
              'loading and indexing that many rows takes tens of minutes on a small machine)',
          );
          continue;
        }
        if (engine === 'postgres') await benchPostgres(size, baseEnv);
        else await benchPglite(size, baseEnv);
      }
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  if (failed) {
    console.log('\nA budget is over (see OVER above), or an export was incomplete.');
    process.exit(1);
  }
}

await main();
