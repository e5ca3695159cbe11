import { describeError } from '../lib/describe-error';
import type { InvitationsApi } from '../api/org-admin-api';
import type { Invitation } from '../api/people';

/** The old invitation is gone but the new one was refused: the person has none now. */
export class RevokedNotResentError extends Error {
  constructor(
    readonly email: string,
    override readonly cause: unknown,
  ) {
    super(
      `The invitation to ${email} was revoked but not re-sent: ${describeError(cause).message}`,
    );
    this.name = 'RevokedNotResentError';
  }
}

/** Whether the invitation can still be used (and so must be revoked before inviting again). */
export function isLive(invitation: Invitation, now: number): boolean {
  return (
    invitation.status === 'pending' &&
    (invitation.expiresAt === null || Date.parse(invitation.expiresAt) > now)
  );
}

/**
 * Resend: the provider's own where it has one, otherwise invite again, revoking first only while
 * the invitation is still pending (Clerk refuses to revoke an expired or accepted one).
 */
export async function resendInvitation(
  invitations: InvitationsApi,
  orgId: string,
  invitation: Invitation,
  now: number = Date.now(),
): Promise<Invitation | null> {
  if (invitations.resend) return invitations.resend(orgId, invitation);
  const live = isLive(invitation, now);
  if (live) {
    if (!invitations.revoke) throw new Error('This provider cannot resend invitations.');
    await invitations.revoke(orgId, invitation.id);
  }
  const input = { email: invitation.email, roles: invitation.roles.map((role) => role.key) };
  try {
    return await invitations.create(orgId, input);
  } catch (error) {
    if (live) throw new RevokedNotResentError(invitation.email, error);
    throw error;
  }
}
