import * as z from 'zod/mini';
import { ApiError, defaultMessage, kindForStatus, parseRetryAfter } from './errors';
import { parseWire } from './parse';

/** The console's own sign-in (not a provider's): who is using Orgdeck and with which role. */

export const ConsoleRole = z.enum(['viewer', 'support', 'admin']);
export type ConsoleRole = z.infer<typeof ConsoleRole>;

export const SessionUser = z.object({
  id: z.string(),
  name: z.string(),
  role: ConsoleRole,
  demo: z.optional(z.boolean()),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const Session = z.object({
  required: z.boolean(),
  signedIn: z.boolean(),
  user: z.nullable(SessionUser),
  effectiveRole: ConsoleRole,
  csrfToken: z.string(),
  demoUsers: z.array(z.object({ id: z.string(), name: z.string(), role: ConsoleRole })),
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

async function readSession(response: Response): Promise<Session> {
  const session = parseWire(Session, await response.json(), 'session');
  csrfToken = session.csrfToken;
  return session;
}

export async function fetchSession(): Promise<Session> {
  return readSession(await call('GET', '/api/session'));
}

export async function signIn(
  credentials: { username: string; password: string } | { demoUser: string },
): Promise<Session> {
  return readSession(await call('POST', '/api/session', credentials));
}

export async function signOut(): Promise<void> {
  await call('DELETE', '/api/session');
  csrfToken = null;
}

export async function signOutEverywhere(): Promise<void> {
  await call('POST', '/api/session/sign-out-everywhere');
  csrfToken = null;
}

const RANK: Record<ConsoleRole, number> = { viewer: 0, support: 1, admin: 2 };

export function roleAllows(role: ConsoleRole, needed: ConsoleRole): boolean {
  return RANK[role] >= RANK[needed];
}
