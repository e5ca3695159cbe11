import * as z from 'zod/mini';

/**
 * Clerk Backend API wire shapes for members, invitations, users and roles (spec
 * `clerk-bapi-2026-05-12.yaml`: `OrganizationMembership(s)`, `OrganizationInvitation(s)`, `User`,
 * `Role(s)`). Only what Orgdeck reads or shows; what the spec marks required stays required.
 */

const Metadata = z.record(z.string(), z.unknown());
const Ms = z.number().check(z.int());
const Count = z.number().check(z.int(), z.nonnegative());

/** `OrganizationMembershipPublicUserData`: the first six fields are required. */
export const ClerkPublicUserDataWire = z.object({
  user_id: z.string().check(z.minLength(1)),
  first_name: z.nullable(z.string()),
  last_name: z.nullable(z.string()),
  profile_image_url: z.nullable(z.string()),
  image_url: z.string(),
  has_image: z.boolean(),
  identifier: z.nullish(z.string()),
  username: z.nullish(z.string()),
  banned: z.optional(z.boolean()),
  deprovisioned: z.optional(z.boolean()),
});

/** The membership's org: its identity, and its name for a user's list of orgs. */
const EmbeddedOrganizationWire = z.object({
  object: z.literal('organization'),
  id: z.string(),
  name: z.string(),
});

export const ClerkMembershipWire = z.object({
  object: z.literal('organization_membership'),
  id: z.string(),
  role: z.string(),
  role_name: z.optional(z.string()),
  permissions: z.array(z.string()),
  public_metadata: Metadata,
  private_metadata: z.optional(Metadata),
  organization: EmbeddedOrganizationWire,
  public_user_data: z.optional(ClerkPublicUserDataWire),
  created_at: Ms,
  updated_at: Ms,
});
export type ClerkMembershipWire = z.infer<typeof ClerkMembershipWire>;

export const ClerkMembershipListWire = z.object({
  data: z.array(ClerkMembershipWire),
  total_count: Count,
});

/** `OrganizationInvitationPublicUserData` (nullable as a whole). */
const InviterWire = z.object({
  user_id: z.string(),
  first_name: z.nullable(z.string()),
  last_name: z.nullable(z.string()),
  image_url: z.string(),
  has_image: z.boolean(),
  identifier: z.string(),
});

export const ClerkInvitationWire = z.object({
  object: z.literal('organization_invitation'),
  id: z.string().check(z.minLength(1)),
  email_address: z.string(),
  role: z.string(),
  role_name: z.string(),
  organization_id: z.optional(z.string()),
  inviter_id: z.nullable(z.string()),
  public_inviter_data: z.nullable(InviterWire),
  status: z.optional(z.string()),
  public_metadata: Metadata,
  private_metadata: z.optional(Metadata),
  url: z.nullable(z.string()),
  expires_at: z.nullable(Ms),
  created_at: Ms,
  updated_at: Ms,
});
export type ClerkInvitationWire = z.infer<typeof ClerkInvitationWire>;

export const ClerkInvitationListWire = z.object({
  data: z.array(ClerkInvitationWire),
  total_count: Count,
});

const EmailAddressWire = z.object({ id: z.optional(z.string()), email_address: z.string() });

/** `User`: the fields a user picker shows. */
export const ClerkUserWire = z.object({
  id: z.string().check(z.minLength(1)),
  object: z.literal('user'),
  username: z.nullable(z.string()),
  first_name: z.nullable(z.string()),
  last_name: z.nullable(z.string()),
  image_url: z.optional(z.string()),
  has_image: z.boolean(),
  primary_email_address_id: z.nullable(z.string()),
  email_addresses: z.array(EmailAddressWire),
});
export type ClerkUserWire = z.infer<typeof ClerkUserWire>;

/** `User.List`: a bare array (the total is a separate `GET /users/count`). */
export const ClerkUserListWire = z.array(ClerkUserWire);

/** `Permission`, as listed in a role: what a member's permission is called. */
export const ClerkRolePermissionWire = z.object({
  key: z.string().check(z.minLength(1)),
  name: z.string(),
});

/** `Role`, with the permissions it grants (which explain a member's permissions). */
export const ClerkRoleWire = z.object({
  object: z.literal('role'),
  id: z.string(),
  name: z.string(),
  key: z.string().check(z.minLength(1)),
  description: z.nullable(z.string()),
  is_creator_eligible: z.boolean(),
  permissions: z.array(ClerkRolePermissionWire),
  created_at: Ms,
  updated_at: Ms,
});
export type ClerkRoleWire = z.infer<typeof ClerkRoleWire>;

export const ClerkRoleListWire = z.object({
  data: z.array(ClerkRoleWire),
  total_count: Count,
});

export interface ClerkCreateMembershipWire {
  user_id: string;
  role?: string;
}

export interface ClerkCreateInvitationWire {
  email_address: string;
  role?: string;
  notify?: boolean;
  expires_in_days?: number;
  inviter_user_id?: string;
}
