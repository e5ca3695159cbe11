import * as z from 'zod/mini';
import type { Capabilities } from './capabilities';
import { ProviderKind } from './domain';
import { parseWire } from './parse';

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
  const list = parseWire(z.array(ConnectionSummaryWire), await response.json(), 'connection list');
  return list.filter((connection) => connection.capabilities.provider === connection.provider);
}

/** Where the browser reaches a connection's provider: the gateway, which adds the credentials. */
export function upstreamUrl(connectionId: string): string {
  return `/api/connections/${encodeURIComponent(connectionId)}/upstream`;
}
