import { defineConfig } from '@playwright/test';
import type { ConnectionOption } from './e2e/fixtures';
import { scaleServerURL } from './e2e/scale-server';

const PORT = Number(process.env['E2E_PORT'] ?? 4319);
const baseURL = `http://127.0.0.1:${PORT}`;
/** A second server, configured to require sign-in, for the console-security journeys. */
const SIGNED_IN_PORT = PORT + 1;
const signedInURL = `http://127.0.0.1:${SIGNED_IN_PORT}`;
/**
 * A third server (PORT + 2) whose Kinde sandbox holds more orgs than the browser loads, for the
 * scale journey: started in the background by the global setup (e2e/scale-server.ts).
 */
const scaleURL = scaleServerURL();

/** Debian's Chromium (never a downloaded browser); override with CHROMIUM_PATH. */
const chromium = {
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};

const providers = ['permit', 'kinde', 'clerk', 'clerk-frontend', 'numind'] as const;

export default defineConfig<ConnectionOption>({
  testDir: './e2e/specs',
  fullyParallel: true,
  forbidOnly: Boolean(process.env['CI']),
  retries: process.env['CI'] ? 1 : 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env['CI'] ? [['list'], ['html', { open: 'never' }]] : [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: chromium,
    viewport: { width: 1366, height: 900 },
  },
  projects: [
    ...providers.map((connectionId) => ({
      name: connectionId,
      testMatch: /organizations\/.*\.spec\.ts/,
      use: { connectionId },
    })),
    { name: 'shell', testMatch: /shell\/.*\.spec\.ts/, use: { connectionId: 'permit' } },
    {
      name: 'security',
      testMatch: /security\/.*\.spec\.ts/,
      use: { connectionId: 'permit', baseURL: signedInURL },
    },
    {
      name: 'scale',
      testMatch: /scale\/.*\.spec\.ts/,
      use: { connectionId: 'kinde', baseURL: scaleURL },
    },
  ],
  globalSetup: './e2e/global-setup.ts',
  webServer: [
    {
      // The production build: SPA, gateway and an in-memory sandbox from one Node process.
      command: 'node dist/server/start.js',
      url: `${baseURL}/api/connections`,
      env: {
        PORT: String(PORT),
        HOST: '127.0.0.1',
        ORGDECK_SANDBOX: 'memory',
        ORGDECK_DATA_DIR: '.orgdeck-data/e2e',
      },
      reuseExistingServer: !process.env['CI'],
      timeout: 60_000,
    },
    {
      command: 'node dist/server/start.js',
      url: `${signedInURL}/api/session`,
      env: {
        PORT: String(SIGNED_IN_PORT),
        HOST: '127.0.0.1',
        ORGDECK_SANDBOX: 'memory',
        ORGDECK_CONFIG: 'e2e/config/signed-in.orgdeck.json',
        // Seals the user token of the config's user-token connection: a fixed test key, no secret.
        ORGDECK_SECRET_KEY: 'e2e-test-key-not-a-secret-0123456789abcdef',
        ORGDECK_DATA_DIR: '.orgdeck-data/e2e-signed-in',
      },
      reuseExistingServer: !process.env['CI'],
      timeout: 60_000,
    },
  ],
});
