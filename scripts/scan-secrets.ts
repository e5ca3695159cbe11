/**
 * tsx scripts/scan-secrets.ts [dir …]   (default: dist/client dist/server)
 *
 * Fails when a built file holds a secret: the credentials of the configured real connections
 * (read from the environment variables the config names), the configured password hashes, and
 * every ORGDECK_CANARY_* / VITE_ORGDECK_CANARY_* value (`npm run test:e2e` builds with canaries
 * set, so a bundle that inlined the environment would carry them). Also fails when
 * dist/client/index.html has an inline script, which the production CSP would block.
 * Reports names and files, never values.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { connectionSecrets } from '../server/audit/auditor';
import { ConfigError, parseConfig, resolveConnections, type OrgdeckConfig } from '../server/config';
import { inlineScripts, scanDirectory, type NamedSecret } from '../server/secret-scan';

function configuredSecrets(env: NodeJS.ProcessEnv): NamedSecret[] {
  const path = resolve(env['ORGDECK_CONFIG'] ?? 'orgdeck.config.json');
  if (!existsSync(path)) return [];
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
        secrets.push({ name: `connection ${connection.id} credential`, value });
      }
    }
  } catch (error) {
    // Building without the secrets in the environment: nothing of theirs can be in the bundle.
    if (!(error instanceof ConfigError)) throw error;
  }
  for (const user of config.console?.users ?? []) {
    secrets.push({ name: `password hash of ${user.username}`, value: user.passwordHash });
  }
  return secrets;
}

function canaries(env: NodeJS.ProcessEnv): NamedSecret[] {
  return Object.entries(env)
    .filter(([name]) => /^(VITE_)?ORGDECK_CANARY_/.test(name))
    .flatMap(([name, value]) => (value ? [{ name, value }] : []));
}

async function main(): Promise<void> {
  const dirs = process.argv.slice(2);
  const targets = dirs.length > 0 ? dirs : ['dist/client', 'dist/server'];
  const secrets = [...configuredSecrets(process.env), ...canaries(process.env)];
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
