import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GATEWAY_HEADER } from '../../src/api/http-client';
import { DEMO_USERS, sandboxConnections } from '../config';
import { ConsoleClient } from '../testing/console-client';
import { startTestServer, testConsoleSettings, type TestServer } from '../testing/test-server';
import { UPSTREAM_BODY_LIMIT } from './gateway';

/**
 * Issue 12, over HTTP: what a hostile request can no longer do to the server. Each test failed
 * on the code before the fix (the first two hung until the test timed out).
 */

/**
 * Streams a chunked body of `bytes` and never sends its last chunk: a server that buffers the
 * whole body before deciding never answers; one that counts while streaming answers at the limit.
 */
function endlessChunkedPost(origin: string, path: string, bytes: number): Promise<string> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) });
    let answer = '';
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString('latin1');
      if (answer.includes('\r\n\r\n')) {
        socket.destroy();
        resolve(answer);
      }
    });
    socket.on('error', (error) => {
      if (answer === '') reject(error);
    });
    socket.write(
      `POST ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`,
    );
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const frame = Buffer.concat([
      Buffer.from(`${chunk.length.toString(16)}\r\n`),
      chunk,
      Buffer.from('\r\n'),
    ]);
    let sent = 0;
    const pump = () => {
      while (sent < bytes && !socket.destroyed) {
        sent += chunk.length;
        if (!socket.write(frame)) {
          socket.once('drain', pump);
          return;
        }
      }
    };
    pump();
  });
}

describe('bodies are limited while they stream', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(sandboxConnections());
  });
  afterAll(() => server.close());

  it('answers 413 to a chunked gateway body as soon as it passes 12 MB, without waiting for its end', async () => {
    const answer = await endlessChunkedPost(
      server.origin,
      '/api/connections/permit/upstream/v2/orgs',
      UPSTREAM_BODY_LIMIT + 1024 * 1024,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer.toLowerCase()).toContain(`${GATEWAY_HEADER}: refused`);
  });

  it('answers 413 to a chunked console body past 16 KB', async () => {
    const answer = await endlessChunkedPost(server.origin, '/api/session', 256 * 1024);
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
  });

  it('refuses JSON nested 10,000 levels deep before it reaches the provider', async () => {
    const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const response = await fetch(
      `${server.origin}/api/connections/clerk/upstream/v1/organizations`,
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: deep },
    );
    expect(response.status).toBe(400);
    expect(response.headers.get(GATEWAY_HEADER)).toBe('refused');
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'json_too_complex',
    );
    const session = await fetch(`${server.origin}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `${'['.repeat(1000)}${']'.repeat(1000)}`,
    });
    expect(session.status).toBe(400);
    // The server is still there.
    expect((await fetch(`${server.origin}/api/connections`)).status).toBe(200);
  });
});

describe('upstream timeout', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(sandboxConnections(), { upstreamTimeoutMs: 300 });
  });
  afterAll(() => server.close());

  it('applies to the sandbox: a 60 s latency fault answers 504 upstream_timeout', async () => {
    await server.addFault({ vendor: 'permit', path: '/v2/orgs', latencyMs: 60_000, times: 1 });
    try {
      const response = await fetch(`${server.upstreamUrl('permit')}/v2/orgs`);
      expect(response.status).toBe(504);
      expect(response.headers.get(GATEWAY_HEADER)).toBe('refused');
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('upstream_timeout');
    } finally {
      await server.clearFaults();
    }
  });
});

describe('sandbox vendor routes with required sign-in', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(sandboxConnections(), {
      console: testConsoleSettings({ signIn: 'required', demoUsers: DEMO_USERS }),
    });
  });
  afterAll(() => server.close());

  const sandboxCreate = (headers: Record<string, string>) =>
    fetch(`${server.origin}/sandbox/permit/v2/orgs`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: 'Bearer sandbox-token',
        ...headers,
      },
      body: JSON.stringify({ key: `anon-${Date.now()}`, name: 'Anonymous write' }),
    });

  it('refuses the public sandbox token alone, and takes it from a signed-in console user', async () => {
    const anonymous = await sandboxCreate({});
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe(
      'sign_in_required',
    );

    const viewer = new ConsoleClient(server.origin);
    await viewer.signIn({ demoUser: 'demo-viewer' });
    const list = await fetch(`${server.origin}/sandbox/permit/v2/orgs`, {
      headers: { authorization: 'Bearer sandbox-token', cookie: viewer.headers['cookie'] ?? '' },
    });
    expect(list.status).toBe(200);
  });

  it('keeps the gateway’s own in-process calls to the sandbox working', async () => {
    const admin = new ConsoleClient(server.origin);
    await admin.signIn({ demoUser: 'demo-admin' });
    const response = await admin.fetch('/api/connections/permit/upstream/v2/orgs', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: `gw-${Date.now()}`, name: 'Through the gateway' }),
    });
    expect(response.status).toBe(200);
  });
});
