import { Hono } from 'hono';
import type { Connection } from './config';
import { CredentialProvider } from './gateway/credentials';
import { createGateway } from './gateway/gateway';
import { createUpstreamFetch } from './gateway/upstream';
import { createSandbox, type Sandbox } from './sandbox/sandbox';

export interface ServerAppOptions {
  readonly connections: readonly Connection[];
  /** Folder for sandbox state; `null` keeps it in memory. `false` disables the sandbox. */
  readonly sandboxDataDir: string | null | false;
  readonly log?: (line: string) => void;
}

export interface ServerApp {
  /** Serves `/api` (gateway) and `/sandbox` (emulated providers). */
  readonly app: Hono;
  readonly sandbox: Sandbox | null;
  close(): Promise<void>;
}

export async function createServerApp(options: ServerAppOptions): Promise<ServerApp> {
  const log = options.log ?? (() => undefined);
  const sandbox =
    options.sandboxDataDir === false
      ? null
      : await createSandbox({ dataDir: options.sandboxDataDir, log });
  const upstream = createUpstreamFetch({
    sandboxFetch: sandbox ? (request) => Promise.resolve(sandbox.app.fetch(request)) : null,
  });
  const gateway = createGateway({
    connections: options.connections,
    upstream,
    credentials: new CredentialProvider(upstream),
    log,
  });

  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    c.res.headers.set('x-content-type-options', 'nosniff');
    c.res.headers.set('referrer-policy', 'no-referrer');
  });
  if (sandbox) app.route('/', sandbox.app);
  app.route('/', gateway);
  return {
    app,
    sandbox,
    close: async () => {
      await sandbox?.flush();
    },
  };
}
