import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript } from '../scripts/run-script';

describe('server start', () => {
  it('stops with an error naming a misspelled key of the config file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'orgdeck-start-'));
    const config = join(dir, 'orgdeck.config.json');
    await writeFile(config, JSON.stringify({ conections: [], console: { signIn: 'optional' } }));
    const result = await runScript('server/start.ts', [], {
      env: { ORGDECK_CONFIG: config, PORT: '0', ORGDECK_SANDBOX: 'memory' },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `Orgdeck cannot start: ${config}: (root): Unrecognized key: "conections"`,
    );
    expect(result.stdout).not.toContain('Orgdeck is serving');
  }, 60_000);
});
