import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { compressResponses } from './compression';

/** A CSV body whose end waits for `finish()`: a stream the middleware must not buffer. */
function pendingCsv() {
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  // Hex text: big enough for gzip to emit output before the end.
  const first = `id\n${randomBytes(150_000).toString('hex')}\n`;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(first));
      void finished.then(() => {
        controller.enqueue(new TextEncoder().encode('last\n'));
        controller.close();
      });
    },
  });
  const app = new Hono();
  app.use('*', compressResponses());
  app.get('/export.csv', () => new Response(body, { headers: { 'content-type': 'text/csv' } }));
  return { app, first, finish };
}

async function readText(stream: ReadableStream<Uint8Array>, until?: number): Promise<string> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const chunk = await reader.read();
    if (chunk.done) return text + decoder.decode();
    text += decoder.decode(chunk.value, { stream: true });
    if (until !== undefined && text.length >= until) {
      reader.releaseLock();
      return text;
    }
  }
}

describe('compressed CSV exports', () => {
  it('streams a CSV gzip-compressed as it is produced, never waiting for its end', async () => {
    const { app, first, finish } = pendingCsv();
    const response = await app.request('/export.csv', { headers: { 'accept-encoding': 'gzip' } });
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('vary')).toMatch(/accept-encoding/i);
    const body = response.body?.pipeThrough(new DecompressionStream('gzip'));
    if (!body) throw new Error('no body');
    const [early, rest] = body.tee();
    // Part of the first chunk arrives while the export has not finished.
    const start = await readText(early, 1_000);
    expect(first.startsWith(start.slice(0, 1_000))).toBe(true);
    finish();
    expect(await readText(rest)).toBe(`${first}last\n`);
  });

  it('streams it as it is to a client that accepts no gzip', async () => {
    const { app, first, finish } = pendingCsv();
    const response = await app.request('/export.csv', { headers: { 'accept-encoding': 'br' } });
    expect(response.headers.get('content-encoding')).toBeNull();
    finish();
    expect(await readText(response.body as ReadableStream<Uint8Array>)).toBe(`${first}last\n`);
  });
});

describe('compressed JSON answers', () => {
  const big = { rows: Array.from({ length: 200 }, (_, i) => ({ id: i, name: `row ${i}` })) };

  function jsonApp() {
    const app = new Hono();
    const sent: Response[] = [];
    app.use('*', compressResponses());
    app.get('/rows', (c) => {
      const response = c.json(big);
      sent.push(response);
      return response;
    });
    return { app, sent };
  }

  it('passes the handler’s own answer on, unread, to a client that accepts no encoding', async () => {
    // Reading an in-memory answer only to send the same bytes costs @hono/node-server its
    // single-write path: the answer must stay the one the handler made.
    const { app, sent } = jsonApp();
    const response = await app.request('/rows', { headers: { 'accept-encoding': 'identity' } });
    expect(response).toBe(sent[0]);
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(response.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(await response.json()).toEqual(big);
  });

  it('compresses it for a client that accepts gzip', async () => {
    const { app, sent } = jsonApp();
    const response = await app.request('/rows', { headers: { 'accept-encoding': 'gzip' } });
    expect(response).not.toBe(sent[0]);
    expect(response.headers.get('content-encoding')).toBe('gzip');
    const body = response.body?.pipeThrough(new DecompressionStream('gzip'));
    expect(JSON.parse(await new Response(body).text())).toEqual(big);
  });
});
