/**
 * tsx scripts/scan-secrets.ts [--config <file> …] [dir …]   (default: dist/client dist/server)
 *
 * Fails when a built file holds a secret: the credentials of the configured real connections
 * (read from the environment variables the config names), the configured password hashes, and
 * every ORGDECK_CANARY_* / VITE_ORGDECK_CANARY_* value (`npm run test:e2e` builds with canaries
 * set, so a bundle that inlined the environment would carry them). The configs read are
 * ORGDECK_CONFIG (default `orgdeck.config.json`, skipped when absent) and every `--config` file
 * (which must exist: `test:e2e` names the e2e server's config this way). Also fails when
 * dist/client/index.html has an inline script, which the production CSP would block.
 * Reports names and files, never values.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { connectionSecrets } from '../server/audit/auditor';
import { ConfigError, parseConfig, resolveConnections, type OrgdeckConfig } from '../server/config';
import { inlineScripts, scanDirectory, type NamedSecret } from '../server/secret-scan';

/** The secrets of one config file; a missing file has none unless it was asked for by name. */
function configuredSecrets(file: string, env: NodeJS.ProcessEnv, required: boolean): NamedSecret[] {
  const path = resolve(file);
  if (!existsSync(path)) {
    if (required) throw new ConfigError(`${path} does not exist`);
    return [];
  }
  let config: OrgdeckConfig;
  try {
    config = parseConfig(JSON.parse(readFileSync(path, 'utf8')), path);
  } catch (error) {
    throw new ConfigError(`${path}: ${(error as Error).message}`);
  }
  const secrets: NamedSecret[] = [];
  try {
    for (const connection of resolveConnections(config, env)) {
      if (connection.sandbox) continue;
      for (const value of connectionSecrets(connection)) {
        secrets.push({ name: `${file}: connection ${connection.id} credential`, value });
      }
    }
  } catch (error) {
    // Building without the secrets in the environment: nothing of theirs can be in the bundle.
    if (!(error instanceof ConfigError)) throw error;
  }
  for (const user of config.console?.users ?? []) {
    secrets.push({ name: `${file}: password hash of ${user.username}`, value: user.passwordHash });
  }
  return secrets;
}

function canaries(env: NodeJS.ProcessEnv): NamedSecret[] {
  return Object.entries(env)
    .filter(([name]) => /^(VITE_)?ORGDECK_CANARY_/.test(name))
    .flatMap(([name, value]) => (value ? [{ name, value }] : []));
}

function fail(message: string): never {
  console.error(`scan-secrets: ${message}`);
  process.exit(1);
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: { config: { type: 'string', multiple: true } },
      allowPositionals: true,
    });
  } catch (error) {
    fail((error as Error).message);
  }
  const dirs = args.positionals;
  const targets = dirs.length > 0 ? dirs : ['dist/client', 'dist/server'];
  const configs = new Map<string, boolean>([
    [process.env['ORGDECK_CONFIG'] ?? 'orgdeck.config.json', false],
  ]);
  for (const file of args.values.config ?? []) configs.set(file, true);
  let secrets: NamedSecret[];
  try {
    secrets = [
      ...[...configs].flatMap(([file, required]) => configuredSecrets(file, process.env, required)),
      ...canaries(process.env),
    ];
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  let failed = false;

  for (const dir of targets) {
    if (!existsSync(dir)) {
      console.error(`scan-secrets: ${dir} does not exist; build first.`);
      process.exit(1);
    }
    for (const finding of await scanDirectory(dir, secrets)) {
      console.error(`scan-secrets: ${join(dir, finding.where)} contains ${finding.secret}`);
      failed = true;
    }
  }
  const index = join('dist', 'client', 'index.html');
  if (targets.includes('dist/client') && existsSync(index)) {
    for (const script of inlineScripts(readFileSync(index, 'utf8'))) {
      console.error(`scan-secrets: ${index} has an inline script the CSP would block: ${script}`);
      failed = true;
    }
  }
  if (failed) process.exit(1);
  console.log(
    `scan-secrets: ${targets.join(', ')} hold none of ${secrets.length} secret value(s)${
      secrets.length === 0 ? ' (none configured, no canaries set)' : ''
    }.`,
  );
}

void main();
