import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { providerCatalog } from '../src/api/providers/catalog';
import { Auditor } from './audit/auditor';
import { createAuditRoutes } from './audit/routes';
import { MemoryAuditStore, type AuditStore } from './audit/store';
import type { ConsoleEnv } from './auth/access';
import {
  ConsoleAuth,
  consoleError,
  SANDBOX_CONTROL_PATHS,
  UPSTREAM_PATH,
} from './auth/console-auth';
import { createSessionRoutes } from './auth/session-routes';
import type { SessionStore } from './auth/sessions';
import type { SignInLimiter } from './auth/sign-in-limits';
import type { Connection, ConsoleSettings } from './config';
import { CredentialProvider } from './gateway/credentials';
import { createGateway } from './gateway/gateway';
import { hostGuard, type HostPolicySource } from './http/host-guard';
import { limitBody } from './http/limit-body';
import { createUpstreamFetch, type Fetch } from './gateway/upstream';
import { createUserTokenRoutes } from './gateway/user-token-routes';
import { createIndexRoutes } from './connection-index/routes';
import { ConnectionIndex, type ConnectionIndexOptions } from './connection-index/service';
import { INDEX_ACCESS } from './connection-index/system-access';
import { createSandbox, sandboxNotFound, type Sandbox } from './sandbox/sandbox';
import { securityHeaders, type HeaderMode } from './security-headers';
import type { Database } from './store/database';

export interface ServerAppOptions {
  readonly connections: readonly Connection[];
  /** Sign-in, users, sessions and CSRF (see `resolveConsole`). */
  readonly console: ConsoleSettings;
  /** Folder for sandbox state; `null` keeps it in memory. `false` disables the sandbox. */
  readonly sandboxDataDir: string | null | false;
  /**
   * The store's database, where a persisted sandbox (a `sandboxDataDir` folder) keeps its state
   * so replicas share it; the folder then holds only uploaded images.
   */
  readonly sandboxDb?: Kysely<Database>;
  /** Where audit entries go (closed with the app); in memory when not given. */
  readonly auditStore?: AuditStore;
  /** Where sessions live (the store in production); in memory when not given. */
  readonly sessions?: SessionStore;
  /** Where sign-in attempts are counted (the store in production); in memory when not given. */
  readonly signInLimiter?: SignInLimiter;
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
  /** How long a provider (the sandbox included) may take to answer; 30 s by default. */
  readonly upstreamTimeoutMs?: number;
  /**
   * The connection index (`server/connection-index`), on the store's database (its migration
   * applied); without it the index routes are not served.
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

function imageOrigins(connections: readonly Connection[], settings: ConsoleSettings): string[] {
  const origins = new Set<string>();
  for (const connection of connections) {
    // Real providers serve logos from their own image hosts (Clerk's CDN); the sandbox from 'self'.
    const origin = connection.sandbox
      ? null
      : providerCatalog[connection.provider].vendor.imageOrigin;
    if (origin) origins.add(origin);
  }
  for (const origin of settings.imageOrigins) origins.add(new URL(origin).origin);
  return [...origins];
}

const CONSOLE_BODY_LIMIT = 16 * 1024;
/** Sign-in, user tokens and the like: flat objects of a few fields. */
const CONSOLE_JSON_LIMITS = { maxDepth: 8, maxKeys: 100 };

export async function createServerApp(options: ServerAppOptions): Promise<ServerApp> {
  const log = options.log ?? (() => undefined);
  const now = options.now ?? (() => Date.now());
  const sandbox =
    options.sandboxDataDir === false
      ? null
      : await createSandbox({
          dataDir: options.sandboxDataDir,
          log,
          ...(options.sandboxDb && options.sandboxDataDir !== null
            ? { db: options.sandboxDb }
            : {}),
        });
  const upstream = createUpstreamFetch({
    sandboxFetch: sandbox ? (mount, request) => sandbox.fetchVendor(mount, request) : null,
    ...(options.networkFetch ? { networkFetch: options.networkFetch } : {}),
  });
  const auditStore = options.auditStore ?? new MemoryAuditStore();
  const auth = new ConsoleAuth(options.console, now, options.sessions);
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
    ...(options.upstreamTimeoutMs === undefined
      ? {}
      : { upstreamTimeoutMs: options.upstreamTimeoutMs }),
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
    const vendorGuard = auth.sandboxVendorGuard();
    for (const vendor of sandbox.vendors) app.use(`/sandbox/${vendor.mount}/*`, vendorGuard);
    app.route('/', sandbox.app);
  } else {
    // Never the SPA's page: without a sandbox every `/sandbox` path is unknown.
    app.all('/sandbox', (c) => sandboxNotFound(c));
    app.all('/sandbox/*', (c) => sandboxNotFound(c));
  }

  app.use('/api/*', auth.middleware());
  // Console routes take small JSON bodies; the gateway reads its own (12 MB) after authorizing.
  const limitConsoleBody = limitBody<ConsoleEnv>({
    maxBytes: CONSOLE_BODY_LIMIT,
    json: CONSOLE_JSON_LIMITS,
    tooLarge: (c) => consoleError(c, 413, 'body_too_large', 'The request body is too large.'),
    skip: (path) => UPSTREAM_PATH.test(path),
    tooComplex: (c, error) =>
      consoleError(c, 400, 'json_too_complex', `The JSON body is refused: ${error.message}.`),
  });
  app.use('/api/*', limitConsoleBody);
  app.route(
    '/',
    createSessionRoutes(auth, {
      now,
      log,
      ...(options.signInLimiter ? { limiter: options.signInLimiter } : {}),
    }),
  );
  app.route(
    '/',
    createAuditRoutes(auditStore, index ? (refs) => index.repo.orgNames(refs) : undefined),
  );
  app.route('/', createUserTokenRoutes(options.connections, auth.sessions));
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
