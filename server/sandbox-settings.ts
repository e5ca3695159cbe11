import { resolve } from 'node:path';

/**
 * Where the sandbox keeps its state: ORGDECK_SANDBOX_DIR, default `.sandbox-data` (gitignored).
 * ORGDECK_SANDBOX=off disables the sandbox; ORGDECK_SANDBOX=memory keeps it in memory only.
 */
export function sandboxDataDir(env: NodeJS.ProcessEnv): string | null | false {
  const mode = env['ORGDECK_SANDBOX'];
  if (mode === 'off') return false;
  if (mode === 'memory') return null;
  return resolve(env['ORGDECK_SANDBOX_DIR'] ?? '.sandbox-data');
}

/**
 * The sandbox runs unless ORGDECK_SANDBOX=off, or, when ORGDECK_SANDBOX is not set, when no
 * served connection is a sandbox one (a production setup then exposes no test controls).
 */
export function sandboxSetting(
  env: NodeJS.ProcessEnv,
  connections: readonly { readonly sandbox: boolean }[],
): string | null | false {
  if (env['ORGDECK_SANDBOX'] === undefined && !connections.some((c) => c.sandbox)) return false;
  return sandboxDataDir(env);
}
