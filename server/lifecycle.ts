import { randomUUID } from 'node:crypto';
import type { Server, ServerResponse } from 'node:http';
import { Hono, type MiddlewareHandler } from 'hono';
import { sql } from 'kysely';
import type pino from 'pino';
import { MIGRATIONS } from './store/migrations';
import type { Store } from './store/store';

/** Requests in flight, so SIGTERM can wait for them (and the audit entries they write). */
export class InFlight {
  private count = 0;
  private idle: (() => void)[] = [];

  get size(): number {
    return this.count;
  }

  /**
   * Counts each request and logs it as one JSON line with its request id (no query string). Under
   * Node's server a request counts until its answer has been written out, not only until its
   * handler returns: a streamed answer (the audit CSV) is still being sent after that.
   */
  middleware(log: pino.Logger): MiddlewareHandler {
    return async (c, next) => {
      const started = performance.now();
      const given = c.req.header('x-request-id');
      const reqId = given && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
      c.header('x-request-id', reqId);
      this.count += 1;
      const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
      const finish = () => {
        this.count -= 1;
        if (this.count === 0) for (const resolve of this.idle.splice(0)) resolve();
        log.info(
          {
            reqId,
            method: c.req.method,
            path: new URL(c.req.url).pathname,
            status: c.res.status,
            ms: Math.round(performance.now() - started),
          },
          'request',
        );
      };
      try {
        await next();
      } finally {
        if (outgoing && !outgoing.closed) outgoing.once('close', finish);
        else finish();
      }
    };
  }

  /** Resolves when no request is in flight, or after `timeoutMs` (false then). */
  drained(timeoutMs: number): Promise<boolean> {
    if (this.count === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.idle.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}

/** `GET /healthz`: the process is up. `GET /readyz`: the store answers and is fully migrated. */
export function healthRoutes(store: Store, isStopping: () => boolean): Hono {
  const app = new Hono();
  app.get('/healthz', (c) => {
    c.header('cache-control', 'no-store');
    return c.json({ status: 'ok' });
  });
  app.get('/readyz', async (c) => {
    c.header('cache-control', 'no-store');
    if (isStopping()) return c.json({ status: 'stopping' }, 503);
    try {
      const result = await sql<{
        n: number;
      }>`select count(*)::int as n from kysely_migration`.execute(store.db);
      const applied = result.rows[0]?.n ?? 0;
      const expected = Object.keys(MIGRATIONS).length;
      if (applied < expected) {
        return c.json({ status: 'migrating', engine: store.engine, applied, expected }, 503);
      }
      return c.json({ status: 'ready', engine: store.engine, migrations: applied });
    } catch {
      return c.json({ status: 'store_unreachable', engine: store.engine }, 503);
    }
  });
  return app;
}

export const DRAIN_TIMEOUT_MS = 10_000;

/**
 * SIGTERM/SIGINT: stop accepting connections, let in-flight requests finish (at most 10 s; their
 * audit entries are written before they answer), then close the app and the store, exit 0.
 */
export function handleShutdown(options: {
  readonly http: Server;
  readonly inFlight: InFlight;
  readonly log: pino.Logger;
  readonly close: () => Promise<void>;
  readonly onStopping: () => void;
}): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    options.onStopping();
    options.log.info(`${signal}: draining ${options.inFlight.size} requests`);
    options.http.close();
    // Idle keep-alive sockets would hold close() open; in-flight ones finish first.
    options.http.closeIdleConnections();
    void options.inFlight
      .drained(DRAIN_TIMEOUT_MS)
      .then((drained) => {
        if (!drained) {
          options.log.warn(`drain timed out with ${options.inFlight.size} requests in flight`);
        }
        return options.close();
      })
      .then(
        () => {
          options.log.info('stopped');
          options.log.flush(() => process.exit(0));
        },
        (error: unknown) => {
          options.log.error(`shutdown failed: ${String(error)}`);
          options.log.flush(() => process.exit(1));
        },
      );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
