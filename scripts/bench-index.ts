/**
 * `npm run bench:index [-- 1000 10000 100000]`: the connection index against a Kinde sandbox of
 * n orgs (ORGDECK_SANDBOX_SCALE, members and invitations in proportion). For each size: first
 * full sync time and provider requests, search p95 through the app (the console route), person
 * lookup p95, store size, and the growth from one size to the next. Embedded PGlite by default;
 * BENCH_DATABASE_URL=postgres://… measures a PostgreSQL server (a fresh database per size).
 */
import { createServerApp } from '../server/app';
import { sandboxConnections } from '../server/config';
import { openStore, type Store } from '../server/store/store';
import pg from 'pg';
import { testConsoleSettings } from '../server/testing/test-server';
import { sql } from 'kysely';
import { seedKindeIndex } from './bench-index-seed';

interface Figures {
  readonly orgs: number;
  /** `sync`: a full first sync; `seeded`: org phase synced, people written (see the seed module). */
  readonly mode: 'sync' | 'seeded';
  readonly syncMs: number;
  readonly requests: number;
  readonly searchP95: number;
  readonly searchP50: number;
  readonly peopleP95: number;
  readonly storeBytes: number;
  readonly counts: { orgs: number; members: number; invitations: number };
}

/**
 * Sizes above this (BENCH_INDEX_FULL_SYNC_MAX, default 10,000) are seeded rather than synced
 * member by member: see `bench-index-seed.ts`.
 */
const FULL_SYNC_MAX = Number(process.env['BENCH_INDEX_FULL_SYNC_MAX'] ?? 10_000);

/** Requests a full Kinde sync makes: the org pages, then one member and one invitation list per org (each ≤ 500 rows). */
function estimateRequests(f: Figures): number {
  const pages = (n: number) => Math.max(1, Math.ceil(n / 500));
  return pages(f.counts.orgs) + 2 * f.counts.orgs;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function openBenchStore(): Promise<{ store: Store; drop(): Promise<void> }> {
  const url = process.env['BENCH_DATABASE_URL'];
  if (!url) return { store: await openStore({ dataDir: null }), drop: () => Promise.resolve() };
  // A fresh database per size on that server (the URL's database is only the admin connection).
  const name = `od_index_bench_${process.pid}_${Date.now()}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const store = await openStore({ dataDir: null, databaseUrl: target.toString() });
  return { store, drop: () => admin(`drop database if exists ${name} with (force)`) };
}

async function measure(orgs: number): Promise<Figures> {
  process.env['ORGDECK_SANDBOX_SCALE'] = String(orgs);
  const bench = await openBenchStore();
  const store = bench.store;
  const connections = sandboxConnections().filter((c) => c.id === 'kinde');
  const server = await createServerApp({
    connections,
    sandboxDataDir: null,
    console: testConsoleSettings(),
    connectionIndex: {
      db: store.db,
      engine: store.engine,
      refreshMs: null,
      sync: { concurrency: 4 },
    },
  });
  const index = server.connectionIndex;
  if (!index) throw new Error('no index');
  const call = async (path: string, init?: RequestInit) => {
    const response = await server.app.fetch(new Request(`http://bench.local${path}`, init));
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return response.json() as Promise<unknown>;
  };

  const mode = orgs > FULL_SYNC_MAX ? 'seeded' : 'sync';
  const started = performance.now();
  let seedNote = '';
  if (mode === 'sync') {
    await call('/api/connections/kinde/index/refresh', { method: 'POST' });
    await index.whenIdle('kinde');
  } else {
    const seeded = await seedKindeIndex(index, 'kinde');
    seedNote = `org phase synced in ${(seeded.orgPhaseMs / 1000).toFixed(1)} s (${seeded.requests} requests), members and invitations written through the repository in ${(seeded.peopleSeedMs / 1000).toFixed(1)} s`;
  }
  const syncMs = performance.now() - started;
  if (seedNote) console.log(`  ${orgs} orgs: ${seedNote}`);
  const status = (await call('/api/connections/kinde/index')) as {
    state: string;
    counts: Figures['counts'];
    error?: string;
  };
  if (status.state !== 'ready')
    throw new Error(`sync ended ${status.state}: ${status.error ?? ''}`);

  // Terms a support agent types: words of org names, handles, codes, and misses.
  const sample = (
    await index.repo.searchOrgs('kinde', {
      search: '',
      sort: 'name',
      order: 'asc',
      page: 1,
      pageSize: 500,
    })
  ).items;
  const terms: string[] = [];
  for (let i = 0; i < 200; i++) {
    const org = sample[(i * 37) % sample.length];
    if (!org) break;
    const kind = i % 4;
    terms.push(
      kind === 0
        ? (org.name.split(' ')[0] ?? 'a')
        : kind === 1
          ? org.id
          : kind === 2
            ? (org.slug ?? org.name).slice(0, 6)
            : `nomatch${i}`,
    );
  }
  const searchTimes: number[] = [];
  for (const term of terms) {
    const t = performance.now();
    await call(`/api/connections/kinde/index/orgs?search=${encodeURIComponent(term)}&pageSize=25`);
    searchTimes.push(performance.now() - t);
  }
  const peopleTimes: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    const email = i % 2 === 0 ? `scale.user${(i * 7919) % Math.max(1, orgs)}@` : `invitee${i}`;
    await call(`/api/people?email=${encodeURIComponent(email)}&limit=20`);
    peopleTimes.push(performance.now() - t);
  }
  const size = await sql<{ bytes: string }>`
    select coalesce(sum(pg_total_relation_size(c.oid)), 0) as bytes
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind = 'r' and c.relname like 'connection_index_%'
      and n.nspname = current_schema()`.execute(store.db);
  const figures: Figures = {
    orgs,
    mode,
    syncMs,
    requests: index.requestCount('kinde'),
    searchP95: percentile(searchTimes, 95),
    searchP50: percentile(searchTimes, 50),
    peopleP95: percentile(peopleTimes, 95),
    storeBytes: Number(size.rows[0]?.bytes ?? 0),
    counts: status.counts,
  };
  await server.close();
  await store.close();
  await bench.drop();
  return figures;
}

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0);
const runs = sizes.length > 0 ? sizes : [1000, 10000, 100000];
const engine = process.env['BENCH_DATABASE_URL'] ? 'PostgreSQL' : 'PGlite (embedded)';
console.log(`Connection index bench: Kinde sandbox, ${engine}, sizes ${runs.join(', ')}`);
const results: Figures[] = [];
for (const n of runs) {
  const f = await measure(n);
  results.push(f);
  console.log(
    [
      `orgs ${f.orgs}`,
      `indexed ${f.counts.orgs} orgs / ${f.counts.members} members / ${f.counts.invitations} invitations`,
      f.mode === 'sync'
        ? `first sync ${(f.syncMs / 1000).toFixed(1)} s, ${f.requests} requests`
        : `seeded in ${(f.syncMs / 1000).toFixed(1)} s (org pages synced: ${f.requests} requests; a full sync would make ~${estimateRequests(f)})`,
      `search p50 ${f.searchP50.toFixed(1)} ms, p95 ${f.searchP95.toFixed(1)} ms`,
      `person lookup p95 ${f.peopleP95.toFixed(1)} ms`,
      `store ${(f.storeBytes / 1024 / 1024).toFixed(1)} MiB`,
    ].join(' | '),
  );
}
for (let i = 1; i < results.length; i++) {
  const a = results[i - 1];
  const b = results[i];
  if (!a || !b) continue;
  const x = (p: number, q: number) => (q === 0 ? 'n/a' : `${(p / q).toFixed(1)}x`);
  console.log(
    `growth ${a.orgs} -> ${b.orgs} (${x(b.orgs, a.orgs)} orgs): ${a.mode === b.mode ? `sync ${x(b.syncMs, a.syncMs)}, requests ${x(b.requests, a.requests)}` : 'sync n/a (one size seeded)'}, search p95 ${x(b.searchP95, a.searchP95)}, person p95 ${x(b.peopleP95, a.peopleP95)}, store ${x(b.storeBytes, a.storeBytes)}`,
  );
}
