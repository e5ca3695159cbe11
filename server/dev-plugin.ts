import { getRequestListener } from '@hono/node-server';
import type { Plugin } from 'vite';
import type { HostPolicy } from './http/host-guard';

/** Mounts the gateway and sandbox into Vite's dev server: one command, hot reload, a back end. */
export function orgdeckServer(): Plugin {
  return {
    name: 'orgdeck-server',
    async configureServer(vite) {
      // Loaded here, not at the top: the Vite config stays small and the server code is only
      // read when a dev server actually starts.
      const { createServerApp } = await import('./app');
      const { indexSettings } = await import('./connection-index/settings');
      const { lineLogger } = await import('./logging');
      const { openRuntime, runtimeSettings } = await import('./runtime');
      const { loadConfig } = await import('./config');
      const { sandboxSetting } = await import('./sandbox-settings');
      const { securityHeaderValues } = await import('./security-headers');
      const { parsePublicOrigins, publicOriginsFor } = await import('./http/host-guard');
      const log = (line: string) => vite.config.logger.info(line, { timestamp: true });
      const config = loadConfig();
      const configured = parsePublicOrigins(process.env['ORGDECK_PUBLIC_ORIGIN']);
      // Vite may move to the next free port, so the allow-list follows the port it listens on.
      const policies = new Map<number, HostPolicy>();
      const currentPolicy = (): HostPolicy => {
        const address = vite.httpServer?.address();
        const port =
          typeof address === 'object' && address !== null ? address.port : vite.config.server.port;
        const host =
          typeof vite.config.server.host === 'string' ? vite.config.server.host : 'localhost';
        let policy = policies.get(port);
        if (!policy) {
          policy = {
            origins: publicOriginsFor(configured, host, port),
            trustForwarded: config.console.trustForwarded,
          };
          policies.set(port, policy);
        }
        return policy;
      };
      const runtime = await openRuntime(
        runtimeSettings(process.env, config.console.sessionTtlMinutes),
        lineLogger(log),
        config.connections,
      );
      const server = await createServerApp({
        connections: config.connections,
        console: config.console,
        sandboxDataDir: sandboxSetting(process.env, config.connections),
        sandboxDb: runtime.store.db,
        auditStore: runtime.auditStore,
        sessions: runtime.sessions,
        signInLimiter: runtime.signInLimiter,
        connectionIndex: indexSettings(process.env, runtime.store),
        headerMode: 'development',
        hostPolicy: currentPolicy,
        log,
      });
      // Vite serves the page and modules itself: give them the (development) headers too.
      const headers = securityHeaderValues({
        mode: 'development',
        imageOrigins: server.imageOrigins,
      });
      const listener = getRequestListener(server.app.fetch);
      vite.middlewares.use((req, res, next) => {
        const url = req.url ?? '';
        if (url.startsWith('/api/') || url === '/api' || url.startsWith('/sandbox')) {
          void listener(req, res);
          return;
        }
        for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
        next();
      });
      vite.httpServer?.once('close', () => {
        void server.close().then(() => runtime.close());
      });
    },
  };
}
