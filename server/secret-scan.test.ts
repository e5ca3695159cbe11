import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig, resolveConnections } from './config';
import { inlineScripts, scanDirectory, secretsIn, type NamedSecret } from './secret-scan';
import { ConsoleClient } from './testing/console-client';
import { consoleUser } from './testing/console-users';
import { startTestServer, testConsoleSettings, type TestServer } from './testing/test-server';
import { fakeClerkKey } from './testing/fake-secrets';

const SECRETS = {
  bearer: fakeClerkKey('test', 'orgdeckCanaryBearer7Q2w9'),
  clientSecret: 'orgdeck-canary-client-secret-4Kp8',
  userToken: 'orgdeck-canary-user-token-9Zr3',
  accessToken: 'orgdeck-canary-access-token-2Hs6',
  password: 'orgdeck-canary-password-6Vb1',
};
const NAMED: NamedSecret[] = Object.entries(SECRETS).map(([name, value]) => ({ name, value }));

/**
 * A careless provider: it echoes the Authorization header it receives in its bodies, its error
 * messages and a header, which is the worst a real one could do.
 */
function carelessProvider(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const auth = request.headers.get('authorization') ?? '';
  if (url.pathname === '/oauth2/token') {
    return Promise.resolve(
      Response.json({ access_token: SECRETS.accessToken, expires_in: 3600, echo: auth }),
    );
  }
  const headers = { 'x-echo': auth, 'set-cookie': `session=${auth}` };
  if (request.method === 'DELETE') {
    return Promise.resolve(
      Response.json(
        { errors: [{ message: `Your key ${auth} may not delete`, code: 'forbidden' }] },
        { status: 403, headers },
      ),
    );
  }
  return Promise.resolve(
    Response.json({ data: [], total_count: 0, organizations: [], you_sent: auth }, { headers }),
  );
}

describe('no secret in any response or log line', () => {
  let server: TestServer;
  const logs: string[] = [];

  beforeAll(async () => {
    const config = parseConfig(
      {
        connections: [
          {
            id: 'acme-clerk',
            label: 'Acme (Clerk)',
            provider: 'clerk',
            baseUrl: 'https://api.clerk.test',
            auth: { type: 'bearer', secretEnv: 'ACME_CLERK_SECRET_KEY' },
          },
          {
            id: 'acme-kinde',
            label: 'Acme (Kinde)',
            provider: 'kinde',
            baseUrl: 'https://acme.kinde.test',
            auth: {
              type: 'oauth2-client-credentials',
              tokenUrl: 'https://acme.kinde.test/oauth2/token',
              clientIdEnv: 'ACME_KINDE_CLIENT_ID',
              clientSecretEnv: 'ACME_KINDE_CLIENT_SECRET',
            },
          },
          {
            id: 'acme-numind',
            label: 'Acme (NuMind)',
            provider: 'numind',
            baseUrl: 'https://nuextract.test',
            auth: { type: 'user-token' },
          },
        ],
      },
      'test config',
    );
    const connections = resolveConnections(config, {
      ACME_CLERK_SECRET_KEY: SECRETS.bearer,
      ACME_KINDE_CLIENT_ID: 'acme-client-id',
      ACME_KINDE_CLIENT_SECRET: SECRETS.clientSecret,
    });
    server = await startTestServer(connections, {
      console: testConsoleSettings({
        signIn: 'required',
        demoUsers: [],
        anonymousCsrf: true,
        users: [await consoleUser('ann', 'admin', SECRETS.password)],
      }),
      networkFetch: carelessProvider,
      log: (line) => logs.push(line),
    });
  });
  afterAll(() => server.close());

  it('holds for the session, connections, health, proxied calls, errors and the audit log', async () => {
    const client = new ConsoleClient(server.origin);
    const responses: Response[] = [];
    const call = async (path: string, init?: RequestInit) => {
      const response = await client.fetch(path, init);
      responses.push(response);
      return response;
    };
    await call('/api/session');
    const wrong = await client.signIn({ username: 'ann', password: `${SECRETS.password}x` });
    responses.push(wrong);
    responses.push(await client.signIn({ username: 'ann', password: SECRETS.password }));
    await call('/api/connections/acme-numind/user-token', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: SECRETS.userToken }),
    });
    await call('/api/connections');
    for (const id of ['acme-clerk', 'acme-kinde', 'acme-numind']) {
      await call(`/api/connections/${id}/health`);
    }
    const proxied = await call('/api/connections/acme-clerk/upstream/v1/organizations');
    expect(proxied.status).toBe(200);
    await call('/api/connections/acme-kinde/upstream/api/v1/organizations');
    await call('/api/connections/acme-numind/upstream/api/organizations');
    const refused = await call('/api/connections/acme-clerk/upstream/v1/organizations/org_1', {
      method: 'DELETE',
    });
    expect(refused.status).toBe(403);
    await call('/api/connections/acme-kinde/upstream/api/v1/organization/org_1', {
      method: 'DELETE',
    });
    await call('/api/connections/acme-numind/upstream/api/organizations/o1', { method: 'DELETE' });
    await call('/api/connections/acme-clerk/upstream/v1/users/u/oauth_access_tokens/google');
    await call('/api/connections/acme-clerk/upstream/v1/organizations', {
      method: 'POST',
      headers: { 'x-csrf-token': 'wrong' },
    });
    const audit = await call('/api/audit');
    const auditText = await audit.clone().text();
    expect(auditText).toContain('may not delete');
    await call('/api/audit.csv');

    for (const response of responses) {
      const text = `${[...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n')}\n${await response.text()}`;
      expect(secretsIn(text, NAMED), `${response.url} ${response.status}`).toEqual([]);
    }
    expect(logs.length).toBeGreaterThan(5);
    expect(secretsIn(logs.join('\n'), NAMED)).toEqual([]);
  });
});

describe('the secret scanner', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'orgdeck-scan-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'assets', 'clean.js'), 'export const a = 1;');
    await writeFile(
      join(dir, 'assets', 'leaky.js.map'),
      `{"x":"${encodeURIComponent(SECRETS.bearer)}"}`,
    );
    await writeFile(
      join(dir, 'index.html'),
      `<script>var k="${Buffer.from(SECRETS.userToken).toString('base64')}"</script>`,
    );
  });

  it('finds secrets as is, URL-encoded and base64, naming the file and the secret only', async () => {
    const findings = await scanDirectory(dir, NAMED);
    expect(findings).toEqual(
      expect.arrayContaining([
        { where: join('assets', 'leaky.js.map'), secret: 'bearer' },
        { where: 'index.html', secret: 'userToken' },
      ]),
    );
    expect(findings).toHaveLength(2);
  });

  it('finds inline scripts but not external ones', () => {
    expect(
      inlineScripts('<script type="module" crossorigin src="/assets/index.js"></script>'),
    ).toEqual([]);
    expect(inlineScripts('<script>window.x = 1</script>')).toHaveLength(1);
    expect(inlineScripts('<SCRIPT type="module">import "/x.js"</SCRIPT>')).toHaveLength(1);
  });

  it('lets JSON data blocks through, which the browser never runs', () => {
    expect(
      inlineScripts('<script type="application/json" id="orgdeck-boot">{"a":1}</script>'),
    ).toEqual([]);
    expect(inlineScripts('<script type="application/javascript">alert(1)</script>')).toHaveLength(
      1,
    );
    expect(inlineScripts('<script type="application/json-x">alert(1)</script>')).toHaveLength(1);
  });
});
