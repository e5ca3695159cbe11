import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxConnections } from '../config';
import { ConsoleClient, type SessionState } from '../testing/console-client';
import { consoleUser } from '../testing/console-users';
import { startTestServer, testConsoleSettings, type TestServer } from '../testing/test-server';

async function errorCode(response: Response): Promise<string | undefined> {
  return ((await response.json()) as { error?: { code?: string } }).error?.code;
}

describe('sign-in required', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(sandboxConnections(), {
      console: testConsoleSettings({
        signIn: 'required',
        users: [
          await consoleUser('ann', 'admin', 'ann-password'),
          await consoleUser('sue', 'viewer', 'sue-password'),
        ],
        demoUsers: [],
        anonymousCsrf: true,
      }),
      publicOrigins: ['http://orgdeck.test', 'https://orgdeck.test'],
    });
  });
  afterAll(() => server.close());

  it('answers 401 sign_in_required on every API route but the session until signed in', async () => {
    const client = new ConsoleClient(server.origin);
    for (const path of [
      '/api/connections',
      '/api/audit',
      '/api/connections/permit/upstream/v2/orgs',
    ]) {
      const response = await client.fetch(path);
      expect(response.status, path).toBe(401);
      expect(await errorCode(response)).toBe('sign_in_required');
    }
    const state = await client.open();
    expect(state).toMatchObject({
      required: true,
      signedIn: false,
      user: null,
      demoUsers: [],
      methods: ['password'],
    });
    expect(state.csrfToken.length).toBeGreaterThanOrEqual(32);
  });

  it('refuses a wrong password with 401 and stays signed out', async () => {
    const client = new ConsoleClient(server.origin);
    await client.open();
    const response = await client.signIn({ username: 'ann', password: 'not-it' });
    expect(response.status).toBe(401);
    expect(await errorCode(response)).toBe('invalid_credentials');
    const unknown = await client.signIn({ username: 'nobody', password: 'ann-password' });
    expect(unknown.status).toBe(401);
    expect((await client.fetch('/api/connections')).status).toBe(401);
  });

  it('signs in with the right password into a new session id and a new CSRF token', async () => {
    const client = new ConsoleClient(server.origin);
    const before = await client.open();
    const cookieBefore = client.headers['cookie'];
    const response = await client.signIn({ username: 'ANN', password: 'ann-password' });
    expect(response.status).toBe(200);
    const state = (await response.json()) as SessionState;
    expect(state).toMatchObject({
      signedIn: true,
      user: { id: 'ann', name: 'Ann', role: 'admin', demo: false },
      effectiveRole: 'admin',
    });
    expect(state.csrfToken).not.toBe(before.csrfToken);
    expect(client.headers['cookie']).not.toBe(cookieBefore);
    expect((await client.fetch('/api/connections')).status).toBe(200);
    // The pre-sign-in session id is no longer anyone's session.
    const stale = await fetch(`${server.origin}/api/connections`, {
      headers: { cookie: cookieBefore ?? '' },
    });
    expect(stale.status).toBe(401);
  });

  it('accepts sign-in only from this origin', async () => {
    const body = JSON.stringify({ username: 'ann', password: 'ann-password' });
    const attempts: Record<string, string>[] = [
      { 'content-type': 'application/json' },
      { 'content-type': 'application/json', origin: 'https://evil.test' },
      { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site', origin: server.origin },
    ];
    for (const headers of attempts) {
      const response = await fetch(`${server.origin}/api/session`, {
        method: 'POST',
        headers,
        body,
      });
      expect(response.status).toBe(403);
      // Another site's Origin is refused by the allow-list already, before the sign-in route.
      expect(['csrf_failed', 'foreign_origin']).toContain(await errorCode(response));
    }
    const sameSite = await fetch(`${server.origin}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
      body,
    });
    expect(sameSite.status).toBe(200);
  });

  it('signs out this session only, and everywhere ends every session of the user', async () => {
    const [first, second, third, other] = [1, 2, 3, 4].map(() => new ConsoleClient(server.origin));
    if (!first || !second || !third || !other) throw new Error('clients');
    for (const client of [first, second, third]) {
      await client.signIn({ username: 'ann', password: 'ann-password' });
    }
    await other.signIn({ username: 'sue', password: 'sue-password' });

    const signedOut = await first.signOut();
    expect(signedOut.signedIn).toBe(false);
    expect((await first.fetch('/api/connections')).status).toBe(401);
    expect((await second.fetch('/api/connections')).status).toBe(200);

    const withoutToken = await second.fetch('/api/session/sign-out-everywhere', {
      method: 'POST',
      headers: { 'x-csrf-token': 'wrong' },
    });
    expect(withoutToken.status).toBe(403);
    const everywhere = await second.fetch('/api/session/sign-out-everywhere', { method: 'POST' });
    expect(everywhere.status).toBe(200);
    expect(((await everywhere.json()) as SessionState).signedIn).toBe(false);
    expect((await second.fetch('/api/connections')).status).toBe(401);
    expect((await third.fetch('/api/connections')).status).toBe(401);
    expect((await other.fetch('/api/connections')).status).toBe(200);
  });

  it('sets the session cookie HttpOnly, SameSite=Strict, Path=/, and Secure only over https', async () => {
    const plain = await server.server.app.fetch(new Request('http://orgdeck.test/api/session'));
    const plainCookie = plain.headers.get('set-cookie') ?? '';
    expect(plainCookie).toMatch(/^orgdeck_session=[A-Za-z0-9_-]{43};/);
    expect(plainCookie).toContain('HttpOnly');
    expect(plainCookie).toContain('SameSite=Strict');
    expect(plainCookie).toContain('Path=/');
    expect(plainCookie).not.toContain('Secure');

    const tls = await server.server.app.fetch(new Request('https://orgdeck.test/api/session'));
    expect(tls.headers.get('set-cookie')).toContain('Secure');

    // X-Forwarded-Proto is believed only from a trusted proxy.
    const forwarded = await server.server.app.fetch(
      new Request('http://orgdeck.test/api/session', { headers: { 'x-forwarded-proto': 'https' } }),
    );
    expect(forwarded.headers.get('set-cookie')).not.toContain('Secure');
  });
});

describe('sign-in attempts are rate limited', () => {
  let server: TestServer;
  let now = Date.parse('2026-03-01T10:00:00Z');

  beforeAll(async () => {
    server = await startTestServer(sandboxConnections(), {
      now: () => now,
      console: testConsoleSettings({
        signIn: 'required',
        users: [await consoleUser('ann', 'admin', 'ann-password')],
        demoUsers: [],
      }),
    });
  });
  afterAll(() => server.close());

  it('answers 429 with Retry-After after 5 failures in 5 minutes, even for the right password', async () => {
    const client = new ConsoleClient(server.origin);
    for (let i = 0; i < 5; i++) {
      expect((await client.signIn({ username: 'ann', password: `wrong-${i}` })).status).toBe(401);
      now += 10_000;
    }
    const limited = await client.signIn({ username: 'ann', password: 'ann-password' });
    expect(limited.status).toBe(429);
    expect(await errorCode(limited)).toBe('too_many_attempts');
    const retryAfter = Number(limited.headers.get('retry-after'));
    // The first failure leaves the 5-minute window 250 s from now.
    expect(retryAfter).toBe(250);

    // Per client address too: another username from the same address is also held back.
    expect((await client.signIn({ username: 'bob', password: 'x' })).status).toBe(429);

    now += retryAfter * 1000;
    expect((await client.signIn({ username: 'ann', password: 'ann-password' })).status).toBe(200);
  });

  it('ends a session after the idle time', async () => {
    const client = new ConsoleClient(server.origin);
    now += 10 * 60_000;
    expect((await client.signIn({ username: 'ann', password: 'ann-password' })).status).toBe(200);
    now += 59 * 60_000;
    expect((await client.fetch('/api/connections')).status).toBe(200);
    now += 61 * 60_000;
    expect((await client.fetch('/api/connections')).status).toBe(401);
  });
});

describe('optional sign-in with demo users (the sandbox default)', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(sandboxConnections(), {
      console: testConsoleSettings({ anonymousCsrf: true }),
    });
  });
  afterAll(() => server.close());

  it('acts as an anonymous admin until someone signs in, and offers one demo user per role', async () => {
    const client = new ConsoleClient(server.origin);
    const state = await client.open();
    expect(state).toMatchObject({
      required: false,
      signedIn: false,
      user: null,
      effectiveRole: 'admin',
      methods: ['demo'],
      demoUsers: [
        { id: 'demo-viewer', name: 'Demo viewer', role: 'viewer' },
        { id: 'demo-support', name: 'Demo support', role: 'support' },
        { id: 'demo-admin', name: 'Demo admin', role: 'admin' },
      ],
    });
    expect((await client.fetch('/api/connections')).status).toBe(200);

    const signIn = await client.signIn({ demoUser: 'demo-viewer' });
    expect(signIn.status).toBe(200);
    expect(await signIn.json()).toMatchObject({
      signedIn: true,
      user: { id: 'demo-viewer', role: 'viewer', demo: true },
      effectiveRole: 'viewer',
    });
    expect((await client.signIn({ demoUser: 'demo-root' })).status).toBe(401);
  });
});
