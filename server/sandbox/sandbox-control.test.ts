import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerApp } from '../app';
import { sandboxConnections } from '../config';
import { ConsoleClient } from '../testing/console-client';
import { consoleUser } from '../testing/console-users';
import { startTestServer, testConsoleSettings, type TestServer } from '../testing/test-server';

const FAULT = JSON.stringify({ vendor: 'permit', path: '/v2/orgs', status: 500, times: 1 });
const json = { 'content-type': 'application/json' };

describe('sandbox control routes when sign-in is required', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(sandboxConnections(), {
      console: testConsoleSettings({
        signIn: 'required',
        demoUsers: [],
        users: [
          await consoleUser('ann', 'admin', 'ann-password'),
          await consoleUser('sue', 'support', 'sue-password'),
        ],
        anonymousCsrf: true,
      }),
    });
  });
  afterAll(() => server.close());

  const anonymous = (path: string, init: RequestInit = {}) =>
    fetch(`${server.origin}${path}`, init);
  const signedIn = async (username: string, password: string) => {
    const client = new ConsoleClient(server.origin);
    await client.open();
    expect((await client.signIn({ username, password })).status).toBe(200);
    return client;
  };
  const errorCode = async (response: Response) =>
    ((await response.json()) as { error: { code: string } }).error.code;

  it('refuses an anonymous reset or fault, which then has no effect', async () => {
    const reset = await anonymous('/sandbox/reset', { method: 'POST' });
    expect(reset.status).toBe(401);
    expect(await errorCode(reset)).toBe('sign_in_required');
    const fault = await anonymous('/sandbox/faults', {
      method: 'POST',
      headers: json,
      body: FAULT,
    });
    expect(fault.status).toBe(401);
    expect((await anonymous('/sandbox/faults', { method: 'DELETE' })).status).toBe(401);
    expect((await anonymous('/sandbox/faults/fault_1', { method: 'DELETE' })).status).toBe(401);
    expect((await anonymous('/sandbox/faults')).status).toBe(401);
    expect((await anonymous('/sandbox')).status).toBe(401);
    expect(server.server.sandbox?.faults.list()).toEqual([]);
  });

  it('refuses a signed-in support user, and an admin without the CSRF token', async () => {
    const support = await signedIn('sue', 'sue-password');
    const bySupport = await support.fetch('/sandbox/faults', {
      method: 'POST',
      headers: json,
      body: FAULT,
    });
    expect(bySupport.status).toBe(403);
    expect(await errorCode(bySupport)).toBe('forbidden_role');

    const admin = await signedIn('ann', 'ann-password');
    const noCsrf = await admin.fetch('/sandbox/reset', {
      method: 'POST',
      headers: { 'x-csrf-token': 'not-the-token' },
    });
    expect(noCsrf.status).toBe(403);
    expect(await errorCode(noCsrf)).toBe('csrf_failed');
    expect(server.server.sandbox?.faults.list()).toEqual([]);
  });

  it('lets a signed-in admin with the CSRF token inject faults and reset', async () => {
    const admin = await signedIn('ann', 'ann-password');
    const added = await admin.fetch('/sandbox/faults', {
      method: 'POST',
      headers: json,
      body: FAULT,
    });
    expect(added.status).toBe(201);
    expect(server.server.sandbox?.faults.list()).toHaveLength(1);
    expect((await admin.fetch('/sandbox/faults')).status).toBe(200);
    const reset = await admin.fetch('/sandbox/reset', { method: 'POST' });
    expect(reset.status).toBe(200);
    expect(await reset.json()).toEqual({ reset: true });
    expect(server.server.sandbox?.faults.list()).toEqual([]);
  });

  it('puts vendor routes behind a console sign-in besides their own vendor auth, and keeps images public', async () => {
    // With required sign-in the public sandbox token alone is not enough (issue 12).
    const vendor = await anonymous('/sandbox/permit/v2/orgs', {
      headers: { authorization: 'Bearer sandbox-token' },
    });
    expect(vendor.status).toBe(401);
    expect(await vendor.json()).toMatchObject({ error: { code: 'sign_in_required' } });
    const noToken = await anonymous('/sandbox/permit/v2/orgs');
    expect(noToken.status).toBe(401);
    const image = await anonymous('/sandbox/images/no-such-image');
    expect(image.status).toBe(404);
    expect(await image.text()).toBe('Not found');
  });
});

describe('sandbox control routes when sign-in is optional', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('stay open to scripts and tests, whose anonymous caller acts as admin', async () => {
    await server.addFault({ vendor: 'permit', path: '/v2/orgs', status: 500, times: 1 });
    expect(server.server.sandbox?.faults.list()).toHaveLength(1);
    const reset = await fetch(`${server.origin}/sandbox/reset`, { method: 'POST' });
    expect(reset.status).toBe(200);
    expect(server.server.sandbox?.faults.list()).toEqual([]);
  });

  it.each([
    ['GET', '/sandbox/nope'],
    ['POST', '/sandbox/nope/deeper'],
    ['GET', '/sandbox/reset/extra'],
    ['GET', '/sandbox/image'],
  ])('answers an unknown path (%s %s) with a JSON 404, not the SPA', async (method, path) => {
    const response = await fetch(`${server.origin}${path}`, { method });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ error: 'Not found', path });
  });

  it.each([
    ['GET', '/sandbox/reset', 'POST'],
    ['PUT', '/sandbox/faults', 'GET, POST, DELETE, HEAD'],
    ['GET', '/sandbox/faults/fault_1', 'DELETE'],
    ['POST', '/sandbox', 'GET, HEAD'],
    ['DELETE', '/sandbox/images/abc', 'GET, HEAD'],
  ])('answers %s %s with a JSON 405 naming the allowed methods', async (method, path, allow) => {
    const response = await fetch(`${server.origin}${path}`, { method });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe(allow);
    expect(await response.json()).toEqual({
      error: 'Method not allowed',
      allow: allow.split(', '),
    });
  });

  it('answers unknown /sandbox paths with a JSON 404 when there is no sandbox at all', async () => {
    const real = await createServerApp({
      connections: [],
      console: testConsoleSettings(),
      sandboxDataDir: false,
    });
    try {
      for (const path of ['/sandbox', '/sandbox/reset', '/sandbox/permit/v2/orgs']) {
        const response = await real.app.request(path, { method: 'POST' });
        expect(response.status).toBe(404);
        expect(await response.json()).toEqual({ error: 'Not found', path });
      }
    } finally {
      await real.close();
    }
  });
});
