import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { Auditor } from './audit/auditor';
import { createAuditRoutes } from './audit/routes';
import { MemoryAuditStore, type AuditStore } from './audit/store';
import type { ConsoleEnv } from './auth/access';
import { ConsoleAuth, consoleError, SANDBOX_CONTROL_PATHS } from './auth/console-auth';
import { createSessionRoutes } from './auth/session-routes';
import type { Connection, ConsoleSettings } from './config';
import { CredentialProvider } from './gateway/credentials';
import { createGateway } from './gateway/gateway';
import { hostGuard, type HostPolicySource } from './http/host-guard';
import { createUpstreamFetch, type Fetch } from './gateway/upstream';
import { createUserTokenRoutes } from './gateway/user-token-routes';
import { createIndexRoutes } from './connection-index/routes';
import { ConnectionIndex, type ConnectionIndexOptions } from './connection-index/service';
import { INDEX_ACCESS } from './connection-index/system-access';
import { up as migrateConnectionIndex } from './connection-index/schema';
import { createSandbox, sandboxNotFound, type Sandbox } from './sandbox/sandbox';
import { securityHeaders, type HeaderMode } from './security-headers';

export interface ServerAppOptions {
  readonly connections: readonly Connection[];
  /** Sign-in, users, sessions and CSRF (see `resolveConsole`). */
  readonly console: ConsoleSettings;
  /** Folder for sandbox state; `null` keeps it in memory. `false` disables the sandbox. */
  readonly sandboxDataDir: string | null | false;
  /** Where audit entries go (closed with the app); in memory when not given. */
  readonly auditStore?: AuditStore;
  /** Content-Security-Policy flavour: `development` allows what Vite's dev server needs. */
  readonly headerMode?: HeaderMode;
  /** How real providers are reached (tests substitute a fake network). */
  readonly networkFetch?: Fetch;
  readonly log?: (line: string) => void;
  readonly now?: () => number;
  /**
   * The Host and Origin allow-list, checked before any route. Servers listening on a socket
   * always pass it (`start.ts`, the Vite plugin, the test server); without it (an app called
   * in-process only) no host is refused.
   */
  readonly hostPolicy?: HostPolicySource;
  /**
   * The connection index (`server/connection-index`), on the given database; without it the
   * index routes are not served.
   */
  readonly connectionIndex?: Omit<ConnectionIndexOptions, 'connections' | 'gatewayFetch' | 'log'>;
}

export interface ServerApp {
  /** Serves `/api` (console routes and gateway) and `/sandbox` (emulated providers). */
  readonly app: Hono<ConsoleEnv>;
  readonly sandbox: Sandbox | null;
  readonly auth: ConsoleAuth;
  readonly auditStore: AuditStore;
  readonly connectionIndex: ConnectionIndex | null;
  /** `img-src` origins beyond 'self', for a parent app that serves more routes. */
  readonly imageOrigins: readonly string[];
  close(): Promise<void>;
}

/** Clerk serves organization logos from its image CDN. */
const PROVIDER_IMAGE_ORIGINS: Partial<Record<Connection['provider'], string>> = {
  clerk: 'https://img.clerk.com',
  'clerk-frontend': 'https://img.clerk.com',
};

function imageOrigins(connections: readonly Connection[], settings: ConsoleSettings): string[] {
  const origins = new Set<string>();
  for (const connection of connections) {
    const origin = connection.sandbox ? undefined : PROVIDER_IMAGE_ORIGINS[connection.provider];
    if (origin) origins.add(origin);
  }
  for (const origin of settings.imageOrigins) origins.add(new URL(origin).origin);
  return [...origins];
}

const CONSOLE_BODY_LIMIT = 16 * 1024;

export async function createServerApp(options: ServerAppOptions): Promise<ServerApp> {
  const log = options.log ?? (() => undefined);
  const now = options.now ?? (() => Date.now());
  const sandbox =
    options.sandboxDataDir === false
      ? null
      : await createSandbox({ dataDir: options.sandboxDataDir, log });
  const upstream = createUpstreamFetch({
    sandboxFetch: sandbox ? (request) => Promise.resolve(sandbox.app.fetch(request)) : null,
    ...(options.networkFetch ? { networkFetch: options.networkFetch } : {}),
  });
  const auditStore = options.auditStore ?? new MemoryAuditStore();
  const auth = new ConsoleAuth(options.console, now);
  const credentials = new CredentialProvider(upstream, now);
  let connectionIndex: ConnectionIndex | null = null;
  if (options.connectionIndex) {
    // The index reads through a gateway of its own that no HTTP route reaches, acting as a
    // read-only system identity: same allow-list and credentials, no way to forge it from outside.
    const internalGateway = createGateway({
      connections: options.connections,
      upstream,
      credentials,
      access: () => INDEX_ACCESS,
      log,
    });
    await migrateConnectionIndex(options.connectionIndex.db);
    connectionIndex = new ConnectionIndex({
      ...options.connectionIndex,
      connections: options.connections,
      gatewayFetch: (request) => Promise.resolve(internalGateway.fetch(request)),
      log,
    });
  }
  const index = connectionIndex;
  const gateway = createGateway({
    connections: options.connections,
    upstream,
    credentials,
    auditor: new Auditor(auditStore, log, now),
    log,
    ...(index
      ? {
          onWriteSucceeded: (id, operation, target) =>
            index.onWriteSucceeded(id, operation, target),
        }
      : {}),
  });

  const images = imageOrigins(options.connections, options.console);
  const app = new Hono<ConsoleEnv>();
  app.use('*', securityHeaders({ mode: options.headerMode ?? 'production', imageOrigins: images }));
  if (options.hostPolicy) app.use('*', hostGuard(options.hostPolicy));
  if (sandbox) {
    const guard = auth.sandboxControlGuard();
    for (const path of SANDBOX_CONTROL_PATHS) app.use(path, guard);
    app.route('/', sandbox.app);
  } else {
    // Never the SPA's page: without a sandbox every `/sandbox` path is unknown.
    app.all('/sandbox', (c) => sandboxNotFound(c));
    app.all('/sandbox/*', (c) => sandboxNotFound(c));
  }

  const limitBody = bodyLimit({
    maxSize: CONSOLE_BODY_LIMIT,
    onError: (c) => consoleError(c, 413, 'body_too_large', 'The request body is too large.'),
  });
  app.use('/api/session', limitBody);
  app.use('/api/session/*', limitBody);
  app.use('/api/connections/:id/user-token', limitBody);
  app.use('/api/*', auth.middleware());
  app.route('/', createSessionRoutes(auth, { now, log }));
  app.route('/', createAuditRoutes(auditStore));
  app.route('/', createUserTokenRoutes(options.connections));
  if (index) app.route('/', createIndexRoutes(index));
  app.route('/', gateway);
  return {
    app,
    sandbox,
    auth,
    auditStore,
    connectionIndex: index,
    imageOrigins: images,
    close: async () => {
      await index?.close();
      await sandbox?.flush();
      await auditStore.close();
    },
  };
}
