import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { limitBody } from './limit-body';

/** A Request that counts reads of `body`, which builds the whole WHATWG Request in production. */
class WatchedRequest extends Request {
  static bodyReads = 0;
  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    WatchedRequest.bodyReads += 1;
    return super.body;
  }
}

function app() {
  const hono = new Hono();
  hono.use(
    '*',
    limitBody({
      maxBytes: 16,
      json: { maxDepth: 2, maxKeys: 4 },
      tooLarge: (c) => c.json({ error: 'too_large' }, 413),
      tooComplex: (c) => c.json({ error: 'too_complex' }, 400),
      skip: (path) => path.startsWith('/own/'),
    }),
  );
  // Stands for the gateway, which reads (and limits) its own body later, after authorizing.
  hono.post('/own/*', (c) => c.text('not read'));
  hono.all('*', async (c) => c.text(`read ${(await c.req.text()).length}`));
  return hono;
}

async function send(path: string, init: RequestInit = {}) {
  WatchedRequest.bodyReads = 0;
  const response = await app().fetch(new WatchedRequest(`http://localhost${path}`, init));
  return { status: response.status, text: await response.text() };
}

describe('limitBody', () => {
  it('refuses a body over the limit and JSON past its depth', async () => {
    expect((await send('/x', { method: 'POST', body: 'x'.repeat(17) })).status).toBe(413);
    const deep = {
      method: 'POST',
      body: '[[[1]]]',
      headers: { 'content-type': 'application/json' },
    };
    expect((await send('/x', deep)).status).toBe(400);
    expect(await send('/x', { method: 'POST', body: 'twelve bytes' })).toEqual({
      status: 200,
      text: 'read 12',
    });
  });

  it('leaves a GET and a path that reads its own body without touching the body', async () => {
    // On @hono/node-server, `raw.body` builds the whole WHATWG Request (a signal, a stream):
    // a cost a GET or a gateway call must not pay.
    expect(await send('/x')).toEqual({ status: 200, text: 'read 0' });
    expect(WatchedRequest.bodyReads).toBe(0);
    expect(await send('/own/x', { method: 'POST', body: 'x'.repeat(40) })).toEqual({
      status: 200,
      text: 'not read',
    });
    expect(WatchedRequest.bodyReads).toBe(0);
  });
});
