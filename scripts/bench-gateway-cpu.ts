/**
 * CPU per call through the gateway vs direct to the sandbox, in process (no sockets, no client
 * sharing the CPU): the same app stack as `start.ts` (request log, security headers,
 * compression, console auth, gateway, in-memory sandbox), `calls` requests per path with
 * `inFlight` of them at a time, alternating paths for `rounds`. Prints CPU microseconds per call
 * (process.cpuUsage, user + system) and the gateway/direct ratio. CPU time is steadier than
 * latency on a shared machine, which is why changes to the gateway's per-call work are compared
 * here; `bench-gateway.ts` gives the latency tail over HTTP.
 *
 *   npx tsx scripts/bench-gateway-cpu.ts [--calls 20000] [--rounds 3] [--in-flight 20]
 *     [--only gateway|direct]
 *
 * `--only` drives one path (for `node --cpu-prof --import tsx scripts/bench-gateway-cpu.ts`).
 * Under `node --expose-gc` each round also prints the heap left after a full GC, which keeps
 * growing round after round when calls leave something behind.
 */
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { createServerApp } from '../server/app';
import { compressResponses } from '../server/compression';
import { sandboxConnections } from '../server/config';
import { InFlight } from '../server/lifecycle';
import { createLogger } from '../server/logging';
import { securityHeaders } from '../server/security-headers';
import { testConsoleSettings } from '../server/testing/test-server';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at === -1 ? undefined : Number(process.argv[at + 1]);
  return value !== undefined && Number.isFinite(value) ? value : fallback;
}

const calls = option('calls', 20_000);
const rounds = option('rounds', 3);
const inFlight = option('in-flight', 20);
const origin = 'http://127.0.0.1:4601';

async function main(): Promise<void> {
  // As under `serve()`: @hono/node-server's lightweight Request and Response globals.
  getRequestListener(() => new Response(null));
  const logger = createLogger('info', '/dev/null');
  const server = await createServerApp({
    connections: sandboxConnections(),
    console: testConsoleSettings({ anonymousCsrf: true }),
    sandboxDataDir: null,
    log: (line) => logger.info(line),
  });
  const root = new Hono();
  root.use('*', new InFlight().middleware(logger));
  root.use('*', securityHeaders({ mode: 'production', imageOrigins: server.imageOrigins }));
  root.use('/api/*', compressResponses());
  root.route('/', server.app);

  const paths = {
    direct: {
      url: `${origin}/sandbox/permit/v2/orgs?per_page=20`,
      headers: { authorization: 'Bearer sandbox-token', host: '127.0.0.1:4601' },
    },
    gateway: {
      url: `${origin}/api/connections/permit/upstream/v2/orgs?per_page=20`,
      headers: { host: '127.0.0.1:4601' },
    },
  };

  const measure = async (path: keyof typeof paths): Promise<number> => {
    const { url, headers } = paths[path];
    let next = 0;
    const worker = async () => {
      while (next++ < calls) {
        const response = await root.fetch(new Request(url, { headers }));
        if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
        await response.arrayBuffer();
      }
    };
    const before = process.cpuUsage();
    await Promise.all(Array.from({ length: inFlight }, worker));
    const used = process.cpuUsage(before);
    return (used.user + used.system) / calls;
  };
  const gc = (globalThis as { gc?: () => void }).gc;
  const heapAfterGc = async (): Promise<string> => {
    if (!gc) return '';
    // Twice, a turn apart: finalizers (undici's signal listeners) run between the two.
    gc();
    await new Promise((resolve) => setTimeout(resolve, 100));
    gc();
    return `, heap after GC ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(1)} MB`;
  };

  const only = process.argv[process.argv.indexOf('--only') + 1];
  if (only === 'gateway' || only === 'direct') {
    for (let round = 0; round <= rounds; round++) {
      const perCall = await measure(only);
      console.log(
        `${only.padEnd(8)} ${perCall.toFixed(1).padStart(7)} µs CPU per call${await heapAfterGc()}`,
      );
    }
    await server.close();
    return;
  }
  await measure('gateway');
  await measure('direct');
  const results = { direct: [] as number[], gateway: [] as number[] };
  for (let round = 0; round < rounds; round++) {
    for (const path of ['direct', 'gateway'] as const) {
      const perCall = await measure(path);
      results[path].push(perCall);
      console.log(
        `${path.padEnd(8)} ${perCall.toFixed(1).padStart(7)} µs CPU per call${await heapAfterGc()}`,
      );
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? NaN;
  const direct = median(results.direct);
  const gateway = median(results.gateway);
  console.log(
    `median over ${rounds} rounds: direct ${direct.toFixed(1)} µs, gateway ${gateway.toFixed(1)} µs: gateway/direct ${(gateway / direct).toFixed(2)}×, gateway's own work ${(gateway - direct).toFixed(1)} µs per call`,
  );
  await server.close();
}

void main();
