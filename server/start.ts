import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { createServerApp } from './app';
import { indexSettings } from './connection-index/settings';
import { ConfigError, loadConfig, type LoadedConfig } from './config';
import { createLogger } from './logging';
import { openRuntime, runtimeSettings, type Runtime } from './runtime';
import { sandboxSetting } from './sandbox-settings';
import { securityHeaders } from './security-headers';

/** Production entry: the built SPA, the gateway and the sandbox from one Node process. */
async function main(): Promise<void> {
  let config: LoadedConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Orgdeck cannot start: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const { connections } = config;

  const logger = createLogger();
  const log = (line: string) => logger.info(line);
  let runtime: Runtime;
  try {
    runtime = await openRuntime(runtimeSettings(process.env), logger);
  } catch (error) {
    console.error(
      `Orgdeck cannot start: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  }
  const server = await createServerApp({
    connections,
    console: config.console,
    sandboxDataDir: sandboxSetting(process.env, connections),
    auditStore: runtime.auditStore,
    connectionIndex: indexSettings(process.env, runtime.store),
    headerMode: 'production',
    log,
  });

  const here = dirname(fileURLToPath(import.meta.url));
  const clientDir = join(here, '..', 'client');
  const indexPath = join(clientDir, 'index.html');
  if (!existsSync(indexPath)) {
    console.error(`Orgdeck cannot start: ${indexPath} is missing. Run "npm run build" first.`);
    process.exit(1);
  }
  const indexHtml = readFileSync(indexPath, 'utf8');

  const root = new Hono();
  // Also on the SPA shell and static files (server.app sets them on its own routes).
  root.use('*', securityHeaders({ mode: 'production', imageOrigins: server.imageOrigins }));
  root.route('/', server.app);
  root.use(
    '/assets/*',
    serveStatic({
      root: clientDir,
      onFound: (_path, c) => {
        c.header('cache-control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  root.use('*', serveStatic({ root: clientDir, index: 'index.html' }));
  // Client-side routes: every other GET gets the SPA shell.
  root.get('*', (c) => {
    c.header('cache-control', 'no-cache');
    return c.html(indexHtml);
  });

  const port = Number(process.env['PORT'] ?? 8080);
  const hostname = process.env['HOST'] ?? '127.0.0.1';
  const http = serve({ fetch: root.fetch, port, hostname }, (info) => {
    console.log(
      `Orgdeck is serving http://${hostname}:${info.port} (${connections.length} connections, sign-in ${config.console.signIn})`,
    );
  });

  const shutdown = () => {
    http.close();
    void server
      .close()
      .then(() => runtime.close())
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

void main();
