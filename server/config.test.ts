import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashPassword } from './auth/password';
import { ConfigError, loadConfig, loadConnections, parseConfig } from './config';
import { fakeClerkKey } from './testing/fake-secrets';

async function withConfig(content: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'orgdeck-config-'));
  await writeFile(join(dir, 'orgdeck.config.json'), content);
  return dir;
}

const bearerConnection = {
  id: 'acme',
  label: 'Acme',
  provider: 'permit',
  baseUrl: 'https://api.permit.io',
  auth: { type: 'bearer', secretEnv: 'ACME_KEY' },
};

describe('connection config', () => {
  it('serves the five sandbox connections when nothing is configured', () => {
    const connections = loadConnections({}, '/nonexistent-dir');
    expect(connections.map((c) => c.id)).toEqual([
      'permit',
      'kinde',
      'clerk',
      'clerk-frontend',
      'numind',
    ]);
    expect(connections.every((c) => c.sandbox)).toBe(true);
  });

  it('reads secrets from the environment variables the file names', async () => {
    const dir = await withConfig(
      JSON.stringify({
        connections: [
          {
            id: 'acme',
            label: 'Acme',
            provider: 'clerk',
            baseUrl: 'https://api.clerk.com',
            auth: { type: 'bearer', secretEnv: 'ACME_KEY' },
          },
        ],
      }),
    );
    const [connection, ...rest] = loadConnections({ ACME_KEY: fakeClerkKey('live', 'x') }, dir);
    expect(rest).toEqual([]);
    expect(connection?.auth).toEqual({ type: 'bearer', secret: fakeClerkKey('live', 'x') });
  });

  it('names the missing environment variable', async () => {
    const dir = await withConfig(
      JSON.stringify({
        connections: [
          {
            id: 'acme',
            label: 'Acme',
            provider: 'clerk',
            baseUrl: 'https://api.clerk.com',
            auth: { type: 'bearer', secretEnv: 'ACME_KEY' },
          },
        ],
      }),
    );
    expect(() => loadConnections({}, dir)).toThrow(/ACME_KEY is not set/);
  });

  it('names the bad field of an invalid file', async () => {
    const dir = await withConfig(
      JSON.stringify({
        connections: [
          {
            id: 'Bad Id',
            label: 'x',
            provider: 'clerk',
            baseUrl: 'https://x.test',
            auth: { type: 'bearer', secretEnv: 'X' },
          },
        ],
      }),
    );
    expect(() => loadConnections({}, dir)).toThrow(ConfigError);
    expect(() => loadConnections({}, dir)).toThrow(/connections\.0\.id/);
  });

  it('refuses a secret written into the file instead of an environment variable name', async () => {
    const dir = await withConfig(
      JSON.stringify({
        connections: [
          {
            id: 'acme',
            label: 'Acme',
            provider: 'permit',
            baseUrl: 'https://api.permit.io',
            auth: { type: 'bearer', secretEnv: 'permit_key_abc123' },
          },
        ],
      }),
    );
    expect(() => loadConnections({}, dir)).toThrow(/must be an environment variable name/);
  });

  it.each([
    [
      { connections: [], sandboxConnection: true },
      /: \(root\): Unrecognized key: "sandboxConnection"/,
    ],
    [
      { connections: [{ ...bearerConnection, lable: 'Acme' }] },
      /: connections\.0: Unrecognized key: "lable"/,
    ],
    [
      {
        connections: [
          { ...bearerConnection, auth: { type: 'bearer', secretEnv: 'K', secret: 'x' } },
        ],
      },
      /: connections\.0\.auth: Unrecognized key: "secret"/,
    ],
    [
      {
        connections: [
          {
            ...bearerConnection,
            provider: 'kinde',
            auth: {
              type: 'oauth2-client-credentials',
              tokenUrl: 'https://acme.kinde.com/oauth2/token',
              clientIdEnv: 'ID',
              clientSecretEnv: 'SECRET',
              audiance: 'https://acme.kinde.com/api',
            },
          },
        ],
      },
      /: connections\.0\.auth: Unrecognized key: "audiance"/,
    ],
    [
      { connections: [{ ...bearerConnection, auth: { type: 'user-token', tokenEnv: 'T' } }] },
      /: connections\.0\.auth: Unrecognized key: "tokenEnv"/,
    ],
  ])('stops at a misspelled or unknown key, naming it: %j', async (config, message) => {
    const dir = await withConfig(JSON.stringify(config));
    expect(() => loadConnections({ ACME_KEY: 'k', K: 'k', ID: 'i', SECRET: 's' }, dir)).toThrow(
      ConfigError,
    );
    expect(() => loadConnections({ ACME_KEY: 'k', K: 'k', ID: 'i', SECRET: 's' }, dir)).toThrow(
      message,
    );
  });

  it('still accepts the e2e configs and the README examples', async () => {
    const e2eDir = join(import.meta.dirname, '..', 'e2e', 'config');
    const files = (await readdir(e2eDir)).filter((name) => name.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) {
      const raw: unknown = JSON.parse(await readFile(join(e2eDir, name), 'utf8'));
      expect(() => parseConfig(raw, name)).not.toThrow();
    }
    const readme = await readFile(join(import.meta.dirname, '..', 'README.md'), 'utf8');
    const blocks = [...readme.matchAll(/```json\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
    const connections = blocks
      .filter((block) => /^\s*\{\s*"id"/.test(block))
      .map((block) => JSON.parse(block) as unknown);
    expect(connections.length).toBeGreaterThanOrEqual(5);
    expect(() => parseConfig({ connections }, 'README.md')).not.toThrow();
  });
});

const clerkConnection = {
  id: 'acme',
  label: 'Acme',
  provider: 'clerk',
  baseUrl: 'https://api.clerk.com',
  auth: { type: 'bearer', secretEnv: 'ACME_KEY' },
};

describe('console config', () => {
  it('defaults, with no file: optional sign-in, one demo user per role, CSRF for everyone', () => {
    const { connections, console: settings } = loadConfig({}, '/nonexistent-dir');
    expect(connections).toHaveLength(5);
    expect(settings).toMatchObject({
      signIn: 'optional',
      users: [],
      sessionTtlMinutes: 480,
      proxyAuth: null,
      anonymousCsrf: true,
    });
    expect(settings.demoUsers.map((user) => [user.id, user.role, user.demo])).toEqual([
      ['demo-viewer', 'viewer', true],
      ['demo-support', 'support', true],
      ['demo-admin', 'admin', true],
    ]);
  });

  it('reads users, sign-in mode, session time and the proxy and CSRF switches', async () => {
    const passwordHash = await hashPassword('pw', { N: 1024, r: 8, p: 1 });
    const dir = await withConfig(
      JSON.stringify({
        connections: [clerkConnection],
        console: {
          signIn: 'required',
          sessionTtlMinutes: 30,
          users: [{ username: 'ann', name: 'Ann Admin', role: 'admin', passwordHash }],
        },
      }),
    );
    const { console: settings } = loadConfig(
      {
        ACME_KEY: 'k',
        ORGDECK_TRUST_PROXY_AUTH: '1',
        ORGDECK_PROXY_USER_HEADER: 'X-Auth-Request-Email',
        ORGDECK_ANONYMOUS_CSRF: 'off',
      },
      dir,
    );
    expect(settings).toMatchObject({
      signIn: 'required',
      sessionTtlMinutes: 30,
      demoUsers: [],
      users: [{ id: 'ann', name: 'Ann Admin', role: 'admin', passwordHash, demo: false }],
      proxyAuth: { userHeader: 'x-auth-request-email', roleHeader: 'x-forwarded-role' },
      anonymousCsrf: false,
    });
  });

  it('believes forwarded headers with ORGDECK_TRUST_FORWARDED, or with proxy auth, else not', () => {
    const trust = (env: NodeJS.ProcessEnv) =>
      loadConfig(env, '/nonexistent-dir').console.trustForwarded;
    expect(trust({})).toBe(false);
    expect(trust({ ORGDECK_TRUST_FORWARDED: '1' })).toBe(true);
    expect(trust({ ORGDECK_TRUST_FORWARDED: 'true' })).toBe(true);
    expect(trust({ ORGDECK_TRUST_FORWARDED: '0' })).toBe(false);
    expect(trust({ ORGDECK_TRUST_PROXY_AUTH: '1' })).toBe(true);
  });

  it('takes user-token connections, which name no secret', async () => {
    const dir = await withConfig(
      JSON.stringify({
        connections: [
          {
            id: 'numind',
            label: 'NuMind',
            provider: 'numind',
            baseUrl: 'https://nuextract.ai',
            auth: { type: 'user-token' },
          },
        ],
        console: { signIn: 'off' },
      }),
    );
    expect(loadConfig({}, dir).connections[0]?.auth).toEqual({ type: 'user-token' });
  });

  it.each([
    [{ signIn: 'sometimes' }, /console\.signIn/],
    [{ sigIn: 'required' }, /console: Unrecognized key: "sigIn"/],
    [
      { users: [{ username: 'ann', name: 'Ann', role: 'owner', passwordHash: 'x' }] },
      /console\.users\.0\.role/,
    ],
    [
      { users: [{ username: 'ann', name: 'Ann', role: 'admin', passwordHash: 'hunter2' }] },
      /console\.users\.0\.passwordHash: must be a scrypt hash made by "npm run user:add"/,
    ],
    [{ sessionTtlMinutes: 0 }, /console\.sessionTtlMinutes/],
    [{ imageOrigins: ['http://cdn.test'] }, /console\.imageOrigins\.0/],
  ])('names the bad console field %j', async (consoleConfig, message) => {
    const dir = await withConfig(
      JSON.stringify({ connections: [clerkConnection], console: consoleConfig }),
    );
    expect(() => loadConfig({ ACME_KEY: 'k' }, dir)).toThrow(message);
  });

  it('refuses duplicate usernames', async () => {
    const passwordHash = await hashPassword('pw', { N: 1024, r: 8, p: 1 });
    const user = { username: 'ann', name: 'Ann', role: 'admin', passwordHash };
    const dir = await withConfig(
      JSON.stringify({
        connections: [clerkConnection],
        console: { users: [user, { ...user, username: 'ANN' }] },
      }),
    );
    expect(() => loadConfig({ ACME_KEY: 'k' }, dir)).toThrow(
      /console\.users\.1\.username: duplicate username "ANN"/,
    );
  });

  it('requires sign-in by default for real connections, and refuses a setup no one can sign in to', async () => {
    const dir = await withConfig(JSON.stringify({ connections: [clerkConnection] }));
    expect(() => loadConfig({ ACME_KEY: 'k' }, dir)).toThrow(
      /console\.users: sign-in is required but no one can sign in/,
    );
    expect(
      loadConfig({ ACME_KEY: 'k', ORGDECK_TRUST_PROXY_AUTH: 'true' }, dir).console.signIn,
    ).toBe('required');
  });

  it('refuses optional sign-in beside a real connection, which would make anonymous visitors admin over real credentials', async () => {
    const dir = await withConfig(
      JSON.stringify({ connections: [clerkConnection], console: { signIn: 'optional' } }),
    );
    expect(() => loadConfig({ ACME_KEY: 'k', ORGDECK_TRUST_PROXY_AUTH: '1' }, dir)).toThrow(
      /console\.signIn: "optional" lets anyone who is not signed in act as admin/,
    );
    const sandboxOnly = await withConfig(
      JSON.stringify({ sandboxConnections: true, console: { signIn: 'optional' } }),
    );
    expect(loadConfig({}, sandboxOnly).console.signIn).toBe('optional');
  });

  it('refuses password-less demo users beside a real connection', async () => {
    const dir = await withConfig(
      JSON.stringify({
        connections: [clerkConnection],
        console: { signIn: 'optional', demoUsers: true },
      }),
    );
    expect(() => loadConfig({ ACME_KEY: 'k' }, dir)).toThrow(/console\.demoUsers/);
  });
});
