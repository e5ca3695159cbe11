import type { ConsoleRole } from '../../src/api/operations';
import type { AuditActor } from '../audit/entry';
import type { Session, SessionUser } from './sessions';

/** What the console layer decided about one `/api` request; the gateway and routes act on it. */
export interface RequestAccess {
  readonly session: Session | null;
  /** `null`: nobody is signed in (anonymous). */
  readonly user: SessionUser | null;
  /** The role the request acts with: the user's, or admin for anonymous visitors when sign-in is optional. */
  readonly role: ConsoleRole;
  /** Whether a state-changing request carried the session's CSRF token (or did not need one). */
  readonly csrfOk: boolean;
}

/** Hono environment of the `/api` routes: the console middleware sets `access`. */
export interface ConsoleEnv {
  Variables: { access: RequestAccess };
}

export function auditActor(access: RequestAccess): AuditActor {
  return access.user
    ? { id: access.user.id, name: access.user.name, role: access.user.role }
    : { id: 'anonymous' };
}

export function userTokenOf(access: RequestAccess, connectionId: string): string | null {
  return access.session?.userTokens.get(connectionId) ?? null;
}

/** Full access with no session: for servers and tests that run the gateway alone. */
export const OPEN_ACCESS: RequestAccess = {
  session: null,
  user: null,
  role: 'admin',
  csrfOk: true,
};
