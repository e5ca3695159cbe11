import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { Hono } from 'hono';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { InFlight } from './lifecycle';

const servers: { close: () => void }[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

/** An app whose one route answers at once and then streams its body until `release` is called. */
async function streamingServer(inFlight: InFlight) {
  let release = () => {};
  const app = new Hono();
  app.use('*', inFlight.middleware(pino({ level: 'silent' })));
  app.get('/export', () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('first part\n'));
        release = () => {
          controller.enqueue(new TextEncoder().encode('last part\n'));
          controller.close();
        };
      },
    });
    return new Response(body, { headers: { 'content-type': 'text/csv' } });
  });
  app.get('/small', (c) => c.text('ok'));
  const { server, port } = await new Promise<{ server: ReturnType<typeof serve>; port: number }>(
    (resolve) => {
      const started = serve(
        { fetch: app.fetch, port: 0, hostname: '127.0.0.1' },
        (info: AddressInfo) => {
          resolve({ server: started, port: info.port });
        },
      );
    },
  );
  servers.push(server);
  return { origin: `http://127.0.0.1:${String(port)}`, release: () => release() };
}

describe('InFlight', () => {
  it('counts a streamed answer until its last byte is sent, so a shutdown waits for it', async () => {
    const inFlight = new InFlight();
    const server = await streamingServer(inFlight);
    const response = await fetch(`${server.origin}/export`);
    if (!response.body) throw new Error('no body');
    const reader = response.body.getReader();
    await reader.read(); // the first part has arrived: the handler has long returned
    expect(inFlight.size).toBe(1);
    let drained = false;
    const waiting = inFlight.drained(5_000).then((done) => {
      drained = done;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(drained).toBe(false);
    server.release();
    while (!(await reader.read()).done);
    await waiting;
    expect(drained).toBe(true);
    expect(inFlight.size).toBe(0);
  });

  it('counts a plain answer until it is sent', async () => {
    const inFlight = new InFlight();
    const server = await streamingServer(inFlight);
    const response = await fetch(`${server.origin}/small`);
    expect(await response.text()).toBe('ok');
    expect(await inFlight.drained(5_000)).toBe(true);
    expect(inFlight.size).toBe(0);
  });
});
