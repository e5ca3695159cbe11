import { Hono, type Context } from 'hono';
import { GATEWAY_HEADER } from '../../src/api/http-client';
import { matchOperation } from '../../src/api/operations';
import { providerCatalog } from '../../src/api/providers/catalog';
import type { Connection } from '../config';
import { CredentialError, type CredentialProvider } from './credentials';

export const UPSTREAM_BODY_LIMIT = 12 * 1024 * 1024;
const UPSTREAM_TIMEOUT_MS = 30_000;

/** Request headers the browser may pass on to a provider. Everything else is dropped. */
const FORWARDED_REQUEST_HEADERS = ['accept', 'content-type', 'clerk-api-version'];
/** Response headers passed back to the browser. Cookies and the rest stay behind. */
const FORWARDED_RESPONSE_HEADERS = [
  'content-type',
  'retry-after',
  'ratelimit-reset',
  'ratelimit-limit',
  'ratelimit-remaining',
];

export interface ConnectionSummary {
  readonly id: string;
  readonly label: string;
  readonly provider: Connection['provider'];
  readonly sandbox: boolean;
  readonly capabilities: (typeof providerCatalog)[Connection['provider']]['capabilities'];
}

export function summarize(connection: Connection): ConnectionSummary {
  return {
    id: connection.id,
    label: connection.label,
    provider: connection.provider,
    sandbox: connection.sandbox,
    capabilities: providerCatalog[connection.provider].capabilities,
  };
}

export interface GatewayOptions {
  readonly connections: readonly Connection[];
  readonly upstream: (url: string, init: RequestInit, publicOrigin: string) => Promise<Response>;
  readonly credentials: CredentialProvider;
  readonly log?: (line: string) => void;
}

function refuse(c: Context, status: 400 | 404 | 413 | 502 | 504, code: string, message: string) {
  c.header(GATEWAY_HEADER, 'refused');
  c.header('cache-control', 'no-store');
  return c.json({ error: { code, message } }, status);
}

export function createGateway(options: GatewayOptions): Hono {
  const app = new Hono();
  const byId = new Map(options.connections.map((connection) => [connection.id, connection]));
  const log = options.log ?? (() => undefined);

  app.get('/api/connections', (c) => {
    c.header('cache-control', 'no-store');
    return c.json(options.connections.map(summarize));
  });

  app.all('/api/connections/:id/upstream/*', async (c) => {
    const started = Date.now();
    const connection = byId.get(c.req.param('id'));
    if (!connection)
      return refuse(c, 404, 'unknown_connection', 'There is no connection with that id.');

    const incoming = new URL(c.req.url);
    const prefix = `/api/connections/${encodeURIComponent(connection.id)}/upstream`;
    const vendorPath = incoming.pathname.slice(prefix.length) || '/';
    const { displayName } = providerCatalog[connection.provider].capabilities;
    const match = matchOperation(
      providerCatalog[connection.provider].operations,
      c.req.method,
      vendorPath,
    );
    if (!match) {
      log(`gateway ${connection.id} ${c.req.method} refused (not a known operation)`);
      return refuse(
        c,
        404,
        'unknown_operation',
        `${c.req.method} ${vendorPath} is not a known ${displayName} operation; the gateway only forwards known calls.`,
      );
    }

    const declared = Number(c.req.header('content-length') ?? '0');
    if (declared > UPSTREAM_BODY_LIMIT) {
      return refuse(
        c,
        413,
        'body_too_large',
        'The request body is larger than the gateway accepts (12 MB).',
      );
    }
    let body: ArrayBuffer | undefined;
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      body = await c.req.arrayBuffer();
      if (body.byteLength > UPSTREAM_BODY_LIMIT) {
        return refuse(
          c,
          413,
          'body_too_large',
          'The request body is larger than the gateway accepts (12 MB).',
        );
      }
      if (body.byteLength === 0) body = undefined;
    }

    const search = new URLSearchParams(incoming.search);
    for (const [key, value] of Object.entries(connection.query)) search.set(key, value);
    const query = search.toString();
    const url = `${connection.baseUrl}${vendorPath}${query === '' ? '' : `?${query}`}`;

    const send = async (): Promise<Response> => {
      const headers = new Headers();
      for (const name of FORWARDED_REQUEST_HEADERS) {
        const value = c.req.header(name);
        if (value) headers.set(name, value);
      }
      headers.set(
        'authorization',
        await options.credentials.authorization(connection, incoming.origin),
      );
      return options.upstream(
        url,
        {
          method: c.req.method,
          headers,
          signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS),
          ...(body === undefined ? {} : { body }),
        },
        incoming.origin,
      );
    };

    let response: Response;
    try {
      response = await send();
      if (response.status === 401 && connection.auth.type === 'oauth2-client-credentials') {
        options.credentials.invalidate(connection.id);
        await response.body?.cancel();
        response = await send();
      }
    } catch (error) {
      const elapsed = Date.now() - started;
      if (error instanceof CredentialError) {
        log(`gateway ${connection.id} ${match.id} credential error ${elapsed}ms`);
        return refuse(c, 502, 'credentials_failed', error.message);
      }
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
      log(
        `gateway ${connection.id} ${match.id} upstream ${timedOut ? 'timeout' : 'unreachable'} ${elapsed}ms`,
      );
      return timedOut
        ? refuse(c, 504, 'upstream_timeout', `${displayName} did not answer within 30 seconds.`)
        : refuse(c, 502, 'upstream_unreachable', `${displayName} could not be reached.`);
    }

    const headers = new Headers({ 'cache-control': 'no-store' });
    for (const name of FORWARDED_RESPONSE_HEADERS) {
      const value = response.headers.get(name);
      if (value) headers.set(name, value);
    }
    const payload = await response.arrayBuffer();
    log(`gateway ${connection.id} ${match.id} ${response.status} ${Date.now() - started}ms`);
    const empty = response.status === 204 || response.status === 304;
    return new Response(empty ? null : payload, { status: response.status, headers });
  });

  app.all('/api/*', (c) => refuse(c, 404, 'not_found', 'No such API route.'));
  return app;
}
