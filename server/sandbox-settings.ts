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
