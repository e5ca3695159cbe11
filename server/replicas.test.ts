import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from './auth/password';
import { createTestDatabase, TEST_DATABASE_URL } from './store/test-stores';

/**
 * Two production servers (`node dist/server/start.js`) on two ports, sharing one PostgreSQL
 * database, one data folder and one environment, as replicas behind a load balancer would.
 */
const START_JS = resolve('dist/server/start.js');
const built = existsSync(START_JS);

async function postgresReachable(): Promise<boolean> {
  if (TEST_DATABASE_URL === 'off') return false;
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}
const reachable = await postgresReachable();
const skipReason = !built
  ? 'dist/server/start.js is missing (run npm run build)'
  : !reachable
    ? `no PostgreSQL at ${TEST_DATABASE_URL}`
    : null;

const PASSWORD = 'replica-test-password';
const WRITES = 150;
const CONCURRENCY = 8;

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

class Replica {
  process: ChildProcess | null = null;
  exit: Promise<number | null> = Promise.resolve(null);
  log = '';
  constructor(
    readonly port: number,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const child = spawn(process.execPath, [START_JS], {
      env: { ...this.env, PORT: String(this.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.process = child;
    const append = (chunk: Buffer) => {
      this.log = (this.log + chunk.toString()).slice(-20_000);
    };
    child.stdout.on('data', append);
    child.stderr.on('data', append);
    this.exit = new Promise((done) => child.once('exit', (code) => done(code)));
    // Generous: a cold PGlite start (initdb in WASM) takes seconds idle, and 40 s on a loaded machine.
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) break;
      const ready = await fetch(`${this.origin}/readyz`).catch(() => null);
      if (ready?.status === 200) return;
      await new Promise((done) => setTimeout(done, 100));
    }
    throw new Error(`replica on ${this.port} did not become ready:\n${this.log}`);
  }

  async stop(signal: NodeJS.Signals): Promise<number | null> {
    this.process?.kill(signal);
    const code = await this.exit;
    this.process = null;
    return code;
  }
}

interface Session {
  cookie: string;
  csrf: string;
}

async function signIn(replica: Replica): Promise<Session> {
  const response = await fetch(`${replica.origin}/api/session`, {
    method: 'POST',
    headers: { origin: replica.origin, 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'rita', password: PASSWORD }),
  });
  expect(response.status).toBe(200);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const body = (await response.json()) as { csrfToken: string };
  return { cookie, csrf: body.csrfToken };
}

/** Creates a Permit org through the gateway; its id when answered 2xx, else null. */
async function createOrg(replica: Replica, session: Session, key: string): Promise<string | null> {
  try {
    const response = await fetch(`${replica.origin}/api/connections/permit/upstream/v2/orgs`, {
      method: 'POST',
      headers: {
        origin: replica.origin,
        cookie: session.cookie,
        'x-csrf-token': session.csrf,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ key, name: key }),
    });
    if (response.status < 200 || response.status > 299) return null;
    return ((await response.json()) as { id: string }).id;
  } catch {
    // Refused or reset: the replica is down, nothing was answered.
    return null;
  }
}

/** The org ids of every `createOrganization` entry, from one CSV export (complete, never capped). */
async function auditedOrgIds(replica: Replica, session: Session): Promise<string[]> {
  const response = await fetch(
    `${replica.origin}/api/audit.csv?connection=permit&operation=createOrganization`,
    { headers: { cookie: session.cookie } },
  );
  expect(response.status).toBe(200);
  const lines = (await response.text()).trim().split('\n').slice(1);
  // Column 10 is the org; every field is quoted and none of these holds a comma.
  return lines.map((line) => (line.split(',')[9] ?? '').replaceAll('"', ''));
}

/** The keys of the sandbox's Permit orgs matching `search`, read through the gateway. */
async function sandboxOrgIds(replica: Replica, session: Session, search: string) {
  const ids: string[] = [];
  for (let page = 1; ; page += 1) {
    const response = await fetch(
      `${replica.origin}/api/connections/permit/upstream/v2/orgs?search=${search}&per_page=100&page=${page}`,
      { headers: { cookie: session.cookie } },
    );
    expect(response.status).toBe(200);
    const orgs = (await response.json()) as { id: string }[];
    ids.push(...orgs.map((org) => org.id));
    if (orgs.length < 100) return ids;
  }
}

/**
 * `writes` (150) org creations spread over the replicas, `CONCURRENCY` at a time; `during` runs once
 * `afterAnswers` of them have been answered (in the middle of the load). The ids answered 2xx.
 */
async function writeLoad(
  replicas: readonly Replica[],
  session: Session,
  prefix: string,
  afterAnswers: number,
  during: () => Promise<void>,
  writes = WRITES,
): Promise<string[]> {
  const acknowledged: string[] = [];
  let next = 0;
  let answered = 0;
  const fired: Promise<void>[] = [];
  const worker = async () => {
    while (next < writes) {
      const i = next;
      next += 1;
      const replica = replicas[i % replicas.length] as Replica;
      const id = await createOrg(replica, session, `${prefix}${i}`);
      if (id) acknowledged.push(id);
      answered += 1;
      if (answered === afterAnswers) fired.push(during());
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  await Promise.all(fired);
  return acknowledged;
}

function countOf(ids: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

/** The environment of a server with a console user (`rita`), its config and folders in `dir`. */
async function serverEnv(dir: string, extra: NodeJS.ProcessEnv): Promise<NodeJS.ProcessEnv> {
  const config = join(dir, 'orgdeck.config.json');
  const passwordHash = await hashPassword(PASSWORD, { N: 1024, r: 8, p: 1 });
  await writeFile(
    config,
    JSON.stringify({
      sandboxConnections: true,
      console: {
        signIn: 'required',
        demoUsers: false,
        users: [{ username: 'rita', name: 'Rita Replica', role: 'admin', passwordHash }],
      },
    }),
  );
  return {
    PATH: process.env['PATH'],
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    ORGDECK_CONFIG: config,
    ORGDECK_DATA_DIR: join(dir, 'data'),
    ORGDECK_SANDBOX_DIR: join(dir, 'sandbox'),
    ...extra,
  };
}

describe.skipIf(!built)(
  `the embedded store (PGlite)${built ? '' : ' (skipped: dist/server/start.js is missing; run npm run build)'}`,
  () => {
    let dir = '';
    let server: Replica | undefined;

    afterAll(async () => {
      if (server?.process) await server.stop('SIGKILL');
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('loses no answered write when the server is killed (kill -9) in the middle of a load', async () => {
      dir = await mkdtemp(join(tmpdir(), 'orgdeck-embedded-'));
      const replica = new Replica(await freePort(), await serverEnv(dir, {}));
      server = replica;
      await replica.start();
      const session = await signIn(replica);
      // Smaller than the PostgreSQL loads: PGlite (WASM) is slower to start and to write.
      const acknowledged = await writeLoad(
        [replica],
        session,
        'embedded-',
        30,
        async () => {
          await replica.stop('SIGKILL');
        },
        80,
      );
      expect(acknowledged.length).toBeGreaterThanOrEqual(30 - CONCURRENCY);
      await replica.start();
      const audited = countOf(await auditedOrgIds(replica, session));
      const inSandbox = new Set(await sandboxOrgIds(replica, session, 'embedded-'));
      const missing = acknowledged.filter((id) => audited.get(id) !== 1 || !inSandbox.has(id));
      expect(missing).toEqual([]);
    }, 180_000);
  },
);

describe.skipIf(skipReason !== null)(
  `two replicas on one PostgreSQL${skipReason ? ` (skipped: ${skipReason})` : ''}`,
  () => {
    let database: { url: string; drop(): Promise<void> } | null = null;
    let dir = '';
    let a: Replica;
    let b: Replica;
    let session: Session;

    beforeAll(async () => {
      database = await createTestDatabase('od_store_h_rep');
      dir = await mkdtemp(join(tmpdir(), 'orgdeck-replicas-'));
      const env = await serverEnv(dir, { DATABASE_URL: database.url });
      a = new Replica(await freePort(), env);
      b = new Replica(await freePort(), env);
      // Together, as a deployment starts them: migrations and the sandbox's rows once.
      await Promise.all([a.start(), b.start()]);
      session = await signIn(a);
    }, 180_000);

    afterAll(async () => {
      for (const replica of [a, b] as (Replica | undefined)[]) {
        if (replica?.process) await replica.stop('SIGKILL');
      }
      await database?.drop();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('shares the session and the audit log: a write through each appears once, from either', async () => {
      const onB = await fetch(`${b.origin}/api/session`, { headers: { cookie: session.cookie } });
      expect(((await onB.json()) as { signedIn: boolean }).signedIn).toBe(true);
      const first = await createOrg(a, session, 'shared-a');
      const second = await createOrg(b, session, 'shared-b');
      expect(first).not.toBeNull();
      expect(second).not.toBeNull();
      for (const replica of [a, b]) {
        const counts = countOf(await auditedOrgIds(replica, session));
        expect(counts.get(first ?? '')).toBe(1);
        expect(counts.get(second ?? '')).toBe(1);
        expect((await sandboxOrgIds(replica, session, 'shared-')).sort()).toEqual(
          [first, second].sort(),
        );
      }
    });

    it('loses no answered write when a replica is killed (kill -9) in the middle of a load', async () => {
      const acknowledged = await writeLoad([a, b], session, 'k9-', 40, async () => {
        await a.stop('SIGKILL');
      });
      await a.start();
      expect(acknowledged.length).toBeGreaterThan(WRITES / 2);
      const audited = countOf(await auditedOrgIds(a, session));
      const inSandbox = new Set(await sandboxOrgIds(b, session, 'k9-'));
      const missing = acknowledged.filter((id) => audited.get(id) !== 1 || !inSandbox.has(id));
      expect(missing).toEqual([]);
    }, 180_000);

    it('loses no answered write when a replica is stopped (SIGTERM) under load, and exits 0', async () => {
      let code: number | null = null;
      const acknowledged = await writeLoad([a, b], session, 'term-', 40, async () => {
        code = await a.stop('SIGTERM');
      });
      expect(code).toBe(0);
      await a.start();
      const audited = countOf(await auditedOrgIds(b, session));
      const inSandbox = new Set(await sandboxOrgIds(a, session, 'term-'));
      const missing = acknowledged.filter((id) => audited.get(id) !== 1 || !inSandbox.has(id));
      expect(missing).toEqual([]);
    }, 180_000);
  },
);
