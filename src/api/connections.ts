import * as z from 'zod/mini';
import type { Capabilities } from './capabilities';
import { ProviderKind } from './domain';
import { ApiError, defaultMessage, kindForStatus } from './errors';
import { parseWire } from './parse';
import { currentCsrfToken } from './session';

function looksLikeCapabilities(value: unknown): value is Capabilities {
  if (typeof value !== 'object' || value === null) return false;
  const caps = value as Partial<Record<keyof Capabilities, unknown>>;
  return (
    typeof caps.provider === 'string' &&
    typeof caps.displayName === 'string' &&
    typeof caps.list === 'object' &&
    typeof caps.people === 'object'
  );
}

/**
 * A connection as the gateway describes it to the browser: never a secret. The capabilities come
 * from the gateway (which reads the same provider catalogue), so the page shell does not carry
 * every provider's tables; each adapter brings its own when it loads.
 */
export const ConnectionSummaryWire = z.object({
  id: z.string().check(z.minLength(1)),
  label: z.string().check(z.minLength(1)),
  provider: ProviderKind,
  sandbox: z.boolean(),
  capabilities: z.custom<Capabilities>(looksLikeCapabilities, 'capabilities are missing'),
  /** `user-token`: each console user supplies their own provider token (kept in their server session). */
  auth: z._default(z.enum(['server', 'user-token']), 'server'),
  userTokenSet: z._default(z.boolean(), false),
});

export type Connection = z.infer<typeof ConnectionSummaryWire>;

export async function fetchConnections(signal?: AbortSignal): Promise<Connection[]> {
  let response: Response;
  try {
    response = await fetch('/api/connections', {
      headers: { accept: 'application/json' },
      ...(signal ? { signal } : {}),
    });
  } catch (cause) {
    throw new Error('The Orgdeck server could not be reached.', { cause });
  }
  if (!response.ok) {
    throw new Error(`The Orgdeck server answered ${response.status} for its connections.`);
  }
  return parseConnections(await response.json());
}

/** The gateway's connection list (an answer, or the copy embedded in the page). */
export function parseConnections(json: unknown): Connection[] {
  const list = parseWire(z.array(ConnectionSummaryWire), json, 'connection list');
  return list.filter((connection) => connection.capabilities.provider === connection.provider);
}

/** Where the browser reaches a connection's provider: the gateway, which adds the credentials. */
export function upstreamUrl(connectionId: string): string {
  return `/api/connections/${encodeURIComponent(connectionId)}/upstream`;
}

export const ConnectionHealth = z.object({
  reachable: z.boolean(),
  credentialAccepted: z.nullable(z.boolean()),
  status: z.nullable(z.number()),
  message: z.string(),
});
export type ConnectionHealth = z.infer<typeof ConnectionHealth>;

/** A JSON call to the Orgdeck server itself (not a provider): CSRF on writes, errors as ApiError. */
export async function gatewayCall(method: string, path: string, body?: unknown): Promise<unknown> {
  const headers = new Headers({ accept: 'application/json' });
  if (body !== undefined) headers.set('content-type', 'application/json');
  const csrf = currentCsrfToken();
  if (method !== 'GET' && csrf) headers.set('x-csrf-token', csrf);
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (cause) {
    throw new ApiError({
      kind: 'unavailable',
      message: 'The Orgdeck server could not be reached.',
      cause,
    });
  }
  const json = (await response.json().catch(() => undefined)) as
    { error?: { code?: unknown; message?: unknown } } | undefined;
  if (!response.ok) {
    const kind = kindForStatus(response.status);
    throw new ApiError({
      kind,
      status: response.status,
      code: typeof json?.error?.code === 'string' ? json.error.code : null,
      message: typeof json?.error?.message === 'string' ? json.error.message : defaultMessage(kind),
    });
  }
  return json;
}

/** Asks the gateway whether the provider answers and accepts the connection's credential. */
export async function checkConnectionHealth(connectionId: string): Promise<ConnectionHealth> {
  return parseWire(
    ConnectionHealth,
    await gatewayCall('GET', `/api/connections/${encodeURIComponent(connectionId)}/health`),
    'connection health',
  );
}

/** Hands the gateway this console user's own provider token (kept server-side in their session). */
export async function setUserToken(connectionId: string, token: string): Promise<void> {
  await gatewayCall('PUT', `/api/connections/${encodeURIComponent(connectionId)}/user-token`, {
    token,
  });
}

export async function clearUserToken(connectionId: string): Promise<void> {
  await gatewayCall('DELETE', `/api/connections/${encodeURIComponent(connectionId)}/user-token`);
}
