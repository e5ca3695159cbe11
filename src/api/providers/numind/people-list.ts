import type { Invitation, InvitationStatus } from '../../people';

/**
 * NuMind returns every member and invitation of an org in one array: a page is a slice of it
 * (search, role filter and sort are the data layer's, over every member).
 */

/** Keeps the statuses asked for; none asked means the provider's default, pending. */
export function withStatuses(
  items: readonly Invitation[],
  statuses: readonly InvitationStatus[],
): Invitation[] {
  const wanted: readonly InvitationStatus[] = statuses.length === 0 ? ['pending'] : statuses;
  return items.filter((invitation) => wanted.includes(invitation.status));
}
