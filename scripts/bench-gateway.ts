/**
 * Load tail through the gateway vs direct to the sandbox (issue 12), loopback only, bounded in
 * time. Starts the production build (`npm run build` first) as its own process, its JSON log lines
 * read by this one as a log collector would, then drives 200 concurrent keep-alive connections
 * for a few seconds on each path, alternating: p50/p99/max, the server's RSS after each round,
 * and its RSS after the load has ended and the server has been idle.
 *
 *   npx tsx scripts/bench-gateway.ts [--port 4601] [--seconds 8] [--concurrency 200] [--rounds 2]
 *     [--cpu-prof <dir>] [--heap-snapshots <dir>]
 *
 * `--cpu-prof <dir>` runs the server under `node --cpu-prof`, its profile written to `<dir>` when
 * it exits (sum it by function with `npx tsx scripts/cpu-profile-top.ts <file>`).
 * `--heap-snapshots <dir>` has the server write a heap snapshot (after a full GC) into `<dir>`
 * after the first round pair, after the last and after the idle time, to tell a leak from a
 * plateau (compare them
 * with `npx tsx scripts/heap-snapshot-diff.ts <first> <last>`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, get } from 'node:http';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at === -1 ? undefined : Number(process.argv[at + 1]);
  return value !== undefined && Number.isFinite(value) ? value : fallback;
}

const port = option('port', 4601);
const seconds = Math.min(option('seconds', 8), 30);
const concurrency = Math.min(option('concurrency', 200), 500);
const rounds = Math.min(option('rounds', 2), 5);
const origin = `http://127.0.0.1:${port}`;
const entry = join('dist', 'server', 'start.js');
const profileAt = process.argv.indexOf('--cpu-prof');
const profileDir = profileAt === -1 ? undefined : process.argv[profileAt + 1];
const snapshotsAt = process.argv.indexOf('--heap-snapshots');
const snapshotDir = snapshotsAt === -1 ? undefined : process.argv[snapshotsAt + 1];

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function serverRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/** When the server was started: rounds print their start relative to it (for `--cpu-prof`). */
let spawnedAt = 0;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** GET `url`, read the whole answer, resolve with its status. */
function request(url: string, headers: Record<string, string>, agent: Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { headers, agent }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
      response.on('error', reject);
    }).on('error', reject);
  });
}

/** CPU time the server has used so far (user + system), in ms, from `/proc/<pid>/stat`. */
function serverCpuMs(pid: number): number {
  // Fields after the command name (which may hold spaces, so split after its closing paren).
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}
/** `getconf CLK_TCK` on Linux. */
const CLOCK_TICKS_PER_SECOND = 100;

interface Round {
  readonly latencies: readonly number[];
  readonly cpuPerCallMs: number;
}

async function run(
  label: string,
  url: string,
  headers: Record<string, string>,
  pid: number,
): Promise<Round> {
  // One connection per worker, kept alive, as 200 browsers or API clients would hold them.
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const startedAt = (performance.now() - spawnedAt) / 1000;
  const cpuBefore = serverCpuMs(pid);
  const latencies: number[] = [];
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < until) {
      const started = performance.now();
      try {
        if ((await request(url, headers, agent)) !== 200) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const cpuPerCallMs = (serverCpuMs(pid) - cpuBefore) / latencies.length;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  console.log(
    `${label.padEnd(9)} +${startedAt.toFixed(0).padStart(3)} s ${String(latencies.length).padStart(6)} requests  ${(latencies.length / seconds).toFixed(0).padStart(5)}/s  p50 ${ms(percentile(latencies, 50))}  p99 ${ms(percentile(latencies, 99))}  max ${ms(latencies.at(-1) ?? NaN)}  errors ${errors}  server cpu/call ${cpuPerCallMs.toFixed(3)} ms  rss ${serverRssMb(pid).toFixed(0)} MB`,
  );
  if (errors > 0) throw new Error(`${label}: ${errors} requests failed or did not answer 200.`);
  return { latencies, cpuPerCallMs };
}

/** The server answers `/readyz` with 200 within `timeoutMs`, or this throws (it never starts a round on a server that is not up). */
async function waitUntilReady(server: ChildProcess, timeoutMs: number): Promise<void> {
  const until = performance.now() + timeoutMs;
  let last = 'no answer';
  while (performance.now() < until) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(
        `The server exited (${server.exitCode ?? server.signalCode}) before it was ready.`,
      );
    }
    last = await fetch(`${origin}/readyz`).then(
      async (r) => (r.ok ? 'ready' : `${r.status} ${await r.text()}`),
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );
    if (last === 'ready') return;
    await sleep(200);
  }
  throw new Error(
    `The server at ${origin} was not ready within ${timeoutMs / 1000} s (last: ${last}).`,
  );
}

/** Has the server write a heap snapshot (SIGUSR2) and waits until the file is complete. */
async function heapSnapshot(server: ChildProcess, dir: string): Promise<void> {
  const before = new Set(readdirSync(dir));
  server.kill('SIGUSR2');
  for (let i = 0; i < 600; i++) {
    await sleep(500);
    const written = readdirSync(dir).find(
      (name) => name.endsWith('.heapsnapshot') && !before.has(name),
    );
    // The file is complete once it ends with the snapshot's closing bracket.
    if (written && readFileSync(join(dir, written), 'latin1').trimEnd().endsWith('}')) return;
  }
  throw new Error('The server did not write a heap snapshot within 5 minutes.');
}

const BUDGET = 1.5;

/** Percentiles over every round of a path together (the rounds alternate, so drift evens out). */
function pooled(rounds: readonly Round[], p: number): number {
  return percentile(
    rounds.flatMap((round) => round.latencies).sort((a, b) => a - b),
    p,
  );
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

async function main(): Promise<void> {
  if (!existsSync(entry)) {
    console.error(`${entry} is missing: run "npm run build" first.`);
    process.exit(1);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'orgdeck-bench-gateway-'));
  const nodeArgs = [
    ...(profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []),
    ...(snapshotDir ? ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${snapshotDir}`] : []),
  ];
  spawnedAt = performance.now();
  const server = spawn(process.execPath, [...nodeArgs, entry], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      ORGDECK_SANDBOX: 'memory',
      ORGDECK_DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let logLines = 0;
  createInterface({ input: server.stdout }).on('line', () => logLines++);
  const pid = server.pid ?? NaN;
  try {
    await waitUntilReady(server, 60_000);
    console.log(`${concurrency} connections, ${seconds} s per path, ${origin} (pid ${pid})`);
    const direct = {
      url: `${origin}/sandbox/permit/v2/orgs?per_page=20`,
      headers: { authorization: 'Bearer sandbox-token' },
    };
    const gateway = { url: `${origin}/api/connections/permit/upstream/v2/orgs?per_page=20` };
    await run('warm-up', gateway.url, {}, pid);
    const directRounds: Round[] = [];
    const gatewayRounds: Round[] = [];
    for (let round = 0; round < rounds; round++) {
      directRounds.push(await run('direct', direct.url, direct.headers, pid));
      gatewayRounds.push(await run('gateway', gateway.url, {}, pid));
      if (snapshotDir && (round === 0 || round === rounds - 1)) {
        await heapSnapshot(server, snapshotDir);
        console.log(
          `heap snapshot after round ${round + 1}, server rss ${serverRssMb(pid).toFixed(0)} MB`,
        );
      }
    }
    const perRound = gatewayRounds.map((g, i) => {
      const d = directRounds[i];
      return d ? percentile(g.latencies, 99) / percentile(d.latencies, 99) : NaN;
    });
    const p50Ratio = pooled(gatewayRounds, 50) / pooled(directRounds, 50);
    const p99Ratio = pooled(gatewayRounds, 99) / pooled(directRounds, 99);
    const cpuRatio =
      mean(gatewayRounds.map((r) => r.cpuPerCallMs)) /
      mean(directRounds.map((r) => r.cpuPerCallMs));
    console.log(
      `gateway / direct over ${rounds} rounds: p50 ${p50Ratio.toFixed(2)}×  p99 ${p99Ratio.toFixed(2)}× (per round ${perRound.map((r) => `${r.toFixed(2)}×`).join(', ')})  server cpu/call ${cpuRatio.toFixed(2)}×`,
    );
    await sleep(10_000);
    console.log(
      `server rss after 10 s idle ${serverRssMb(pid).toFixed(0)} MB; ${logLines} log lines read`,
    );
    if (snapshotDir) {
      // Once idle, the log lines still queued for a lagging reader have been written out.
      await heapSnapshot(server, snapshotDir);
      console.log(`heap snapshot after 10 s idle, server rss ${serverRssMb(pid).toFixed(0)} MB`);
    }
    const within = p99Ratio <= BUDGET;
    console.log(
      `verdict: gateway p99 ${p99Ratio.toFixed(2)}× direct is ${within ? 'within' : 'OVER'} the ${BUDGET}× budget`,
    );
    if (!within) process.exitCode = 1;
  } catch (error) {
    console.error(
      `bench-gateway failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exitCode = 1;
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
