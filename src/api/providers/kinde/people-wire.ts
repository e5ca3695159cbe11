import * as z from 'zod/mini';

/**
 * Wire shapes of Kinde's org users, invites, users and roles endpoints
 * (`kinde-mgmt-api-specs.yaml`). The spec marks no field required: every field is optional, and
 * nullable ones are `z.nullish()`. Rows without an id are kept by the schema and dropped by the
 * mappers, since nothing can address them.
 */

/** `organization_user`: `roles` are role keys. */
export const KindeOrganizationUserWire = z.object({
  id: z.nullish(z.string()),
  email: z.nullish(z.string()),
  full_name: z.nullish(z.string()),
  last_name: z.nullish(z.string()),
  first_name: z.nullish(z.string()),
  picture: z.nullish(z.string()),
  joined_on: z.nullish(z.string()),
  last_accessed_on: z.nullish(z.string()),
  is_suspended: z.nullish(z.boolean()),
  roles: z.nullish(z.array(z.string())),
});
export type KindeOrganizationUserWire = z.infer<typeof KindeOrganizationUserWire>;

/** `get_organization_users_response`. */
export const KindeOrganizationUsersWire = z.object({
  code: z.nullish(z.string()),
  message: z.nullish(z.string()),
  organization_users: z.nullish(z.array(KindeOrganizationUserWire)),
  next_token: z.nullish(z.string()),
});

/** `add_organization_users_response`. */
export const KindeAddOrganizationUsersWire = z.object({
  code: z.nullish(z.string()),
  message: z.nullish(z.string()),
  users_added: z.nullish(z.array(z.string())),
});

/** `update_organization_users_response`: which users the bulk PATCH added, updated or removed. */
export const KindeUpdateOrganizationUsersWire = z.object({
  code: z.nullish(z.string()),
  message: z.nullish(z.string()),
  users_added: z.nullish(z.array(z.string())),
  users_updated: z.nullish(z.array(z.string())),
  users_removed: z.nullish(z.array(z.string())),
});

/** `get_organizations_user_roles_response`: a member's roles, with their ids. */
export const KindeOrganizationUserRolesWire = z.object({
  code: z.nullish(z.string()),
  message: z.nullish(z.string()),
  roles: z.nullish(
    z.array(
      z.object({
        id: z.nullish(z.string()),
        key: z.nullish(z.string()),
        name: z.nullish(z.string()),
      }),
    ),
  ),
  next_token: z.nullish(z.string()),
});

/** `organization_invite`. `id` and `code` carry the same value in Kinde's examples. */
export const KindeInviteWire = z.object({
  id: z.nullish(z.string()),
  code: z.nullish(z.string()),
  email: z.nullish(z.string()),
  first_name: z.nullish(z.string()),
  last_name: z.nullish(z.string()),
  full_name: z.nullish(z.string()),
  created_on: z.nullish(z.string()),
  is_sent: z.nullish(z.boolean()),
  accepted_on: z.nullish(z.string()),
  roles: z.nullish(z.array(z.object({ key: z.nullish(z.string()), name: z.nullish(z.string()) }))),
  is_revoked: z.nullish(z.boolean()),
  invite_link: z.nullish(z.string()),
});
export type KindeInviteWire = z.infer<typeof KindeInviteWire>;

/** `get_organization_invites_response`. */
export const KindeInvitesWire = z.object({
  code: z.nullish(z.string()),
  message: z.nullish(z.string()),
  invites: z.nullish(z.array(KindeInviteWire)),
  next_token: z.nullish(z.string()),
});

/** `create_organization_invite_response` (201 `INVITATION_CREATED`). */
export const KindeCreateInviteWire = z.object({
  code: z.nullish(z.string()),
  message: z.nullish(z.string()),
  invite: KindeInviteWire,
});

/** What `users_response` and `search_users_response` rows share, as far as the picker reads them. */
export const KindeUserWire = z.object({
  id: z.nullish(z.string()),
  email: z.nullish(z.string()),
  first_name: z.nullish(z.string()),
  last_name: z.nullish(z.string()),
  picture: z.nullish(z.string()),
  is_suspended: z.nullish(z.boolean()),
});
export type KindeUserWire = z.infer<typeof KindeUserWire>;

/** `users_response` (`GET /api/v1/users`). */
export const KindeUsersWire = z.object({
  code: z.nullish(z.string()),
  message: z.nullish(z.string()),
  users: z.nullish(z.array(KindeUserWire)),
  next_token: z.nullish(z.string()),
});

/** `search_users_response` (`GET /api/v1/search/users`): no cursor token, results only. */
export const KindeSearchUsersWire = z.object({
  code: z.nullish(z.string()),
  message: z.nullish(z.string()),
  results: z.nullish(z.array(KindeUserWire)),
});

/** `roles`: one role of the catalogue. */
export const KindeRoleWire = z.object({
  id: z.nullish(z.string()),
  key: z.nullish(z.string()),
  name: z.nullish(z.string()),
  description: z.nullish(z.string()),
  is_default_role: z.nullish(z.boolean()),
});
export type KindeRoleWire = z.infer<typeof KindeRoleWire>;

/** `get_roles_response`. */
export const KindeRolesWire = z.object({
  code: z.nullish(z.string()),
  message: z.nullish(z.string()),
  roles: z.nullish(z.array(KindeRoleWire)),
  next_token: z.nullish(z.string()),
});

/** `POST /api/v1/organization/{org_code}/invites` body. */
export interface KindeCreateInviteRequest {
  email: string;
  roles: string[];
  first_name?: string;
  last_name?: string;
  send_email?: boolean;
}

/** `POST /api/v1/organizations/{org_code}/users` body. */
export interface KindeAddOrganizationUsersRequest {
  users: { id: string; roles?: string[]; permissions?: string[] }[];
}

/** `PATCH …/users`: role and permission keys to give each user (`operation: 'delete'` removes). */
export interface KindeUpdateOrganizationUsersRequest {
  users: { id: string; operation?: 'delete'; roles?: string[]; permissions?: string[] }[];
}
