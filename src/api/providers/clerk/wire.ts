import * as z from 'zod/mini';

/**
 * Clerk wire shapes (`/work/shared/providers/clerk-backend.md`, spec `clerk-bapi-2026-05-12.yaml`).
 * What the spec marks required stays required. The base organization is shared with the
 * Frontend API adapter, whose `Client.Organization` has the same required fields.
 */

const Metadata = z.record(z.string(), z.unknown());

export const ClerkOrganizationBaseWire = z.object({
  object: z.literal('organization'),
  id: z.string().check(z.minLength(1)),
  name: z.string(),
  slug: z.string(),
  image_url: z.optional(z.string()),
  has_image: z.boolean(),
  members_count: z.optional(z.number().check(z.int(), z.nonnegative())),
  pending_invitations_count: z.optional(z.number().check(z.int(), z.nonnegative())),
  max_allowed_memberships: z.number().check(z.int()),
  admin_delete_enabled: z.boolean(),
  public_metadata: Metadata,
  created_at: z.number().check(z.int()),
  updated_at: z.number().check(z.int()),
});
export type ClerkOrganizationBaseWire = z.infer<typeof ClerkOrganizationBaseWire>;

/** BAPI `Organization`. */
export const ClerkOrganizationWire = z.extend(ClerkOrganizationBaseWire, {
  missing_member_with_elevated_permissions: z.optional(z.boolean()),
  private_metadata: z.optional(Metadata),
  created_by: z.optional(z.string()),
  last_active_at: z.optional(z.number().check(z.int())),
  role_set_key: z.nullish(z.string()),
});
export type ClerkOrganizationWire = z.infer<typeof ClerkOrganizationWire>;

/** BAPI `OrganizationWithLogo`: `image_url` becomes required, plus the deprecated `logo_url`. */
export const ClerkOrganizationWithLogoWire = z.extend(ClerkOrganizationWire, {
  image_url: z.string(),
  logo_url: z.optional(z.string()),
});

/** BAPI `Organizations`. */
export const ClerkOrganizationListWire = z.object({
  data: z.array(ClerkOrganizationWire),
  total_count: z.number().check(z.int(), z.nonnegative()),
});

export const ClerkDeletedObjectWire = z.object({
  object: z.string(),
  id: z.optional(z.string()),
  slug: z.optional(z.string()),
  deleted: z.boolean(),
});

export const ClerkErrorWire = z.object({
  message: z.string(),
  long_message: z.string(),
  code: z.string(),
  meta: z.optional(z.object({ param_name: z.optional(z.string()) })),
});

/** `ClerkErrors`: the error body of both Clerk APIs. */
export const ClerkErrorsWire = z.object({
  errors: z.array(ClerkErrorWire),
  clerk_trace_id: z.optional(z.string()),
});
export type ClerkErrorsWire = z.infer<typeof ClerkErrorsWire>;

export interface ClerkCreateOrganizationWire {
  name: string;
  slug?: string;
  max_allowed_memberships?: number;
  created_by?: string;
}

/** 2026-05-12 refuses metadata here; the `/metadata` endpoints carry it. */
export interface ClerkUpdateOrganizationWire {
  name?: string;
  slug?: string;
  max_allowed_memberships?: number;
  admin_delete_enabled?: boolean;
}

export interface ClerkMetadataWire {
  public_metadata?: Record<string, unknown>;
  private_metadata?: Record<string, unknown>;
}
