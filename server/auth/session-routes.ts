import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { ConsoleRole } from '../../src/api/operations';
import type { ConsoleUser } from '../config';
import type { ConsoleEnv, RequestAccess } from './access';
import { consoleError, type ConsoleAuth } from './console-auth';
import { verifyPassword } from './password';
import { MemorySignInLimiter, type SignInLimiter } from './sign-in-limits';
import { clientAddress, isSameOrigin } from './request-info';
import type { Session, SessionUser } from './sessions';

export type SignInMethod = 'password' | 'demo' | 'proxy';

/** `GET /api/session` and every answer of the session routes. */
export interface SessionView {
  readonly required: boolean;
  readonly signedIn: boolean;
  readonly user: { id: string; name: string; role: ConsoleRole; demo: boolean } | null;
  readonly effectiveRole: ConsoleRole;
  readonly csrfToken: string;
  readonly demoUsers: { id: string; name: string; role: ConsoleRole }[];
  readonly methods: SignInMethod[];
}

const SignInBody = z.union([
  z.object({ username: z.string().min(1).max(200), password: z.string().min(1).max(1024) }),
  z.object({ demoUser: z.string().min(1).max(100) }),
]);

export const SIGN_IN_FAILURE_LIMIT = 5;
export const SIGN_IN_WINDOW_MS = 5 * 60_000;

function toSessionUser(user: ConsoleUser, method: SignInMethod): SessionUser {
  return { id: user.id, name: user.name, role: user.role, demo: user.demo, method };
}

/** Sign-in, sign-out (here or everywhere) and the session's description with its CSRF token. */
export function createSessionRoutes(
  auth: ConsoleAuth,
  options: {
    readonly now?: () => number;
    readonly log?: (line: string) => void;
    /** Where failed sign-ins are counted (the store in production); in memory when not given. */
    readonly limiter?: SignInLimiter;
  } = {},
): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  const log = options.log ?? (() => undefined);
  const { settings } = auth;
  const limiter =
    options.limiter ??
    new MemorySignInLimiter({
      limit: SIGN_IN_FAILURE_LIMIT,
      windowMs: SIGN_IN_WINDOW_MS,
      ...(options.now ? { now: options.now } : {}),
    });
  const usersByName = new Map(settings.users.map((user) => [user.id.toLowerCase(), user]));
  const demoById = new Map(settings.demoUsers.map((user) => [user.id, user]));
  const signInOff = settings.signIn === 'off';

  const methods: SignInMethod[] = [
    ...(!signInOff && settings.users.length > 0 ? (['password'] as const) : []),
    ...(!signInOff && settings.demoUsers.length > 0 ? (['demo'] as const) : []),
    ...(settings.proxyAuth ? (['proxy'] as const) : []),
  ];

  const view = (session: Session, user: SessionUser | null): SessionView => ({
    required: settings.signIn === 'required',
    signedIn: user !== null,
    user: user ? { id: user.id, name: user.name, role: user.role, demo: user.demo } : null,
    effectiveRole: user?.role ?? auth.anonymousRole,
    csrfToken: session.csrfToken,
    demoUsers: signInOff
      ? []
      : settings.demoUsers.map((demo) => ({ id: demo.id, name: demo.name, role: demo.role })),
    methods,
  });

  /** `user`: who this request acts as (for a proxy session, only while the proxy vouches). */
  const answer = (c: Context, session: Session, user: SessionUser | null = session.user) => {
    c.header('cache-control', 'no-store');
    return c.json(view(session, user));
  };

  /** Ends the current session and opens a fresh anonymous one (a new CSRF token with it). */
  const restart = async (c: Context, access: RequestAccess) => {
    await auth.endSession(access.session);
    return answer(c, await auth.startSession(c, null));
  };

  app.get('/api/session', async (c) => {
    const access = c.get('access');
    if (access.session) return answer(c, access.session, access.user);
    return answer(c, await auth.startSession(c, access.user));
  });

  app.post('/api/session', async (c) => {
    const access = c.get('access');
    if (!isSameOrigin(c, auth.trustProxy)) {
      return consoleError(c, 403, 'csrf_failed', 'Sign in from the Orgdeck page itself.');
    }
    if (signInOff) {
      return consoleError(c, 400, 'sign_in_off', 'Sign-in is turned off on this server.');
    }
    const parsed = SignInBody.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) {
      return consoleError(
        c,
        400,
        'invalid_request',
        'Send {"username", "password"} or {"demoUser"}.',
      );
    }
    let user: ConsoleUser | undefined;
    let method: SignInMethod;
    if ('demoUser' in parsed.data) {
      user = demoById.get(parsed.data.demoUser);
      method = 'demo';
      if (!user) return consoleError(c, 401, 'invalid_credentials', 'There is no such demo user.');
    } else {
      const nameKey = `user:${parsed.data.username.toLowerCase()}`;
      const keys = [nameKey, `ip:${clientAddress(c, auth.trustProxy)}`];
      // Counted before the (slow) password check: parallel guesses cannot pass the limit.
      const wait = await limiter.attempt(keys);
      if (wait > 0) {
        log('session sign-in refused (rate limited)');
        c.header('retry-after', String(Math.ceil(wait / 1000)));
        return consoleError(
          c,
          429,
          'too_many_attempts',
          'Too many failed sign-ins. Wait a few minutes and try again.',
        );
      }
      user = usersByName.get(parsed.data.username.toLowerCase());
      method = 'password';
      const ok = await verifyPassword(parsed.data.password, user?.passwordHash ?? null);
      if (!ok || !user) {
        // Not the username: people type their password into it by mistake.
        log('session sign-in refused (invalid credentials)');
        return consoleError(
          c,
          401,
          'invalid_credentials',
          'The username or password is not right.',
        );
      }
      await limiter.succeeded(keys);
    }
    // A fresh id on sign-in: a session id known before it is never signed in.
    await auth.endSession(access.session);
    log(`session sign-in ${method} ${user.id}`);
    return answer(c, await auth.startSession(c, toSessionUser(user, method)));
  });

  app.delete('/api/session', async (c) => {
    const access = c.get('access');
    if (access.user) log(`session sign-out ${access.user.id}`);
    return await restart(c, access);
  });

  // Like every state-changing console route, these two need the CSRF token (the middleware checks).
  app.post('/api/session/sign-out-everywhere', async (c) => {
    const access = c.get('access');
    if (access.user) {
      const ended = await auth.sessions.deleteAllOf(access.user.id);
      log(`session sign-out everywhere ${access.user.id} (${ended} sessions)`);
    }
    return await restart(c, access);
  });

  return app;
}
