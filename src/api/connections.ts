import * as z from 'zod/mini';
import type { Capabilities } from './capabilities';
import { ProviderKind } from './domain';
import { parseWire } from './parse';
import { providerCatalog } from './providers/catalog';

/** A connection as the gateway describes it to the browser: never a secret. */
export const ConnectionSummaryWire = z.object({
  id: z.string().check(z.minLength(1)),
  label: z.string().check(z.minLength(1)),
  provider: ProviderKind,
  sandbox: z.boolean(),
});

export interface Connection {
  readonly id: string;
  readonly label: string;
  readonly provider: ProviderKind;
  readonly sandbox: boolean;
  /** The provider's declared capabilities (from the catalog shipped with this build). */
  readonly capabilities: Capabilities;
}

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
  if (!response.ok)
    throw new Error(`The Orgdeck server answered ${response.status} for its connections.`);
  const list = parseWire(z.array(ConnectionSummaryWire), await response.json(), 'connection list');
  return list.map((item) => ({
    ...item,
    capabilities: providerCatalog[item.provider].capabilities,
  }));
}

/** Where the browser reaches a connection's provider: the gateway, which adds the credentials. */
export function upstreamUrl(connectionId: string): string {
  return `/api/connections/${encodeURIComponent(connectionId)}/upstream`;
}
