import type { Context } from 'hono';
import { readJson } from '../../vendor';
import { NUMIND_INVALID_BODY } from './errors';
import type { NumindInvitationRecord, NumindMembershipRecord, NumindUserRecord } from './state';

/** `MemberResponse`: camelCase `displayName`, the member's roles in this org. */
export function toMemberResponse(user: NumindUserRecord, membership: NumindMembershipRecord) {
  return {
    id: user.id,
    displayName: user.displayName,
    email: user.email,
    roles: membership.roles,
  };
}

/** `InvitationResponse`. */
export function toInvitationResponse(invitation: NumindInvitationRecord) {
  return { id: invitation.id, email: invitation.email, roles: invitation.roles };
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * `InviteMemberRequest` is `{email: string}`: anything else is Tapir's 400 (`null`). Refusing a
 * malformed email is our choice (NuMind documents no rule); the message follows Tapir's format
 * for a failed validator.
 */
export async function readInviteEmail(
  c: Context,
): Promise<{ value: string } | { invalid: string } | null> {
  const parsed = await readJson(c);
  if (!parsed.ok) return null;
  const body = parsed.value;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const email = (body as Record<string, unknown>)['email'];
  if (typeof email !== 'string') return null;
  const value = email.trim();
  if (!EMAIL_PATTERN.test(value)) {
    return {
      invalid: `${NUMIND_INVALID_BODY} (expected email to be a valid email address, but got: ${JSON.stringify(email)})`,
    };
  }
  return { value };
}
