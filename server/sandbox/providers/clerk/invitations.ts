import type { JsonObject } from '../../../../src/api/domain';
import { clerkPeopleError } from './errors';
import { newClerkId } from './ids';
import { DAY } from './seed-people';
import type {
  ClerkInvitationRecord,
  ClerkInvitationStatus,
  ClerkOrgRecord,
  ClerkState,
} from './state';

/** Invitation rules both Clerk APIs share: statuses, expiry, the membership limit, duplicates. */

export const DEFAULT_EXPIRES_IN_DAYS = 30;
export const MAX_EXPIRES_IN_DAYS = 365;
/** BAPI's documented cap per bulk call; the Frontend API applies the same one (choice). */
export const MAX_BULK_INVITATIONS = 10;

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmail(value: string): boolean {
  return EMAIL_PATTERN.test(value);
}

/** `expired` is a pending invitation past `expires_at`; nothing stores it. */
export function invitationStatus(
  invitation: ClerkInvitationRecord,
  now: number,
): ClerkInvitationStatus {
  return invitation.status === 'pending' && invitation.expires_at <= now
    ? 'expired'
    : invitation.status;
}

export function findInvitation(
  state: ClerkState,
  orgId: string,
  invitationId: string,
): ClerkInvitationRecord | undefined {
  return state.invitations.find(
    (invitation) => invitation.id === invitationId && invitation.org_id === orgId,
  );
}

/** The org's invitations, newest first (Clerk's documented default order). */
export function orgInvitations(state: ClerkState, orgId: string): ClerkInvitationRecord[] {
  return state.invitations
    .filter((invitation) => invitation.org_id === orgId)
    .sort((a, b) => b.created_at - a.created_at || (a.id < b.id ? -1 : 1));
}

function membersAndPending(state: ClerkState, orgId: string, now: number): number {
  let count = 0;
  for (const membership of state.memberships) if (membership.org_id === orgId) count++;
  for (const invitation of state.invitations) {
    if (invitation.org_id === orgId && invitationStatus(invitation, now) === 'pending') count++;
  }
  return count;
}

/**
 * Whether `adding` more members or invitations would pass `max_allowed_memberships` (0: no
 * limit). Pending invitations count toward it, as Clerk's own error text says.
 */
export function exceedsQuota(
  state: ClerkState,
  org: ClerkOrgRecord,
  adding: number,
  now: number,
): boolean {
  const max = org.max_allowed_memberships;
  return max > 0 && membersAndPending(state, org.id, now) + adding > max;
}

/**
 * What Clerk refuses before inviting `email`: a member with that email already, or a pending
 * invitation for it. An expired or revoked one does not block a new invitation.
 */
export function invitationRefusal(
  state: ClerkState,
  org: ClerkOrgRecord,
  email: string,
  now: number,
): Response | null {
  const wanted = email.toLowerCase();
  const user = state.users.find((candidate) => candidate.email_address.toLowerCase() === wanted);
  if (
    user &&
    state.memberships.some(
      (membership) => membership.org_id === org.id && membership.user_id === user.id,
    )
  ) {
    return clerkPeopleError.alreadyMember(email, 'email_address');
  }
  const pending = state.invitations.some(
    (invitation) =>
      invitation.org_id === org.id &&
      invitation.email_address.toLowerCase() === wanted &&
      invitationStatus(invitation, now) === 'pending',
  );
  return pending ? clerkPeopleError.duplicateInvitation(email) : null;
}

export interface NewInvitation {
  readonly email: string;
  readonly role: string;
  readonly inviterId: string | null;
  readonly expiresInDays?: number | undefined;
  readonly publicMetadata?: JsonObject | undefined;
  readonly privateMetadata?: JsonObject | undefined;
  readonly redirectUrl?: string | undefined;
}

export function createInvitation(
  state: ClerkState,
  org: ClerkOrgRecord,
  input: NewInvitation,
  now: number,
): ClerkInvitationRecord {
  const invitation: ClerkInvitationRecord = {
    id: newClerkId('orginv_'),
    org_id: org.id,
    email_address: input.email,
    role: input.role,
    status: 'pending',
    inviter_id: input.inviterId,
    expires_at: now + (input.expiresInDays ?? DEFAULT_EXPIRES_IN_DAYS) * DAY,
    created_at: now,
    updated_at: now,
    ...(input.publicMetadata && Object.keys(input.publicMetadata).length > 0
      ? { public_metadata: input.publicMetadata }
      : {}),
    ...(input.privateMetadata && Object.keys(input.privateMetadata).length > 0
      ? { private_metadata: input.privateMetadata }
      : {}),
    ...(input.redirectUrl ? { redirect_url: input.redirectUrl } : {}),
  };
  state.invitations.push(invitation);
  return invitation;
}

/** Revokes a pending invitation; anything else is Clerk's "not pending" refusal. */
export function revokeInvitation(invitation: ClerkInvitationRecord, now: number): Response | null {
  const status = invitationStatus(invitation, now);
  if (status !== 'pending') return clerkPeopleError.notPending(status);
  invitation.status = 'revoked';
  invitation.updated_at = now;
  return null;
}
