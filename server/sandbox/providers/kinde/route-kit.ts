import type { Context } from 'hono';
import type { kindeOperations } from '../../../../src/api/providers/kinde/operations';
import type { Handler, SandboxContext } from '../../vendor';
import { readJson } from '../../vendor';
import { kindeError, organizationNotFound } from './errors';
import type { KindeMembershipRecord, KindeOrgRecord, KindeState } from './state';
import type { KindeScope } from './token';

/** What every group of Kinde routes needs from the sandbox that mounts them. */
export interface KindeRouteKit {
  readonly ctx: SandboxContext;
  state(): KindeState;
  /** Runs the handler only for a token that carries the scope (or the sandbox token). */
  guarded(scope: KindeScope, handler: Handler): Handler;
  findOrg(code: string): KindeOrgRecord | undefined;
  /** Where the sandbox's Kinde business is reached from this request, e.g. `http://host/sandbox/kinde`. */
  businessUrl(c: Context): string;
}

/** Handlers for some of the operations in Kinde's table; `routes.ts` joins the groups. */
export type KindeHandlers<K extends keyof typeof kindeOperations> = Readonly<Record<K, Handler>>;

export const success = (): Response => Response.json({ code: 'OK', message: 'Success' });

export async function readObjectBody(c: Context): Promise<Record<string, unknown> | Response> {
  const parsed = await readJson(c);
  if (!parsed.ok)
    return kindeError(400, 'INVALID_REQUEST_BODY', 'The request body is not valid JSON');
  if (parsed.value === undefined) return {};
  if (typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) {
    return kindeError(400, 'INVALID_REQUEST_BODY', 'The request body must be a JSON object');
  }
  return parsed.value as Record<string, unknown>;
}

/** A comma-separated query parameter as a list of non-empty items. */
export function csvQuery(c: Context, name: string): string[] {
  return (c.req.query(name) ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** The permission keys a membership has, through its roles or granted directly. */
export function effectivePermissions(
  state: KindeState,
  membership: { roles: readonly string[]; permissions?: readonly string[] },
): Set<string> {
  const granted = new Set(membership.permissions ?? []);
  for (const role of state.roles) {
    if (membership.roles.includes(role.key)) for (const key of role.permissions) granted.add(key);
  }
  return granted;
}

/** The org the path's `org_code` names, or the 400 that answers for a missing one. */
export function pathOrg(kit: KindeRouteKit, c: Context): KindeOrgRecord | Response {
  return kit.findOrg(c.req.param('org_code') ?? '') ?? organizationNotFound('org_code');
}

/** The membership the path's `org_code` and `user_id` name, or the 400 that answers for it. */
export function pathMembership(kit: KindeRouteKit, c: Context): KindeMembershipRecord | Response {
  const org = pathOrg(kit, c);
  if (org instanceof Response) return org;
  const state = kit.state();
  const userId = c.req.param('user_id') ?? '';
  const row = state.memberships.find((m) => m.orgCode === org.code && m.userId === userId);
  if (row) return row;
  if (!state.users.some((user) => user.id === userId))
    return kindeError(400, 'USER_NOT_FOUND', 'User not found', 'user_id');
  return kindeError(
    400,
    'ORGANIZATION_USER_NOT_FOUND',
    'The user is not a member of this organization',
    'user_id',
  );
}
