import { Hono, type Context } from 'hono';
import { AUDIT_ID_HEADER } from '../../src/api/http-client';
import { providerCatalog } from '../../src/api/providers/catalog';
import type { Auditor } from '../audit/auditor';
import type { AuditTarget } from '../audit/entry';
import { userTokenOf, type ConsoleEnv, type RequestAccess } from '../auth/access';
import type { Connection } from '../config';
import { CallAudit } from './audit-call';
import { authorize } from './authorize';
import type { CredentialProvider } from './credentials';
import { forward, upstreamUrl } from './forward';
import { checkHealth } from './health';
import { matchCall } from './match';
import { redactBody, redactBytes, redactedResponseHeaders } from './redact';
import { refuse, type Refusal } from './refusal';
import { declaredTooLarge, readUpstreamBody } from './request-body';
import { readAnswer, ResponseTooLargeError } from './response-body';
import type { UpstreamFetch } from './upstream';

export { UPSTREAM_BODY_LIMIT } from './request-body';

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
  readonly upstream: UpstreamFetch;
  readonly credentials: CredentialProvider;
  readonly log?: (line: string) => void;
  /** Records every state-changing call; without it nothing is audited. */
  readonly auditor?: Auditor;
  /** Who is calling. Defaults to what the console middleware put on the context. */
  readonly access?: (c: Context<ConsoleEnv>) => RequestAccess | undefined;
  /** How long a provider (the sandbox included) may take to answer; 30 s by default. */
  readonly upstreamTimeoutMs?: number;
  /**
   * After a state-changing call the provider answered 2xx (the connection index's write-through);
   * awaited, so the next read of the index sees the change.
   */
  readonly onWriteSucceeded?: (
    connectionId: string,
    operationId: string,
    target: AuditTarget,
  ) => Promise<void>;
}

const NO_ACCESS: Refusal = {
  status: 500,
  code: 'no_access',
  message: 'The request was not authenticated.',
};

/**
 * The gateway: `/api/connections/{id}/upstream/{vendor path}` forwards known operations to a
 * provider, in named steps, each its own module: match (`match.ts`, on the decoded path of
 * `path.ts`) → authorize (`authorize.ts`: CSRF, role) → body (`request-body.ts`: limits while
 * streaming) → forward (`forward.ts`: credentials, timeout, cancellation) → redact (`redact.ts`:
 * every byte and header the browser gets) → audit (`audit-call.ts`).
 */
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
    if (!connection) {
      return refuse(c, {
        status: 404,
        code: 'unknown_connection',
        message: 'There is no connection with that id.',
      });
    }
    if (!access) return refuse(c, NO_ACCESS);
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

  const upstreamCall = async (c: Context<ConsoleEnv>): Promise<Response> => {
    const started = Date.now();
    const access = accessOf(c);
    if (!access) return refuse(c, NO_ACCESS);
    const incoming = new URL(c.req.url);
    const method = c.req.method;

    // 1. match
    const matched = matchCall(byId, method, incoming.pathname);
    if (!matched.ok) {
      log(`gateway ${matched.connection?.id ?? '-'} ${method} refused (${matched.refusal.code})`);
      return refuse(c, matched.refusal);
    }
    const { connection, match, vendorPath } = matched.call;
    const audit = new CallAudit(options.auditor, access, connection, match);
    const refuseAndAudit = async (
      refusal: Refusal,
      outcome: 'refused' | 'failure' = 'refused',
      secrets: readonly string[] = [],
    ) => {
      log(
        `gateway ${connection.id} ${match.id} ${outcome} (${refusal.code}) ${Date.now() - started}ms`,
      );
      const id = await audit.record(outcome, refusal.status, refusal.message, secrets);
      // Lets the console (and support) point at the exact audit entry of this call.
      if (id !== null) c.header(AUDIT_ID_HEADER, id);
      return refuse(c, refusal);
    };

    // 2. authorize (a declared oversize body first: nothing is read either way)
    const refused = declaredTooLarge(c.req.raw) ?? authorize(access, method, match);
    if (refused) return refuseAndAudit(refused);

    // 3. body
    const read = await readUpstreamBody(c.req.raw);
    if (!read.ok) return refuseAndAudit(read.refusal);
    const contentType = c.req.header('content-type');
    audit.readBody(read.body, contentType);

    // 4. forward
    const forwarded = await forward(
      {
        connection,
        method,
        url: upstreamUrl(connection, vendorPath, incoming.search),
        incomingHeaders: c.req.raw.headers,
        body: read.body,
        userToken:
          connection.auth.type === 'user-token' ? userTokenOf(access, connection.id) : null,
        publicOrigin: incoming.origin,
        cancelled: c.req.raw.signal,
      },
      {
        upstream: options.upstream,
        credentials: options.credentials,
        ...(options.upstreamTimeoutMs === undefined
          ? {}
          : { timeoutMs: options.upstreamTimeoutMs }),
      },
    );
    if (!forwarded.ok)
      return refuseAndAudit(forwarded.refusal, forwarded.outcome, forwarded.secrets);
    const { response, secrets } = forwarded;

    // 5. redact: every byte and forwarded header, whatever the content type
    let answer: string | Uint8Array;
    try {
      answer = await readAnswer(response);
    } catch (error) {
      if (!(error instanceof ResponseTooLargeError)) throw error;
      return await refuseAndAudit(
        { status: 502, code: 'upstream_too_large', message: error.message },
        'failure',
        secrets,
      );
    } finally {
      forwarded.release();
    }
    const payload =
      typeof answer === 'string' ? redactBody(answer, secrets) : redactBytes(answer, secrets);
    const headers = redactedResponseHeaders(response.headers, secrets);
    // A read's outcome is in the request log line; refusals, failures and writes get their own.
    if (match.op.mutates) {
      log(`gateway ${connection.id} ${match.id} ${response.status} ${Date.now() - started}ms`);
    }

    // 6. audit
    if (match.op.mutates) {
      const bytes = typeof payload === 'string' ? new TextEncoder().encode(payload) : payload;
      const auditId = await audit.answered(response.status, bytes, secrets);
      if (auditId !== null) headers.set(AUDIT_ID_HEADER, auditId);
      if (response.ok)
        await options.onWriteSucceeded?.(connection.id, match.id, audit.currentTarget);
    }
    const empty = response.status === 204 || response.status === 304;
    return new Response(empty ? null : (payload as string | Uint8Array<ArrayBuffer>), {
      status: response.status,
      headers,
    });
  };
  app.all('/api/connections/:id/upstream', upstreamCall);
  app.all('/api/connections/:id/upstream/*', upstreamCall);

  app.all('/api/*', (c) =>
    refuse(c, { status: 404, code: 'not_found', message: 'No such API route.' }),
  );
  return app;
}
