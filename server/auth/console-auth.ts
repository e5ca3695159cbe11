import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { GATEWAY_HEADER } from '../../src/api/http-client';
import { CONSOLE_ROLES, type ConsoleRole } from '../../src/api/operations';
import type { ConsoleSettings } from '../config';
import type { ConsoleEnv, RequestAccess } from './access';
import { isHttps } from './request-info';
import { MemorySessionStore, type Session, type SessionStore, type SessionUser } from './sessions';

export const SESSION_COOKIE = 'orgdeck_session';
export const CSRF_HEADER = 'x-csrf-token';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Gateway calls, which the gateway itself authorizes (and audits). */
export const UPSTREAM_PATH = /^\/api\/connections\/[^/]+\/upstream(\/|$)/;

export function isStateChanging(method: string): boolean {
  return STATE_CHANGING.has(method.toUpperCase());
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** `viewer`, `orgdeck-admin`, or a comma-separated list of groups: the highest role named wins. */
export function roleFromHeader(value: string | undefined): ConsoleRole {
  const named = (value ?? '')
    .split(',')
    .map((part) =>
      part
        .trim()
        .toLowerCase()
        .replace(/^orgdeck[-:]/, ''),
    )
    .filter((part): part is ConsoleRole => (CONSOLE_ROLES as readonly string[]).includes(part));
  return named.reduce<ConsoleRole>(
    (best, role) => (CONSOLE_ROLES.indexOf(role) > CONSOLE_ROLES.indexOf(best) ? role : best),
    'viewer',
  );
}

export function consoleError(
  c: Context,
  status: 400 | 401 | 403 | 404 | 413 | 429,
  code: string,
  message: string,
): Response {
  c.header('cache-control', 'no-store');
  // The adapters read answers carrying this header as the gateway's own, not the provider's.
  c.header(GATEWAY_HEADER, 'refused');
  return c.json({ error: { code, message } }, status);
}

/**
 * Who is calling, from the session cookie or (when trusted) the reverse proxy's headers; whether
 * a state-changing request carries the session's CSRF token; and the session cookie itself.
 */
export class ConsoleAuth {
  readonly sessions: SessionStore;

  constructor(
    readonly settings: ConsoleSettings,
    now: () => number = () => Date.now(),
    /** Where sessions live (the store in production); in memory when not given. */
    sessions?: SessionStore,
  ) {
    this.sessions =
      sessions ?? new MemorySessionStore({ idleTtlMs: settings.sessionTtlMinutes * 60_000, now });
  }

  /** Whether forwarded headers (proto, host, client address) are believed. */
  get trustProxy(): boolean {
    return this.settings.trustForwarded || this.settings.proxyAuth !== null;
  }

  private proxyUser(c: Context): SessionUser | null {
    const proxy = this.settings.proxyAuth;
    if (!proxy) return null;
    const id = c.req.header(proxy.userHeader)?.trim();
    if (id === undefined || id === '' || id.length > 200) return null;
    return {
      id,
      name: id,
      role: roleFromHeader(c.req.header(proxy.roleHeader)),
      demo: false,
      method: 'proxy',
    };
  }

  /** The role of someone not signed in: admin when sign-in is optional or off, else none to speak of. */
  get anonymousRole(): ConsoleRole {
    return this.settings.signIn === 'required' ? 'viewer' : 'admin';
  }

  async resolve(c: Context): Promise<RequestAccess> {
    const session = await this.sessions.get(getCookie(c, SESSION_COOKIE));
    let user = session?.user ?? null;
    const fromProxy = this.proxyUser(c);
    // A proxy session lasts only as long as the proxy keeps vouching for it.
    if (!fromProxy && user?.method === 'proxy') user = null;
    if (fromProxy) {
      if (session && (session.user?.id !== fromProxy.id || session.user.role !== fromProxy.role)) {
        // The proxy's headers are the session: another person's tokens must not carry over.
        await this.sessions.setUser(session, fromProxy);
      }
      user = fromProxy;
    }
    const role = user?.role ?? this.anonymousRole;
    let csrfOk = true;
    if (isStateChanging(c.req.method) && (user !== null || this.settings.anonymousCsrf)) {
      const sent = c.req.header(CSRF_HEADER);
      csrfOk = session !== null && sent !== undefined && sameToken(sent, session.csrfToken);
    }
    return { session, user, role, csrfOk };
  }

  /** A new session (a fresh id, so a pre-sign-in id is never reused) with its cookie set. */
  async startSession(c: Context, user: SessionUser | null): Promise<Session> {
    const session = await this.sessions.create(user ?? this.proxyUser(c));
    setCookie(c, SESSION_COOKIE, session.id, {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      secure: isHttps(c, this.trustProxy),
    });
    return session;
  }

  /** Forgets a session; its cookie is replaced by the next `startSession`. */
  async endSession(session: Session | null): Promise<void> {
    if (session) await this.sessions.delete(session.id);
  }

  /**
   * For the sandbox's control routes: when sign-in is required, only a signed-in admin (with the
   * CSRF token on a state-changing call) may reset the sandbox or inject faults. Otherwise
   * anyone not signed in acts as admin anyway, and the routes stay open to scripts and tests.
   */
  sandboxControlGuard(): MiddlewareHandler<ConsoleEnv> {
    return async (c, next) => {
      if (this.settings.signIn === 'required') {
        const access = await this.resolve(c);
        if (access.user === null) {
          return consoleError(c, 401, 'sign_in_required', 'Sign in to Orgdeck to continue.');
        }
        if (access.role !== 'admin') {
          return consoleError(
            c,
            403,
            'forbidden_role',
            `Your role (${access.role}) cannot control the sandbox: it needs the admin role.`,
          );
        }
        if (!access.csrfOk) return consoleError(c, 403, 'csrf_failed', CSRF_MESSAGE);
      }
      await next();
      return;
    };
  }

  /**
   * For the sandbox's vendor routes (`/sandbox/<mount>/…`) reached over HTTP: when sign-in is
   * required, a signed-in console user (any role) besides the vendor's own token, so the public
   * sandbox token alone writes nothing. The gateway calls the sandbox in-process, not through
   * this guard, and authorizes and audits those calls itself. With optional sign-in (or off) the
   * routes stay open to the vendors' SDKs and scripts.
   */
  sandboxVendorGuard(): MiddlewareHandler<ConsoleEnv> {
    return async (c, next) => {
      if (this.settings.signIn === 'required' && (await this.resolve(c)).user === null) {
        return consoleError(c, 401, 'sign_in_required', 'Sign in to Orgdeck to continue.');
      }
      await next();
      return;
    };
  }

  /**
   * For every `/api` request: resolves access, answers 401 until signed in when sign-in is
   * required, and refuses state-changing console routes without the CSRF token. Gateway
   * (upstream) calls are checked by the gateway itself, which also records them in the audit log.
   */
  middleware(): MiddlewareHandler<ConsoleEnv> {
    return async (c, next) => {
      const access = await this.resolve(c);
      c.set('access', access);
      const path = new URL(c.req.url).pathname;
      const sessionRoute = path === '/api/session';
      const signInRoute = sessionRoute && (c.req.method === 'GET' || c.req.method === 'POST');
      if (this.settings.signIn === 'required' && access.user === null && !signInRoute) {
        return consoleError(c, 401, 'sign_in_required', 'Sign in to Orgdeck to continue.');
      }
      const signInPost = sessionRoute && c.req.method === 'POST';
      if (!access.csrfOk && !signInPost && !UPSTREAM_PATH.test(path)) {
        return consoleError(c, 403, 'csrf_failed', CSRF_MESSAGE);
      }
      await next();
      return;
    };
  }
}

/** The sandbox's control routes: reset and fault injection (vendor routes keep vendor auth). */
export const SANDBOX_CONTROL_PATHS = [
  '/sandbox',
  '/sandbox/reset',
  '/sandbox/faults',
  '/sandbox/faults/*',
] as const;

export const CSRF_MESSAGE =
  'The request did not carry this session’s CSRF token (x-csrf-token); reload the page and try again.';
