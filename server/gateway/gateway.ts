import { Hono, type Context } from 'hono';
import { AUDIT_ID_HEADER, GATEWAY_HEADER } from '../../src/api/http-client';
import { matchOperation, roleAllows, type OperationMatch } from '../../src/api/operations';
import { providerCatalog } from '../../src/api/providers/catalog';
import { bulkShortfall, type BulkShortfall } from '../audit/bulk';
import { auditTarget, bodyUserIds, createdOrgId } from '../audit/target';
import { connectionSecrets, type Auditor } from '../audit/auditor';
import type { AuditOutcome, AuditTarget } from '../audit/entry';
import { providerMessage } from '../audit/message';
import { auditActor, userTokenOf, type ConsoleEnv, type RequestAccess } from '../auth/access';
import { CSRF_MESSAGE, isStateChanging } from '../auth/console-auth';
import type { Connection } from '../config';
import { CredentialError, tokenRefused, type CredentialProvider } from './credentials';
import { checkHealth } from './health';
import { redactPayload } from './redact';

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
  /** `server`: the gateway holds the credential. `user-token`: each console user supplies theirs. */
  readonly auth: 'server' | 'user-token';
  /** Whether this session has set its own token (always false for `server`). */
  readonly userTokenSet: boolean;
}

export function summarize(
  connection: Connection,
  userToken: string | null = null,
): ConnectionSummary {
  return {
    id: connection.id,
    label: connection.label,
    provider: connection.provider,
    sandbox: connection.sandbox,
    capabilities: providerCatalog[connection.provider].capabilities,
    auth: connection.auth.type === 'user-token' ? 'user-token' : 'server',
    userTokenSet: connection.auth.type === 'user-token' && userToken !== null,
  };
}

export interface GatewayOptions {
  readonly connections: readonly Connection[];
  readonly upstream: (url: string, init: RequestInit, publicOrigin: string) => Promise<Response>;
  readonly credentials: CredentialProvider;
  readonly log?: (line: string) => void;
  /** Records every state-changing call; without it nothing is audited. */
  readonly auditor?: Auditor;
  /**
   * After a state-changing call the provider answered 2xx (the connection index's write-through);
   * awaited, so the next read of the index sees the change.
   */
  readonly onWriteSucceeded?: (
    connectionId: string,
    operationId: string,
    target: AuditTarget,
  ) => Promise<void>;
  /** Who is calling. Defaults to what the console middleware put on the context. */
  readonly access?: (c: Context<ConsoleEnv>) => RequestAccess | undefined;
}

type RefusalStatus = 400 | 401 | 403 | 404 | 413 | 500 | 502 | 504;

function refuse(c: Context, status: RefusalStatus, code: string, message: string) {
  c.header(GATEWAY_HEADER, 'refused');
  c.header('cache-control', 'no-store');
  return c.json({ error: { code, message } }, status);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

export function createGateway(options: GatewayOptions): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  const byId = new Map(options.connections.map((connection) => [connection.id, connection]));
  const log = options.log ?? (() => undefined);
  const accessOf = options.access ?? ((c: Context<ConsoleEnv>) => c.get('access'));

  app.get('/api/connections', (c) => {
    const access = accessOf(c);
    c.header('cache-control', 'no-store');
    return c.json(
      options.connections.map((connection) =>
        summarize(connection, access ? userTokenOf(access, connection.id) : null),
      ),
    );
  });

  app.get('/api/connections/:id/health', async (c) => {
    const access = accessOf(c);
    const connection = byId.get(c.req.param('id'));
    if (!connection)
      return refuse(c, 404, 'unknown_connection', 'There is no connection with that id.');
    if (!access) return refuse(c, 500, 'no_access', 'The request was not authenticated.');
    const report = await checkHealth({
      connection,
      upstream: options.upstream,
      credentials: options.credentials,
      userToken: userTokenOf(access, connection.id),
      publicOrigin: new URL(c.req.url).origin,
    });
    log(`health ${connection.id} ${report.status ?? 'unreachable'}`);
    c.header('cache-control', 'no-store');
    return c.json(report);
  });

  app.all('/api/connections/:id/upstream/*', async (c) => {
    const started = Date.now();
    const access = accessOf(c);
    if (!access) return refuse(c, 500, 'no_access', 'The request was not authenticated.');
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

    let target: AuditTarget = auditTarget(match, undefined, undefined);
    let usedSecrets: string[] = [];
    // Set by `audit` (a closure, hence an object): the entry this call wrote.
    const audited: { id: string | null } = { id: null };
    const audit = async (outcome: AuditOutcome, status: number, error: string | null) => {
      if (!match.op.mutates || !options.auditor) return;
      audited.id = await options.auditor.record({
        actor: auditActor(access),
        connection,
        match,
        target,
        outcome,
        status,
        error,
        secrets: usedSecrets,
      });
      // Lets the console (and support) point at the exact audit entry of this call.
      if (audited.id !== null) c.header(AUDIT_ID_HEADER, audited.id);
    };
    const refuseAndAudit = async (
      status: RefusalStatus,
      code: string,
      message: string,
      outcome: AuditOutcome = 'refused',
    ) => {
      log(`gateway ${connection.id} ${match.id} ${outcome} (${code})`);
      await audit(outcome, status, message);
      return refuse(c, status, code, message);
    };

    const declared = Number(c.req.header('content-length') ?? '0');
    if (declared > UPSTREAM_BODY_LIMIT) {
      return refuseAndAudit(
        413,
        'body_too_large',
        'The request body is larger than the gateway accepts (12 MB).',
      );
    }
    let body: ArrayBuffer | undefined;
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      body = await c.req.arrayBuffer();
      if (body.byteLength > UPSTREAM_BODY_LIMIT) {
        return refuseAndAudit(
          413,
          'body_too_large',
          'The request body is larger than the gateway accepts (12 MB).',
        );
      }
      if (body.byteLength === 0) body = undefined;
    }
    target = auditTarget(match, body, c.req.header('content-type'));

    if (isStateChanging(c.req.method) && !access.csrfOk) {
      return refuseAndAudit(403, 'csrf_failed', CSRF_MESSAGE);
    }
    if (!roleAllows(access.role, match.op.role)) {
      return refuseAndAudit(
        403,
        'forbidden_role',
        `Your role (${access.role}) cannot ${lowerFirst(match.op.summary)}: it needs the ${match.op.role} role.`,
      );
    }

    const search = new URLSearchParams(incoming.search);
    for (const [key, value] of Object.entries(connection.query)) search.set(key, value);
    const query = search.toString();
    const url = `${connection.baseUrl}${vendorPath}${query === '' ? '' : `?${query}`}`;
    const userToken =
      connection.auth.type === 'user-token' ? userTokenOf(access, connection.id) : null;

    const send = async (): Promise<Response> => {
      const headers = new Headers();
      for (const name of FORWARDED_REQUEST_HEADERS) {
        const value = c.req.header(name);
        if (value) headers.set(name, value);
      }
      const authorization = await options.credentials.authorization(
        connection,
        incoming.origin,
        userToken,
      );
      usedSecrets = [...connectionSecrets(connection), authorization.replace(/^Bearer /, '')];
      headers.set('authorization', authorization);
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
      if (tokenRefused(response.status) && connection.auth.type === 'oauth2-client-credentials') {
        options.credentials.invalidate(connection.id);
        await response.body?.cancel();
        response = await send();
      }
    } catch (error) {
      const elapsed = Date.now() - started;
      if (error instanceof CredentialError) {
        if (error.failure === 'user_token_missing') {
          return refuseAndAudit(401, 'user_token_required', error.message);
        }
        log(`gateway ${connection.id} ${match.id} credential error ${elapsed}ms`);
        await audit('failure', 502, error.message);
        return refuse(c, 502, 'credentials_failed', error.message);
      }
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
      log(
        `gateway ${connection.id} ${match.id} upstream ${timedOut ? 'timeout' : 'unreachable'} ${elapsed}ms`,
      );
      const message = timedOut
        ? `${displayName} did not answer within 30 seconds.`
        : `${displayName} could not be reached.`;
      await audit('failure', timedOut ? 504 : 502, message);
      return timedOut
        ? refuse(c, 504, 'upstream_timeout', message)
        : refuse(c, 502, 'upstream_unreachable', message);
    }

    const headers = new Headers({ 'cache-control': 'no-store' });
    for (const name of FORWARDED_RESPONSE_HEADERS) {
      const value = response.headers.get(name);
      if (value) headers.set(name, value);
    }
    const payload = redactPayload(
      await response.arrayBuffer(),
      response.headers.get('content-type'),
      usedSecrets,
    );
    log(`gateway ${connection.id} ${match.id} ${response.status} ${Date.now() - started}ms`);
    const created = createdOrgId(connection.provider, match, response.status, payload);
    if (created !== undefined) target = { ...target, orgId: created };
    // The payload is already buffered (and redacted) above, so reading it again costs no stream.
    const shortfall = bulkShortfall(
      connection.provider,
      match,
      response.status,
      payload,
      bodyUserIds(match, body, c.req.header('content-type')),
    );
    await recordOutcome(audit, match, response.status, payload, shortfall);
    if (match.op.mutates && response.ok) {
      await options.onWriteSucceeded?.(connection.id, match.id, target);
    }
    if (audited.id !== null) headers.set(AUDIT_ID_HEADER, audited.id);
    const empty = response.status === 204 || response.status === 304;
    return new Response(empty ? null : payload, { status: response.status, headers });
  });

  app.all('/api/*', (c) => refuse(c, 404, 'not_found', 'No such API route.'));
  return app;
}

async function recordOutcome(
  audit: (outcome: AuditOutcome, status: number, error: string | null) => Promise<void>,
  match: OperationMatch,
  status: number,
  payload: ArrayBuffer,
  shortfall: BulkShortfall | undefined,
): Promise<void> {
  if (!match.op.mutates) return;
  if (shortfall !== undefined) {
    await audit(shortfall.outcome, status, shortfall.error);
    return;
  }
  if (status >= 200 && status < 300) {
    await audit('success', status, null);
    return;
  }
  const message = providerMessage(new TextDecoder().decode(payload));
  await audit('failure', status, message ?? `HTTP ${status}`);
}
