/**
 * Load tail through the gateway vs direct to the sandbox (issue 12), loopback only, bounded in
 * time: 200 concurrent connections for a few seconds on each path, then p50/p99/max and RSS.
 *
 *   npx tsx scripts/bench-gateway.ts [--port 4601] [--seconds 8] [--concurrency 200]
 */
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { serve } from '@hono/node-server';
import { createServerApp } from '../server/app';
import { sandboxConnections } from '../server/config';
import { publicOriginsFor } from '../server/http/host-guard';
import { testConsoleSettings } from '../server/testing/test-server';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at === -1 ? undefined : Number(process.argv[at + 1]);
  return value !== undefined && Number.isFinite(value) ? value : fallback;
}

const port = option('port', 4601);
const seconds = Math.min(option('seconds', 8), 30);
const concurrency = Math.min(option('concurrency', 200), 500);

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function run(label: string, url: string, headers: Record<string, string>): Promise<void> {
  const latencies: number[] = [];
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const worker = async () => {
    while (performance.now() < until) {
      const started = performance.now();
      try {
        const response = await fetch(url, { headers });
        await response.arrayBuffer();
        if (response.status !== 200) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  delay.disable();
  latencies.sort((a, b) => a - b);
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  console.log(
    `${label.padEnd(9)} ${String(latencies.length).padStart(6)} requests  ${(latencies.length / seconds).toFixed(0).padStart(5)}/s  p50 ${ms(percentile(latencies, 50))}  p99 ${ms(percentile(latencies, 99))}  max ${ms(latencies.at(-1) ?? NaN)}  errors ${errors}  loop-delay p99 ${ms(delay.percentile(99) / 1e6)}  rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`,
  );
}

async function main(): Promise<void> {
  let origins: string[] = [];
  const server = await createServerApp({
    connections: sandboxConnections(),
    sandboxDataDir: null,
    console: testConsoleSettings(),
    hostPolicy: () => ({ origins }),
  });
  const http = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const instance = serve({ fetch: server.app.fetch, port, hostname: '127.0.0.1' }, () =>
      resolve(instance),
    );
  });
  const { port: bound } = http.address() as AddressInfo;
  origins = publicOriginsFor([], '127.0.0.1', bound);
  const origin = `http://127.0.0.1:${bound}`;
  console.log(`${concurrency} connections, ${seconds} s per path, ${origin}`);
  const direct = {
    url: `${origin}/sandbox/permit/v2/orgs?per_page=20`,
    headers: { authorization: 'Bearer sandbox-token' },
  };
  const gateway = {
    url: `${origin}/api/connections/permit/upstream/v2/orgs?per_page=20`,
    headers: {},
  };
  // Warm up both paths, then measure each twice, alternating.
  await run('warm-up', gateway.url, gateway.headers);
  for (let round = 0; round < 2; round++) {
    await run('direct', direct.url, direct.headers);
    await run('gateway', gateway.url, gateway.headers);
  }
  await new Promise<void>((resolve) => http.close(() => resolve()));
  await server.close();
  if (global.gc) global.gc();
  console.log(`rss after close ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
}

void main();
