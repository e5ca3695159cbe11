import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createServerApp } from './app';
import { indexSettings } from './connection-index/settings';
import { ConfigError, loadConfig, type LoadedConfig } from './config';
import { compressResponses } from './compression';
import { parsePublicOrigins, PublicOriginError, publicOriginsFor } from './http/host-guard';
import { handleShutdown, healthRoutes, InFlight } from './lifecycle';
import { createLogger } from './logging';
import { openRuntime, runtimeSettings, type Runtime } from './runtime';
import { sandboxSetting } from './sandbox-settings';
import { securityHeaders } from './security-headers';
import { builtFiles, pageShell } from './static-assets';

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
  const port = Number(process.env['PORT'] ?? 8080);
  const hostname = process.env['HOST'] ?? '127.0.0.1';
  let publicOrigins: string[];
  try {
    publicOrigins = publicOriginsFor(
      parsePublicOrigins(process.env['ORGDECK_PUBLIC_ORIGIN']),
      hostname,
      port,
    );
  } catch (error) {
    if (error instanceof PublicOriginError) {
      console.error(`Orgdeck cannot start: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }

  const logger = createLogger();
  const log = (line: string) => logger.info(line);
  let runtime: Runtime;
  try {
    runtime = await openRuntime(
      runtimeSettings(process.env, config.console.sessionTtlMinutes),
      logger,
      connections,
    );
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
    sandboxDb: runtime.store.db,
    auditStore: runtime.auditStore,
    sessions: runtime.sessions,
    signInLimiter: runtime.signInLimiter,
    connectionIndex: indexSettings(process.env, runtime.store),
    headerMode: 'production',
    hostPolicy: { origins: publicOrigins, trustForwarded: config.console.trustForwarded },
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
  const inFlight = new InFlight();
  let stopping = false;
  root.use('*', inFlight.middleware(logger));
  root.route(
    '/',
    healthRoutes(runtime.store, () => stopping),
  );
  // Also on the SPA shell and static files (server.app sets them on its own routes).
  root.use('*', securityHeaders({ mode: 'production', imageOrigins: server.imageOrigins }));
  root.use('/api/*', compressResponses());
  root.route('/', server.app);
  root.use('*', builtFiles(clientDir));
  // Client-side routes: every other GET gets the page shell (with its boot data and preloads).
  root.get('*', pageShell({ indexHtml, clientDir, api: server.app }));

  const http = serve({ fetch: root.fetch, port, hostname }, (info) => {
    logger.info(
      `Orgdeck is serving http://${hostname}:${info.port} (${connections.length} connections, sign-in ${config.console.signIn})`,
    );
  });

  handleShutdown({
    http: http as Server,
    inFlight,
    log: logger,
    onStopping: () => {
      stopping = true;
    },
    close: async () => {
      await server.close();
      await runtime.close();
    },
  });
}

void main();
