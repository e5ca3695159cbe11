import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { OPEN_ACCESS } from '../auth/access';
import { fakeClerkKey } from '../testing/fake-secrets';
import { CredentialProvider } from './credentials';
import { createGateway } from './gateway';
import { clerkConnection } from './test-connection';
import { heldBody, readAnswer, ResponseTooLargeError } from './response-body';

const SECRET = fakeClerkKey('test', 'held_answer_secret');

const clerk = clerkConnection(SECRET);

/** An answer made as the sandbox makes its own, after the server's globals are in place. */
function jsonAnswer(value: unknown): Promise<Response> {
  const app = new Hono();
  app.get('/', (c) => c.json(value));
  return Promise.resolve(app.fetch(new Request('http://sandbox.test/')));
}

describe('reading a provider answer', () => {
  beforeAll(() => {
    // What `serve()` does: @hono/node-server's lightweight Request and Response become global.
    getRequestListener(() => new Response(null));
  });

  it('takes an in-process JSON answer from what it holds, and reads any other as a stream', async () => {
    const value = { data: [{ id: 'org_1', name: 'Acme € ✓' }] };
    const held = await jsonAnswer(value);
    expect(heldBody(held)).toBe(JSON.stringify(value));
    expect(await readAnswer(held)).toBe(JSON.stringify(value));

    // Once read as a stream, nothing is held any more: read as a stream again, same bytes.
    const read = await jsonAnswer(value);
    await read.clone().text();
    expect(heldBody(read)).toBeUndefined();
    const streamed = await readAnswer(read);
    expect(Buffer.from(streamed as Uint8Array).toString('utf8')).toBe(JSON.stringify(value));
  });

  it('refuses a held answer over the limit, counting its UTF-8 bytes', async () => {
    const euros = await jsonAnswer('€€€€');
    // `"€€€€"` is 6 characters and 14 bytes.
    await expect(readAnswer(euros, 13)).rejects.toBeInstanceOf(ResponseTooLargeError);
    expect(await readAnswer(euros, 14)).toBe('"€€€€"');
  });

  it('redacts a credential echoed in a held answer before the browser gets it', async () => {
    const app = createGateway({
      connections: [clerk],
      upstream: () => jsonAnswer({ echo: `Bearer ${SECRET}`, data: [] }),
      credentials: new CredentialProvider(() => Promise.reject(new Error('unused'))),
      access: () => OPEN_ACCESS,
    });
    const response = await app.fetch(
      new Request('http://orgdeck.test/api/connections/acme-clerk/upstream/v1/organizations'),
    );
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain(SECRET);
    expect(JSON.parse(text)).toEqual({ echo: 'Bearer [redacted]', data: [] });
  });
});
