import type {
  KindeInviteRecord,
  KindeMembershipRecord,
  KindeRoleRecord,
  KindeUserRecord,
} from './state';

/** Response shapes of the org users, invites, users and roles endpoints, built from the records. */

export function fullName(person: { first_name: string | null; last_name: string | null }): string {
  return [person.first_name, person.last_name].filter((part) => part).join(' ');
}

/** `organization_user`. `last_accessed_on` is the user's last access, if it was since joining. */
export function organizationUser(membership: KindeMembershipRecord, user: KindeUserRecord) {
  const lastAccess =
    user.last_accessed_on !== null && user.last_accessed_on >= membership.joinedOn
      ? user.last_accessed_on
      : null;
  return {
    id: user.id,
    email: user.email,
    full_name: fullName(user),
    last_name: user.last_name,
    first_name: user.first_name,
    picture: user.picture,
    joined_on: membership.joinedOn,
    last_accessed_on: lastAccess,
    is_suspended: user.is_suspended,
    roles: [...membership.roles],
  };
}

/** `organization_invite`: `id` and `code` carry the same value, as in Kinde's examples. */
export function organizationInvite(
  invite: KindeInviteRecord,
  roles: readonly KindeRoleRecord[],
  businessUrl: string,
) {
  return {
    id: invite.code,
    code: invite.code,
    email: invite.email,
    first_name: invite.first_name,
    last_name: invite.last_name,
    full_name: fullName(invite),
    created_on: invite.created_on,
    is_sent: invite.is_sent,
    accepted_on: invite.accepted_on,
    roles: invite.roles.map((key) => ({
      key,
      name: roles.find((role) => role.key === key)?.name ?? key,
    })),
    is_revoked: invite.is_revoked,
    invite_link: `${businessUrl}/team_invitation?code=${invite.code}`,
  };
}

/** Fields `users_response` and `search_users_response` share. Sandbox users have no username or phone. */
function userBase(user: KindeUserRecord) {
  return {
    id: user.id,
    provided_id: null,
    email: user.email,
    username: null,
    last_name: user.last_name,
    first_name: user.first_name,
    is_suspended: user.is_suspended,
    picture: user.picture,
    total_sign_ins: null,
    failed_sign_ins: null,
    last_signed_in: user.last_accessed_on,
    created_on: user.created_on,
  };
}

export interface UserExpansion {
  /** Org codes of the user's memberships, when `expand` asks for `organizations`. */
  readonly organizations?: readonly string[];
  readonly identities?: boolean;
}

function expanded(user: KindeUserRecord, expansion: UserExpansion) {
  return {
    ...(expansion.organizations ? { organizations: [...expansion.organizations] } : {}),
    ...(expansion.identities ? { identities: [{ type: 'email', identity: user.email }] } : {}),
  };
}

/** One row of `users_response` (`GET /api/v1/users`). */
export function userItem(user: KindeUserRecord, expansion: UserExpansion = {}) {
  return { ...userBase(user), ...expanded(user, expansion) };
}

/** `user` (`GET /api/v1/user`): flat, no `{code, message}`; the address is `preferred_email`. */
export function userDetail(user: KindeUserRecord, expansion: UserExpansion = {}) {
  const { email, ...rest } = userBase(user);
  return { ...rest, preferred_email: email, phone: null, ...expanded(user, expansion) };
}

/** One row of `search_users_response` (`GET /api/v1/search/users`). */
export function searchResult(user: KindeUserRecord, expansion: UserExpansion = {}) {
  return { ...userBase(user), ...expanded(user, expansion), properties: {} };
}

/** `roles` (the catalogue) and `organization_user_role` (a member's roles). */
export function roleItem(role: KindeRoleRecord) {
  return {
    id: role.id,
    key: role.key,
    name: role.name,
    description: role.description,
    is_default_role: role.is_default_role,
  };
}

export function organizationUserRole(role: KindeRoleRecord) {
  return { id: role.id, key: role.key, name: role.name };
}
