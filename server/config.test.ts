import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConnections } from './config';

async function withConfig(content: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'orgdeck-config-'));
  await writeFile(join(dir, 'orgdeck.config.json'), content);
  return dir;
}

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
    const [connection, ...rest] = loadConnections({ ACME_KEY: 'sk_live_x' }, dir);
    expect(rest).toEqual([]);
    expect(connection?.auth).toEqual({ type: 'bearer', secret: 'sk_live_x' });
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
});
