import { ApiError } from '../../errors';
import type { EffectivePermission, PermissionSource, RoleRef } from '../../people';

/**
 * A member's role and permissions, read off their membership and explained by the role
 * catalogue. Shared by both Clerk APIs (their memberships and roles have the same fields here).
 */

/** What a membership of either API says about access. FAPI's `permissions` may be null. */
export interface MembershipAccess {
  readonly role: string;
  readonly role_name?: string | undefined;
  readonly permissions: readonly string[] | null;
  readonly public_user_data?: { readonly user_id?: string | null | undefined } | null | undefined;
}

/** A catalogue role with its permissions (`Role.permissions[]` of either API). */
export interface CatalogueRole {
  readonly key: string;
  readonly name: string;
  readonly permissions: readonly { readonly key: string; readonly name: string }[];
}

/** The membership of `userId` among `memberships`, matched exactly on the user id. */
export function membershipOf<T extends MembershipAccess>(
  memberships: readonly T[],
  userId: string,
): T | undefined {
  return memberships.find((membership) => membership.public_user_data?.user_id === userId);
}

export function notAMember(userId: string): ApiError {
  return new ApiError({
    kind: 'not_found',
    message: `User ${userId} is not a member of this organization.`,
  });
}

/** Clerk members hold exactly one role. */
export function toRoleRefs(membership: MembershipAccess): RoleRef[] {
  return [{ key: membership.role, name: membership.role_name ?? membership.role }];
}

/**
 * The membership's `permissions`, each attributed to the member's role where the catalogue
 * says the role grants it. Clerk has no direct grants: a permission the role does not explain
 * (a system permission the catalogue leaves out) is kept, as `unattributed`, so it is not hidden
 * and not passed off as a direct grant.
 */
export function toEffectivePermissions(
  membership: MembershipAccess,
  catalogue: readonly CatalogueRole[],
): EffectivePermission[] {
  const role = catalogue.find((candidate) => candidate.key === membership.role);
  const names = new Map<string, string>();
  for (const entry of catalogue)
    for (const permission of entry.permissions) names.set(permission.key, permission.name);
  const fromRole: PermissionSource | null = role
    ? { kind: 'role', role: { key: role.key, name: role.name } }
    : null;
  const granted = new Set(role?.permissions.map((permission) => permission.key));
  return [...new Set(membership.permissions ?? [])].map((key) => ({
    key,
    name: names.get(key) ?? key,
    sources: [fromRole && granted.has(key) ? fromRole : { kind: 'unattributed' }],
  }));
}
