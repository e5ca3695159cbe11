import type { JsonObject } from '../../../../src/api/domain';
import { clerkIssue, type ClerkErrorItem } from './errors';
import { newClerkId } from './ids';
import { roleByKey } from './roles';
import type { ClerkMembershipRecord, ClerkOrgRecord, ClerkState, ClerkUserRecord } from './state';

/** Membership rules and lookups both Clerk APIs share. */

export const MANAGE_MEMBERS = 'org:sys_memberships:manage';
export const READ_MEMBERS = 'org:sys_memberships:read';

export interface MemberRow {
  readonly membership: ClerkMembershipRecord;
  readonly user: ClerkUserRecord | undefined;
}

export function usersById(state: ClerkState): Map<string, ClerkUserRecord> {
  return new Map(state.users.map((user) => [user.id, user]));
}

/** The org's memberships with their users. */
export function orgMembers(state: ClerkState, orgId: string): MemberRow[] {
  const users = usersById(state);
  return state.memberships
    .filter((membership) => membership.org_id === orgId)
    .map((membership) => ({ membership, user: users.get(membership.user_id) }));
}

export function fullName(user: ClerkUserRecord): string {
  return [user.first_name, user.last_name].filter((part) => part !== null).join(' ');
}

/**
 * Clerk's `query`: a case-insensitive partial match on the email address, username, user ID,
 * first and last name (and, as a choice, the full name, so "Ada Love" finds Ada Lovelace).
 */
export function userMatches(user: ClerkUserRecord, query: string): boolean {
  const needle = query.trim().toLowerCase();
  if (needle === '') return true;
  return [
    user.email_address,
    user.username,
    user.id,
    user.first_name,
    user.last_name,
    fullName(user),
  ].some((value) => value?.toLowerCase().includes(needle) ?? false);
}

export function hasPermission(
  state: ClerkState,
  membership: ClerkMembershipRecord,
  permission: string,
): boolean {
  return roleByKey(state.roles, membership.role)?.permissions.includes(permission) ?? false;
}

/** A role key Clerk does not know, as its 422 on `role`. */
export function roleIssue(state: ClerkState, role: string): ClerkErrorItem | null {
  return roleByKey(state.roles, role)
    ? null
    : clerkIssue.roleInvalid(
        role,
        state.roles.map((candidate) => candidate.key),
      );
}

export function addMembership(
  state: ClerkState,
  org: ClerkOrgRecord,
  input: {
    readonly userId: string;
    readonly role: string;
    readonly publicMetadata?: JsonObject | undefined;
    readonly privateMetadata?: JsonObject | undefined;
  },
  now: number,
): ClerkMembershipRecord {
  const membership: ClerkMembershipRecord = {
    id: newClerkId('orgmem_'),
    org_id: org.id,
    user_id: input.userId,
    role: input.role,
    created_at: now,
    ...(input.publicMetadata && Object.keys(input.publicMetadata).length > 0
      ? { public_metadata: input.publicMetadata }
      : {}),
    ...(input.privateMetadata && Object.keys(input.privateMetadata).length > 0
      ? { private_metadata: input.privateMetadata }
      : {}),
  };
  state.memberships.push(membership);
  return membership;
}

export function removeMembership(state: ClerkState, membership: ClerkMembershipRecord): void {
  state.memberships = state.memberships.filter((candidate) => candidate !== membership);
}

/**
 * Whether the org keeps at least one member who can manage members once `membership` changes
 * to `role` (or leaves, when `role` is null).
 */
export function keepsAManager(
  state: ClerkState,
  membership: ClerkMembershipRecord,
  role: string | null,
): boolean {
  const managers = (candidate: ClerkMembershipRecord) =>
    hasPermission(state, candidate, MANAGE_MEMBERS);
  const others = state.memberships.some(
    (candidate) =>
      candidate.org_id === membership.org_id && candidate !== membership && managers(candidate),
  );
  if (others) return true;
  return (
    role !== null && (roleByKey(state.roles, role)?.permissions.includes(MANAGE_MEMBERS) ?? false)
  );
}
