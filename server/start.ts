import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createServerApp } from './app';
import { JsonlAuditStore } from './audit/file-store';
import { ConfigError, loadConfig, type LoadedConfig } from './config';
import { auditLogPath, sandboxSetting } from './sandbox-settings';
import { compressResponses } from './compression';
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

  const log = (line: string) => console.log(line);
  const auditPath = auditLogPath(process.env);
  let auditStore: JsonlAuditStore;
  try {
    auditStore = await JsonlAuditStore.open(auditPath, log);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    console.error(`Orgdeck cannot start: cannot open the audit log ${auditPath} (${code}).`);
    process.exit(1);
  }
  const server = await createServerApp({
    connections,
    console: config.console,
    sandboxDataDir: sandboxSetting(process.env, connections),
    auditStore,
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
  root.use('/api/*', compressResponses());
  root.route('/', server.app);
  root.use('*', builtFiles(clientDir));
  // Client-side routes: every other GET gets the page shell (with its boot data and preloads).
  root.get('*', pageShell({ indexHtml, clientDir, api: server.app }));

  const port = Number(process.env['PORT'] ?? 8080);
  const hostname = process.env['HOST'] ?? '127.0.0.1';
  const http = serve({ fetch: root.fetch, port, hostname }, (info) => {
    console.log(
      `Orgdeck is serving http://${hostname}:${info.port} (${connections.length} connections, sign-in ${config.console.signIn})`,
    );
  });

  const shutdown = () => {
    http.close();
    void server.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

void main();
