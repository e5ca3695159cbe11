import { spawn, type ChildProcess } from 'node:child_process';
import { SCALE_ORGS } from './scale';

/**
 * The scale server of the e2e run: its Kinde sandbox holds `SCALE_ORGS` orgs and its index syncs
 * at start (as a deployment does), once; no scheduled refresh during the run.
 *
 * Not a Playwright `webServer`: those start one after another and every test waits for all of
 * them, and seeding thousands of orgs and opening PGlite on a loaded machine takes 30–40 s. The
 * global setup starts it without waiting, so it seeds while the other projects run, and the scale
 * journey waits until it answers (`waitForScaleServer`).
 */

/** The scale server's port: two above the main server's (`E2E_PORT`, see playwright.config.ts). */
export function scaleServerURL(env: NodeJS.ProcessEnv = process.env): string {
  return `http://127.0.0.1:${Number(env['E2E_PORT'] ?? 4319) + 2}`;
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/api/connections`, { signal: AbortSignal.timeout(5_000) });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Starts the server in the background and returns how to stop it. As with the other servers, one
 * already answering on the port is reused outside CI, and is an error in CI.
 */
export async function startScaleServer(): Promise<() => Promise<void>> {
  const url = scaleServerURL();
  if (await answers(url)) {
    if (process.env['CI']) throw new Error(`${url} is already used (the scale server's port)`);
    return () => Promise.resolve();
  }
  const server: ChildProcess = spawn('node', ['dist/server/start.js'], {
    env: {
      ...process.env,
      PORT: new URL(url).port,
      HOST: '127.0.0.1',
      ORGDECK_SANDBOX: 'memory',
      ORGDECK_SANDBOX_SCALE: String(SCALE_ORGS),
      ORGDECK_INDEX_SANDBOX_SCHEDULE: 'on',
      ORGDECK_INDEX_REFRESH_MINUTES: '0',
      ORGDECK_DATA_DIR: '.orgdeck-data/e2e-scale',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  const running = () => server.exitCode === null && server.signalCode === null;
  return async () => {
    if (!running()) return;
    server.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (running()) server.kill('SIGKILL');
  };
}

/** Waits until the scale server answers, at most `timeoutMs`. */
export async function waitForScaleServer(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await answers(url))) {
    if (Date.now() > deadline)
      throw new Error(`The scale server did not answer at ${url} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
