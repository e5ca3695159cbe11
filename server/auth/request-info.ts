import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * Facts about where a request came from. Forwarded headers are believed only when
 * `trustProxy` is set (ORGDECK_TRUST_FORWARDED, or ORGDECK_TRUST_PROXY_AUTH), since anyone can
 * send them otherwise. The last entry of a list is the one our own proxy added.
 */

function lastForwarded(value: string | undefined): string | null {
  const last = value?.split(',').pop()?.trim();
  return last === undefined || last === '' ? null : last;
}

export function isHttps(c: Context, trustProxy: boolean): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return trustProxy && lastForwarded(c.req.header('x-forwarded-proto'))?.toLowerCase() === 'https';
}

/** The origin the browser used to reach us. */
export function publicOrigin(c: Context, trustProxy: boolean): string {
  const url = new URL(c.req.url);
  if (!trustProxy) return url.origin;
  const host = lastForwarded(c.req.header('x-forwarded-host')) ?? url.host;
  return `${isHttps(c, true) ? 'https' : 'http'}://${host}`;
}

/** The client's address, for rate limits. */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = lastForwarded(c.req.header('x-forwarded-for'));
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // In-process requests (tests, app.fetch) have no socket.
    return 'unknown';
  }
}

/**
 * Whether a request was sent by a page of this origin: `Sec-Fetch-Site: same-origin` where the
 * browser sends it, else an `Origin` equal to ours. Used where no CSRF token exists yet (sign-in).
 */
export function isSameOrigin(c: Context, trustProxy: boolean): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined) return site === 'same-origin';
  const origin = c.req.header('origin');
  return origin !== undefined && origin === publicOrigin(c, trustProxy);
}
