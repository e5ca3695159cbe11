import * as z from 'zod/mini';
import { ApiError, defaultMessage, kindForStatus, parseRetryAfter } from './errors';
import { CONSOLE_ROLES, roleAllows, type ConsoleRole } from './operations';
import { parseWire } from './parse';

/** The console's own sign-in (not a provider's): who is using Orgdeck and with which role. */

const ConsoleRoleWire = z.enum(CONSOLE_ROLES);
export type { ConsoleRole };
export { roleAllows };

export const SessionUser = z.object({
  id: z.string(),
  name: z.string(),
  role: ConsoleRoleWire,
  demo: z.optional(z.boolean()),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const Session = z.object({
  required: z.boolean(),
  signedIn: z.boolean(),
  user: z.nullable(SessionUser),
  effectiveRole: ConsoleRoleWire,
  csrfToken: z.string(),
  demoUsers: z.array(z.object({ id: z.string(), name: z.string(), role: ConsoleRoleWire })),
  methods: z.array(z.string()),
});
export type Session = z.infer<typeof Session>;

let csrfToken: string | null = null;

/** The token every state-changing request to `/api` carries (the gateway refuses them without it). */
export function currentCsrfToken(): string | null {
  return csrfToken;
}

async function call(method: string, path: string, body?: unknown): Promise<Response> {
  const headers = new Headers({ accept: 'application/json' });
  if (body !== undefined) headers.set('content-type', 'application/json');
  if (method !== 'GET' && csrfToken) headers.set('x-csrf-token', csrfToken);
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (cause) {
    throw new ApiError({
      kind: 'unavailable',
      message: 'The Orgdeck server could not be reached.',
      cause,
    });
  }
  if (!response.ok) {
    const json = (await response.json().catch(() => null)) as {
      error?: { code?: unknown; message?: unknown };
    } | null;
    const kind = kindForStatus(response.status);
    throw new ApiError({
      kind,
      status: response.status,
      code: typeof json?.error?.code === 'string' ? json.error.code : null,
      message: typeof json?.error?.message === 'string' ? json.error.message : defaultMessage(kind),
      retryAfterMs: parseRetryAfter(response.headers),
    });
  }
  return response;
}

/** Takes a session description (an answer, or the copy embedded in the page) as the current one. */
export function adoptSession(json: unknown): Session {
  const session = parseWire(Session, json, 'session');
  csrfToken = session.csrfToken;
  return session;
}

async function readSession(response: Response): Promise<Session> {
  return adoptSession(await response.json());
}

export async function fetchSession(): Promise<Session> {
  return readSession(await call('GET', '/api/session'));
}

export async function signIn(
  credentials: { username: string; password: string } | { demoUser: string },
): Promise<Session> {
  return readSession(await call('POST', '/api/session', credentials));
}

/** Signing out answers with a fresh anonymous session (and a new CSRF token). */
export async function signOut(): Promise<Session> {
  return readSession(await call('DELETE', '/api/session'));
}

export async function signOutEverywhere(): Promise<Session> {
  return readSession(await call('POST', '/api/session/sign-out-everywhere'));
}

/** After a server restart the session (and its token) is gone: fetch a fresh one before retrying. */
export async function refreshCsrfToken(): Promise<void> {
  await fetchSession();
}
