import type { MiddlewareHandler } from 'hono';

export type HeaderMode = 'production' | 'development';

export interface SecurityHeaderOptions {
  readonly mode: HeaderMode;
  /** Extra `img-src` origins (real providers' logo hosts). */
  readonly imageOrigins?: readonly string[];
}

/**
 * The Content-Security-Policy of every response. Production allows no inline script at all;
 * development adds what Vite's dev server needs (its inline React-refresh preamble, and the
 * websocket of hot reload).
 */
export function contentSecurityPolicy(options: SecurityHeaderOptions): string {
  const dev = options.mode === 'development';
  const images = ["'self'", 'data:', 'blob:', ...(options.imageOrigins ?? [])];
  return [
    "default-src 'self'",
    dev ? "script-src 'self' 'unsafe-inline'" : "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src ${images.join(' ')}`,
    dev ? "connect-src 'self' ws: wss:" : "connect-src 'self'",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function securityHeaderValues(options: SecurityHeaderOptions): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(options),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
  };
}

/**
 * Sets the security headers on every response, including errors and static files. A response
 * that brings its own, stricter policy (sandbox images) keeps it, with `frame-ancestors` added.
 */
export function securityHeaders(options: SecurityHeaderOptions): MiddlewareHandler {
  const { 'content-security-policy': policy = '', ...others } = securityHeaderValues(options);
  return async (c, next) => {
    await next();
    let headers = c.res.headers;
    try {
      headers.set('x-content-type-options', 'nosniff');
    } catch {
      // Headers of a fetched Response are immutable: answer with a copy.
      c.res = new Response(c.res.body, c.res);
      headers = c.res.headers;
    }
    for (const [name, value] of Object.entries(others)) headers.set(name, value);
    const own = headers.get('content-security-policy');
    if (own === null) headers.set('content-security-policy', policy);
    else if (!own.includes('frame-ancestors')) {
      headers.set('content-security-policy', `${own}; frame-ancestors 'none'`);
    }
  };
}
