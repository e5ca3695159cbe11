import { getRequestListener } from '@hono/node-server';
import type { Plugin } from 'vite';

/** Mounts the gateway and sandbox into Vite's dev server: one command, hot reload, a back end. */
export function orgdeckServer(): Plugin {
  return {
    name: 'orgdeck-server',
    async configureServer(vite) {
      // Loaded here, not at the top: the Vite config stays small and the server code is only
      // read when a dev server actually starts.
      const { createServerApp } = await import('./app');
      const { loadConnections } = await import('./config');
      const { sandboxDataDir } = await import('./sandbox-settings');
      const server = await createServerApp({
        connections: loadConnections(),
        sandboxDataDir: sandboxDataDir(process.env),
        log: (line) => vite.config.logger.info(line, { timestamp: true }),
      });
      const listener = getRequestListener(server.app.fetch);
      vite.middlewares.use((req, res, next) => {
        const url = req.url ?? '';
        if (url.startsWith('/api/') || url === '/api' || url.startsWith('/sandbox')) {
          void listener(req, res);
          return;
        }
        next();
      });
      vite.httpServer?.once('close', () => {
        void server.close();
      });
    },
  };
}
