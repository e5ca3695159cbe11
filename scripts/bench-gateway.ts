/**
 * Load tail through the gateway vs direct to the sandbox (issue 12), loopback only, bounded in
 * time. Starts the production build (`npm run build` first) as its own process, its JSON log lines
 * read by this one as a log collector would, then drives 200 concurrent keep-alive connections
 * for a few seconds on each path, alternating: p50/p99/max, the server's RSS after each round,
 * and its RSS after the load has ended and the server has been idle.
 *
 *   npx tsx scripts/bench-gateway.ts [--port 4601] [--seconds 8] [--concurrency 200] [--rounds 2]
 */
import { spawn } from 'node:child_process';
import { Agent, get } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function serverRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

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

interface Round {
  readonly p99: number;
}

async function run(
  label: string,
  url: string,
  headers: Record<string, string>,
  pid: number,
): Promise<Round> {
  // One connection per worker, kept alive, as 200 browsers or API clients would hold them.
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
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
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  const p99 = percentile(latencies, 99);
  console.log(
    `${label.padEnd(9)} ${String(latencies.length).padStart(6)} requests  ${(latencies.length / seconds).toFixed(0).padStart(5)}/s  p50 ${ms(percentile(latencies, 50))}  p99 ${ms(p99)}  max ${ms(latencies.at(-1) ?? NaN)}  errors ${errors}  server rss ${serverRssMb(pid).toFixed(0)} MB`,
  );
  return { p99 };
}

async function main(): Promise<void> {
  if (!existsSync(entry)) {
    console.error(`${entry} is missing: run "npm run build" first.`);
    process.exit(1);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'orgdeck-bench-gateway-'));
  const server = spawn(process.execPath, [entry], {
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
    for (let i = 0; i < 100; i++) {
      const ready = await fetch(`${origin}/readyz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) break;
      await sleep(200);
    }
    console.log(`${concurrency} connections, ${seconds} s per path, ${origin} (pid ${pid})`);
    const direct = {
      url: `${origin}/sandbox/permit/v2/orgs?per_page=20`,
      headers: { authorization: 'Bearer sandbox-token' },
    };
    const gateway = { url: `${origin}/api/connections/permit/upstream/v2/orgs?per_page=20` };
    await run('warm-up', gateway.url, {}, pid);
    const ratios: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const d = await run('direct', direct.url, direct.headers, pid);
      const g = await run('gateway', gateway.url, {}, pid);
      ratios.push(g.p99 / d.p99);
    }
    console.log(
      `gateway p99 / direct p99 per round: ${ratios.map((r) => `${r.toFixed(2)}×`).join(', ')} (budget ≤ 1.5×)`,
    );
    await sleep(10_000);
    console.log(
      `server rss after 10 s idle ${serverRssMb(pid).toFixed(0)} MB; ${logLines} log lines read`,
    );
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
