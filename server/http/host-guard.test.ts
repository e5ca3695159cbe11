import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxConnections } from '../config';
import { rawRequest } from '../testing/raw-http';
import { startTestServer, type TestServer } from '../testing/test-server';
import { defaultPublicOrigins, parsePublicOrigins, publicOriginsFor } from './host-guard';

describe('Host and Origin allow-list (DNS rebinding)', () => {
  let server: TestServer;
  let host: string;

  beforeAll(async () => {
    server = await startTestServer(sandboxConnections());
    host = new URL(server.origin).host;
  });
  afterAll(() => server.close());

  const createOrg = (headers: string) => {
    const body = JSON.stringify({ key: 'rebound', name: 'Rebound' });
    return rawRequest(
      server.origin,
      `POST /api/connections/permit/upstream/v2/orgs HTTP/1.1
${headers}
Content-Type: application/json
Content-Length: ${body.length}`,
      [body],
    );
  };

  it('refuses a foreign Host with 421 before any handler: no session, no admin, no org', async () => {
    const session = await rawRequest(
      server.origin,
      'GET /api/session HTTP/1.1\nHost: attacker.example',
    );
    expect(session.status).toBe(421);
    expect(session.headers['set-cookie']).toBeUndefined();
    expect(session.body).not.toContain('csrfToken');
    expect(JSON.parse(session.body)).toMatchObject({ error: { code: 'unknown_host' } });

    const created = await createOrg(`Host: attacker.example:${new URL(server.origin).port}`);
    expect(created.status).toBe(421);
    const sandbox = await rawRequest(
      server.origin,
      'GET /sandbox/permit/v2/orgs HTTP/1.1\nHost: attacker.example\nAuthorization: Bearer sandbox-token',
    );
    expect(sandbox.status).toBe(421);
    const check = await fetch(`${server.origin}/api/connections/permit/upstream/v2/orgs/rebound`);
    expect(check.status).toBe(404);
  });

  it('refuses a duplicate Host header, even when both name this server', async () => {
    const response = await rawRequest(
      server.origin,
      `GET /api/connections HTTP/1.1\nHost: ${host}\nHost: ${host}`,
    );
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({ error: { code: 'duplicate_host' } });
  });

  it('refuses another site’s Origin with 403, and answers this origin and localhost', async () => {
    const foreign = await createOrg(`Host: ${host}\nOrigin: https://attacker.example`);
    expect(foreign.status).toBe(403);
    expect(JSON.parse(foreign.body)).toMatchObject({ error: { code: 'foreign_origin' } });

    const own = await rawRequest(
      server.origin,
      `GET /api/connections HTTP/1.1\nHost: ${host}\nOrigin: ${server.origin}`,
    );
    expect(own.status).toBe(200);
    const localhost = await rawRequest(
      server.origin,
      `GET /api/connections HTTP/1.1\nHost: localhost:${new URL(server.origin).port}`,
    );
    expect(localhost.status).toBe(200);
  });

  it('never hands out a sandbox image URL on a foreign host', async () => {
    const logo = await rawRequest(
      server.origin,
      'GET /sandbox/clerk/v1/organizations HTTP/1.1\nHost: attacker.example\nAuthorization: Bearer sandbox-token',
    );
    expect(logo.status).toBe(421);
    expect(logo.body).not.toContain('attacker.example');
  });
});

describe('ORGDECK_PUBLIC_ORIGIN', () => {
  it('reads comma-separated origins and refuses anything that is not a bare origin', () => {
    expect(parsePublicOrigins(' https://orgdeck.example.com , http://10.0.0.5:8080 ')).toEqual([
      'https://orgdeck.example.com',
      'http://10.0.0.5:8080',
    ]);
    expect(parsePublicOrigins(undefined)).toEqual([]);
    expect(() => parsePublicOrigins('orgdeck.example.com')).toThrow(/not an origin/);
    expect(() => parsePublicOrigins('https://orgdeck.example.com/console')).toThrow(/bare origin/);
    expect(() => parsePublicOrigins('ftp://orgdeck.example.com')).toThrow(/bare origin/);
  });

  it('defaults to the listen address and the loopback names with the port; loopback always stays', () => {
    expect(defaultPublicOrigins('0.0.0.0', 8080)).toEqual([
      'http://localhost:8080',
      'http://127.0.0.1:8080',
      'http://[::1]:8080',
    ]);
    expect(defaultPublicOrigins('10.1.2.3', 8080)).toContain('http://10.1.2.3:8080');
    expect(publicOriginsFor(['https://orgdeck.example.com'], '0.0.0.0', 8080)).toEqual([
      'https://orgdeck.example.com',
      'http://localhost:8080',
      'http://127.0.0.1:8080',
      'http://[::1]:8080',
    ]);
  });
});
