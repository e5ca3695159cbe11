import type { Context, MiddlewareHandler } from 'hono';
import { GATEWAY_HEADER } from '../../src/api/http-client';

/**
 * The Host and Origin allow-list. A DNS-rebinding page reaches the server under the attacker's
 * own host name, so every request whose `Host` (or, behind a trusted proxy, `X-Forwarded-Host`)
 * is not one of ours is refused with 421 before any handler runs, and a request whose `Origin`
 * is another site's with 403. Loopback names with the server's port are always ours: a rebinding
 * page cannot send them.
 */

export interface HostPolicy {
  /** Origins (`https://orgdeck.example.com`) the console is served at. */
  readonly origins: readonly string[];
  /** Also check `X-Forwarded-Host` (its last entry, the one our proxy added). */
  readonly trustForwarded?: boolean;
}

/** A function, for servers that learn their port only once listening (tests, Vite). */
export type HostPolicySource = HostPolicy | (() => HostPolicy);

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];
const WILDCARD_ADDRESSES = new Set(['0.0.0.0', '::', '[::]', '']);
const DEFAULT_PORTS: Readonly<Record<string, string>> = { 'http:': '80', 'https:': '443' };

export class PublicOriginError extends Error {
  override name = 'PublicOriginError';
}

/** `ORGDECK_PUBLIC_ORIGIN`: comma-separated origins; throws naming the bad entry. */
export function parsePublicOrigins(value: string | undefined): string[] {
  if (value === undefined || value.trim() === '') return [];
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      let url: URL;
      try {
        url = new URL(part);
      } catch {
        throw new PublicOriginError(`ORGDECK_PUBLIC_ORIGIN: "${part}" is not an origin.`);
      }
      if (
        (url.protocol !== 'http:' && url.protocol !== 'https:') ||
        url.origin !== part.replace(/\/$/, '')
      ) {
        throw new PublicOriginError(
          `ORGDECK_PUBLIC_ORIGIN: "${part}" must be a bare origin such as https://orgdeck.example.com.`,
        );
      }
      return url.origin;
    });
}

/** The listen address (unless a wildcard) and the loopback names, each with the port. */
export function defaultPublicOrigins(hostname: string, port: number): string[] {
  const names = new Set(LOOPBACK_NAMES);
  if (!WILDCARD_ADDRESSES.has(hostname)) {
    names.add(hostname.includes(':') && !hostname.startsWith('[') ? `[${hostname}]` : hostname);
  }
  return [...names].map((name) => `http://${name}:${port}`);
}

/** What the server answers on: the configured origins, else the defaults; loopback always. */
export function publicOriginsFor(
  configured: readonly string[],
  hostname: string,
  port: number,
): string[] {
  const loopback = defaultPublicOrigins('localhost', port);
  if (configured.length === 0) return defaultPublicOrigins(hostname, port);
  return [...new Set([...configured, ...loopback])];
}

interface Allowed {
  readonly hosts: ReadonlySet<string>;
  readonly origins: ReadonlySet<string>;
}

function allowedOf(policy: HostPolicy): Allowed {
  const hosts = new Set<string>();
  const origins = new Set<string>();
  for (const origin of policy.origins) {
    const url = new URL(origin);
    origins.add(url.origin);
    hosts.add(url.host.toLowerCase());
    // `Host: example.com:443` names the same place as `https://example.com`.
    if (url.port === '') hosts.add(`${url.hostname.toLowerCase()}:${DEFAULT_PORTS[url.protocol]}`);
  }
  return { hosts, origins };
}

function refusal(c: Context, status: 400 | 403 | 421, code: string, message: string): Response {
  return c.json({ error: { code, message } }, status, {
    'cache-control': 'no-store',
    [GATEWAY_HEADER]: 'refused',
  });
}

/** How many `Host` lines the request carried, from the raw headers when the server kept them. */
function hostHeaderCount(c: Context): number {
  const env = c.env as { incoming?: { rawHeaders?: readonly string[] } } | undefined;
  const raw = env?.incoming?.rawHeaders;
  if (!raw) return c.req.header('host') === undefined ? 0 : 1;
  let count = 0;
  for (let index = 0; index < raw.length; index += 2) {
    if (raw[index]?.toLowerCase() === 'host') count += 1;
  }
  return count;
}

function lastEntry(value: string | undefined): string | undefined {
  const last = value?.split(',').pop()?.trim();
  return last === '' ? undefined : last;
}

/** The allow-list as a middleware; runs before every other handler of the app it guards. */
export function hostGuard(source: HostPolicySource): MiddlewareHandler {
  let cached: { policy: HostPolicy; allowed: Allowed } | null = null;
  const current = (): { policy: HostPolicy; allowed: Allowed } => {
    const policy = typeof source === 'function' ? source() : source;
    if (cached?.policy !== policy) cached = { policy, allowed: allowedOf(policy) };
    return cached;
  };
  return async (c, next) => {
    const {
      policy,
      allowed: { hosts, origins },
    } = current();
    if (hostHeaderCount(c) > 1) {
      return refusal(c, 400, 'duplicate_host', 'The request carried more than one Host header.');
    }
    const host = (c.req.header('host') ?? new URL(c.req.url).host).trim().toLowerCase();
    const forwarded = policy.trustForwarded
      ? lastEntry(c.req.header('x-forwarded-host'))
      : undefined;
    for (const name of forwarded === undefined ? [host] : [host, forwarded.toLowerCase()]) {
      if (!hosts.has(name)) {
        return refusal(
          c,
          421,
          'unknown_host',
          'This server does not answer for that host name. Set ORGDECK_PUBLIC_ORIGIN to the address the console is served at.',
        );
      }
    }
    const origin = c.req.header('origin');
    if (origin !== undefined && !origins.has(origin)) {
      return refusal(c, 403, 'foreign_origin', 'Requests from other sites are refused.');
    }
    await next();
    return;
  };
}
