import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxConnections } from '../config';
import { consoleUser } from '../testing/console-users';
import { startTestServer, testConsoleSettings, type TestServer } from '../testing/test-server';

/** Behind a TLS-terminating reverse proxy that does not authenticate (ORGDECK_TRUST_FORWARDED). */
async function signInServer(trustForwarded: boolean): Promise<TestServer> {
  return startTestServer(sandboxConnections(), {
    console: testConsoleSettings({
      signIn: 'required',
      users: [
        await consoleUser('ann', 'admin', 'ann-password'),
        await consoleUser('bob', 'viewer', 'bob-password'),
      ],
      demoUsers: [],
      anonymousCsrf: true,
      trustForwarded,
    }),
    publicOrigins: ['https://console.acme.test', 'http://orgdeck.internal'],
  });
}

describe.each([true, false])('forwarded headers with trustForwarded=%s', (trusted) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await signInServer(trusted);
  });
  afterAll(() => server.close());

  /** A sign-in as the proxy would pass it on: from the client address it names. */
  const signIn = (clientIp: string, username: string, password: string) =>
    fetch(`${server.origin}/api/session`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: server.origin,
        'x-forwarded-for': `10.9.9.9, ${clientIp}`,
      },
      body: JSON.stringify({ username, password }),
    });

  it(`${trusted ? 'sets' : 'does not set'} Secure on the cookie for X-Forwarded-Proto: https`, async () => {
    const viaProxy = await server.server.app.fetch(
      new Request('http://orgdeck.internal/api/session', {
        headers: { 'x-forwarded-proto': 'https' },
      }),
    );
    const cookie = viaProxy.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^orgdeck_session=/);
    if (trusted) expect(cookie).toContain('; Secure');
    else expect(cookie).not.toContain('Secure');

    const plainHop = await server.server.app.fetch(
      new Request('http://orgdeck.internal/api/session', {
        headers: { 'x-forwarded-proto': 'http' },
      }),
    );
    expect(plainHop.headers.get('set-cookie')).not.toContain('Secure');
  });

  it(
    trusted ? 'rate-limits each client address' : 'rate-limits every caller as the proxy',
    async () => {
      for (let i = 0; i < 5; i++) {
        expect((await signIn('203.0.113.5', 'bob', `wrong-${i}`)).status).toBe(401);
      }
      // The address is held back, whichever user it tries next.
      expect((await signIn('203.0.113.5', 'ann', 'ann-password')).status).toBe(429);
      // Another person behind the same proxy: held back only when addresses are not believed.
      const other = await signIn('198.51.100.7', 'ann', 'ann-password');
      expect(other.status).toBe(trusted ? 200 : 429);
    },
  );

  it(`${trusted ? 'accepts' : 'refuses'} a sign-in from the public origin the proxy names`, async () => {
    const response = await fetch(`${server.origin}/api/session`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: 'https://console.acme.test',
        'x-forwarded-proto': 'https',
        'x-forwarded-host': 'console.acme.test',
        'x-forwarded-for': '192.0.2.44',
      },
      body: JSON.stringify({ username: 'ann', password: 'ann-password' }),
    });
    expect(response.status).toBe(trusted ? 200 : 403);
  });
});
