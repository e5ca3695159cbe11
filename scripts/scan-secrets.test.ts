import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runScript } from './run-script';

const E2E_CONFIG = 'e2e/config/signed-in.orgdeck.json';
/** No local `orgdeck.config.json` may take part. */
const env = { ORGDECK_CONFIG: join(tmpdir(), 'orgdeck-no-such-config.json') };

describe('npm run scan:secrets', () => {
  let hash: string;

  beforeAll(async () => {
    const config = JSON.parse(await readFile(E2E_CONFIG, 'utf8')) as {
      console: { users: { username: string; passwordHash: string }[] };
    };
    const ava = config.console.users.find((user) => user.username === 'ava');
    hash = ava?.passwordHash ?? '';
    expect(hash).toMatch(/^scrypt\$/);
  });

  const builtWith = async (content: string) => {
    const dir = await mkdtemp(join(tmpdir(), 'orgdeck-scan-'));
    await writeFile(join(dir, 'bundle.js'), content);
    return dir;
  };

  it('finds a password hash of the e2e config named with --config, naming it but not its value', async () => {
    const dir = await builtWith(`const leaked = ${JSON.stringify(hash)};`);
    const result = await runScript('scripts/scan-secrets.ts', ['--config', E2E_CONFIG, dir], {
      env,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`bundle.js contains ${E2E_CONFIG}: password hash of ava`);
    expect(result.stderr + result.stdout).not.toContain(hash);

    // Without the e2e config the scan knows no secret, which is why test:e2e names it.
    const blind = await runScript('scripts/scan-secrets.ts', [dir], { env });
    expect(blind.code).toBe(0);
    expect(blind.stdout).toContain('hold none of 0 secret value(s)');
  }, 60_000);

  it('passes a clean build, counting the e2e config’s three users', async () => {
    const dir = await builtWith('console.log("nothing to see");');
    const result = await runScript('scripts/scan-secrets.ts', ['--config', E2E_CONFIG, dir], {
      env,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('hold none of 3 secret value(s)');
  }, 60_000);

  it('fails when a config named with --config is missing', async () => {
    const dir = await builtWith('');
    const result = await runScript(
      'scripts/scan-secrets.ts',
      ['--config', 'e2e/config/nope.json', dir],
      {
        env,
      },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/nope\.json does not exist/);
  }, 60_000);

  it('is run by the test build (npm test and test:e2e) on the config the signed-in e2e server uses', async () => {
    const pkg = JSON.parse(await readFile('package.json', 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts['test:build']).toContain(`npm run scan:secrets -- --config ${E2E_CONFIG}`);
    expect(pkg.scripts['test']).toContain('npm run test:build');
    expect(pkg.scripts['test:e2e']).toContain('npm run test:build');
    const playwright = await readFile('playwright.config.ts', 'utf8');
    expect(playwright).toContain(`ORGDECK_CONFIG: '${E2E_CONFIG}'`);
  });
});
