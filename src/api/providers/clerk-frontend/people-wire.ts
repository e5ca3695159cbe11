import * as z from 'zod/mini';
import { ClerkRolePermissionWire } from '../clerk/people-wire';
import { wrapped } from './wire';

/**
 * Clerk Frontend API wire shapes for members, invitations and roles (spec
 * `clerk-fapi-2026-05-12.yaml`: `Client.OrganizationMembership`, `Client.PublicUserData`,
 * `Client.OrganizationInvitation`, `Client.Role`), each inside `{response, client}`.
 */

const Metadata = z.record(z.string(), z.unknown());
const Ms = z.number().check(z.int());
const Count = z.number().check(z.int(), z.nonnegative());

/** `Client.PublicUserData`: names, identifier and has_image are required; the user id is not. */
const PublicUserDataWire = z.object({
  first_name: z.nullable(z.string()),
  last_name: z.nullable(z.string()),
  image_url: z.nullish(z.string()),
  has_image: z.boolean(),
  identifier: z.string(),
  user_id: z.nullish(z.string()),
  username: z.nullish(z.string()),
  banned: z.optional(z.boolean()),
  deprovisioned: z.optional(z.boolean()),
});

/** A member of an org; its org is the one being viewed, so only its identity is checked. */
export const ClerkFrontendOrgMembershipWire = z.object({
  object: z.literal('organization_membership'),
  id: z.string(),
  role: z.string(),
  role_name: z.string(),
  permissions: z.nullable(z.array(z.string())),
  public_metadata: Metadata,
  created_at: Ms,
  updated_at: Ms,
  organization: z.object({ object: z.literal('organization'), id: z.string() }),
  public_user_data: z.nullish(PublicUserDataWire),
});

/** The spec's `oneOf`: `{data, total_count}` with `paginated=true`, otherwise a bare array. */
function list<T extends z.ZodMiniType>(item: T) {
  return z.union([
    z.object({ data: z.array(item), total_count: z.optional(Count) }),
    z.array(item),
  ]);
}

export const ClerkFrontendWrappedOrgMembershipsWire = wrapped(list(ClerkFrontendOrgMembershipWire));
export const ClerkFrontendWrappedOrgMembershipWire = wrapped(ClerkFrontendOrgMembershipWire);

export const ClerkFrontendInvitationWire = z.object({
  object: z.literal('organization_invitation'),
  id: z.string().check(z.minLength(1)),
  email_address: z.string(),
  role: z.string(),
  role_name: z.string(),
  organization_id: z.optional(z.string()),
  public_organization_data: z.optional(z.object({ id: z.string(), name: z.string() })),
  status: z.optional(z.string()),
  public_metadata: Metadata,
  url: z.nullable(z.string()),
  expires_at: z.nullable(Ms),
  created_at: Ms,
  updated_at: Ms,
});

export const ClerkFrontendWrappedInvitationsWire = wrapped(list(ClerkFrontendInvitationWire));
export const ClerkFrontendWrappedInvitationWire = wrapped(ClerkFrontendInvitationWire);

export const ClerkFrontendRoleWire = z.object({
  object: z.literal('role'),
  id: z.string(),
  name: z.string(),
  key: z.string().check(z.minLength(1)),
  description: z.string(),
  is_creator_eligible: z.boolean(),
  permissions: z.array(ClerkRolePermissionWire),
  created_at: Ms,
  updated_at: Ms,
});

/** `Client.ClientWrappedRoles`: the spec requires none of these; without `data` there is nothing to show. */
export const ClerkFrontendWrappedRolesWire = wrapped(
  z.object({
    data: z.array(ClerkFrontendRoleWire),
    total_count: z.optional(Count),
    has_role_set_migration: z.optional(z.boolean()),
  }),
);

export type ClerkFrontendAddMemberForm = { user_id: string; role?: string };
export type ClerkFrontendInviteForm = { email_address: string; role?: string; notify?: boolean };
/** `POST …/invitations/bulk`: `email_address` repeated. */
export type ClerkFrontendBulkInviteForm = {
  email_address: string[];
  role?: string;
  notify?: boolean;
};
