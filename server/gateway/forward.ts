import { providerCatalog } from '../../src/api/providers/catalog';
import { connectionSecrets } from '../audit/auditor';
import type { Connection } from '../config';
import { CredentialError, type CredentialProvider } from './credentials';
import type { Refusal } from './refusal';
import type { UpstreamFetch } from './upstream';

export const UPSTREAM_TIMEOUT_MS = 30_000;

/** Request headers the browser may pass on to a provider. Everything else is dropped. */
const FORWARDED_REQUEST_HEADERS = ['accept', 'content-type', 'clerk-api-version'];

export interface ForwardRequest {
  readonly connection: Connection;
  readonly method: string;
  /** The provider URL: base URL, vendor path, the browser's query plus the connection's own. */
  readonly url: string;
  readonly incomingHeaders: Headers;
  readonly body: Uint8Array | undefined;
  readonly userToken: string | null;
  readonly publicOrigin: string;
  /** Aborted when the browser goes away: the provider call is cancelled with it. */
  readonly cancelled: AbortSignal;
}

export type Forwarded =
  | {
      readonly ok: true;
      readonly response: Response;
      /** Ends the call's timeout once its answer has been read (frees its timer and listener). */
      readonly release: () => void;
      /** Every credential this call used, for redaction and the audit log. */
      readonly secrets: readonly string[];
    }
  | {
      readonly ok: false;
      readonly refusal: Refusal;
      /** `refused`: the caller's fault (no token); `failure`: the provider or its token endpoint. */
      readonly outcome: 'refused' | 'failure';
      readonly secrets: readonly string[];
    };

export interface ForwardOptions {
  readonly upstream: UpstreamFetch;
  readonly credentials: CredentialProvider;
  readonly timeoutMs?: number;
}

/**
 * A signal that aborts when the browser goes away or after `timeoutMs` (a `TimeoutError`), and a
 * `release` that clears both once the answer is read. `AbortSignal.any` with
 * `AbortSignal.timeout` kept every call's timer and signals alive for the whole timeout (30 s of
 * calls under load: hundreds of MB of heap that stayed after the load).
 */
export function upstreamSignal(
  cancelled: AbortSignal,
  timeoutMs: number,
): { readonly signal: AbortSignal; readonly release: () => void } {
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort(new DOMException(`No answer within ${timeoutMs} ms`, 'TimeoutError'));
  }, timeoutMs);
  const onCancel = () => controller.abort(cancelled.reason);
  if (cancelled.aborted) onCancel();
  else cancelled.addEventListener('abort', onCancel, { once: true });
  return {
    signal: controller.signal,
    release: () => {
      clearTimeout(timer);
      cancelled.removeEventListener('abort', onCancel);
    },
  };
}

/** The provider URL of a call. */
export function upstreamUrl(connection: Connection, vendorPath: string, search: string): string {
  const query = new URLSearchParams(search);
  for (const [key, value] of Object.entries(connection.query)) query.set(key, value);
  const text = query.toString();
  return `${connection.baseUrl}${vendorPath}${text === '' ? '' : `?${text}`}`;
}

/**
 * Step 4, forward: the credential injected (an OAuth token fetched anew once when the provider
 * says it is no longer good), the call sent with a timeout that applies to every upstream, the
 * embedded sandbox included, and cancelled when the browser disconnects.
 */
export async function forward(
  request: ForwardRequest,
  options: ForwardOptions,
): Promise<Forwarded> {
  const { connection } = request;
  const { displayName } = providerCatalog[connection.provider].capabilities;
  const timeoutMs = options.timeoutMs ?? UPSTREAM_TIMEOUT_MS;
  let secrets: string[] = [...connectionSecrets(connection)];
  let release = () => {};

  const send = async (): Promise<Response> => {
    const headers = new Headers();
    for (const name of FORWARDED_REQUEST_HEADERS) {
      const value = request.incomingHeaders.get(name);
      if (value) headers.set(name, value);
    }
    const authorization = await options.credentials.authorization(
      connection,
      request.publicOrigin,
      request.userToken,
    );
    secrets = [...connectionSecrets(connection), authorization.replace(/^Bearer /, '')];
    headers.set('authorization', authorization);
    release();
    const timed = upstreamSignal(request.cancelled, timeoutMs);
    release = timed.release;
    return options.upstream(
      request.url,
      {
        method: request.method,
        headers,
        signal: timed.signal,
        ...(request.body === undefined ? {} : { body: request.body as Uint8Array<ArrayBuffer> }),
      },
      request.publicOrigin,
    );
  };

  try {
    let response = await send();
    const refusedToken = providerCatalog[connection.provider].vendor.tokenRefusedStatuses;
    if (
      connection.auth.type === 'oauth2-client-credentials' &&
      refusedToken.includes(response.status)
    ) {
      options.credentials.invalidate(connection.id);
      await response.body?.cancel().catch(() => undefined);
      response = await send();
    }
    return { ok: true, response, secrets, release };
  } catch (error) {
    release();
    if (error instanceof CredentialError) {
      return error.failure === 'user_token_missing'
        ? {
            ok: false,
            outcome: 'refused',
            secrets,
            refusal: { status: 401, code: 'user_token_required', message: error.message },
          }
        : {
            ok: false,
            outcome: 'failure',
            secrets,
            refusal: { status: 502, code: 'credentials_failed', message: error.message },
          };
    }
    const name = error instanceof Error ? error.name : '';
    if (name === 'TimeoutError') {
      const seconds = timeoutMs / 1000;
      return {
        ok: false,
        outcome: 'failure',
        secrets,
        refusal: {
          status: 504,
          code: 'upstream_timeout',
          message: `${displayName} did not answer within ${seconds} second${seconds === 1 ? '' : 's'}.`,
        },
      };
    }
    if (request.cancelled.aborted) {
      return {
        ok: false,
        outcome: 'failure',
        secrets,
        refusal: {
          status: 502,
          code: 'request_cancelled',
          message: `The browser went away before ${displayName} answered.`,
        },
      };
    }
    return {
      ok: false,
      outcome: 'failure',
      secrets,
      refusal: {
        status: 502,
        code: 'upstream_unreachable',
        message: `${displayName} could not be reached.`,
      },
    };
  }
}
