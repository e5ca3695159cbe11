import * as z from 'zod/mini';

/** Permit.io v2 wire shapes, as sent (`permit-python` models generated from the v2 spec). */

export const PermitUsageLimitsWire = z.object({
  mau: z.number().check(z.int()),
  tenants: z.number().check(z.int()),
  billing_tier: z.string(),
});

export const PermitOrganizationWire = z.object({
  key: z.string(),
  id: z.string(),
  is_enterprise: z.boolean(),
  usage_limits: z.optional(PermitUsageLimitsWire),
  created_at: z.string(),
  updated_at: z.string(),
  name: z.string(),
  settings: z.nullish(z.record(z.string(), z.unknown())),
});
export type PermitOrganizationWire = z.infer<typeof PermitOrganizationWire>;

export const PermitOrganizationListWire = z.array(PermitOrganizationWire);

export const PermitOrganizationWithApiKeyWire = z.extend(PermitOrganizationWire, {
  api_key_id: z.nullish(z.string()),
  api_key_secret: z.nullish(z.string()),
});

export const PermitMonthlyUsageWire = z.object({
  mau: z._default(z.number().check(z.int()), 0),
  tenants: z._default(z.number().check(z.int()), 0),
  monthly_tenants: z._default(z.array(z.string()), []),
  month: z._default(z.number().check(z.int()), 0),
  year: z._default(z.number().check(z.int()), 0),
});

export const PermitOrganizationStatsWire = z.extend(PermitOrganizationWire, {
  stats: z.object({
    projects: z.number().check(z.int(), z.nonnegative()),
    environments: z.number().check(z.int(), z.nonnegative()),
    users: z.number().check(z.int(), z.nonnegative()),
  }),
  historical_usage: z.object({
    current_month: z.nullish(PermitMonthlyUsageWire),
    previous_month: z.nullish(PermitMonthlyUsageWire),
    two_months_ago: z.nullish(PermitMonthlyUsageWire),
  }),
});
export type PermitOrganizationStatsWire = z.infer<typeof PermitOrganizationStatsWire>;

/** `MemberAccessLevel`: the fixed roles an invite can grant. */
export const PERMIT_ACCESS_LEVELS = ['admin', 'write', 'read', 'no_access'] as const;

/** `InviteRead`: the `InviteCreate` fields plus what Permit adds. */
export const PermitInviteWire = z.object({
  member_id: z.nullish(z.string()),
  email: z.string(),
  // `MemberAccessLevel`, read as a string so a new level does not break the list.
  role: z._default(z.string(), 'admin'),
  id: z.string().check(z.minLength(1)),
  organization_id: z.string(),
  invite_code: z.string(),
  created_at: z.string(),
  status: z.enum(['pending', 'accepted', 'failed', 'canceled']),
  failed_reason: z.nullish(z.string()),
});
export type PermitInviteWire = z.infer<typeof PermitInviteWire>;

/** `GET /v2/orgs/{org_id}/invites`: a bare array, no total. */
export const PermitInviteListWire = z.array(PermitInviteWire);

/** `FailedInvite`. */
export const PermitFailedInviteWire = z.object({ email: z.string(), reason: z.string() });
export type PermitFailedInviteWire = z.infer<typeof PermitFailedInviteWire>;

/** `MultiInviteResult`: the answer to a bulk invite, per email. */
export const PermitMultiInviteResultWire = z.object({
  success: z.array(PermitInviteWire),
  failed: z._default(z.array(PermitFailedInviteWire), []),
});

export const PermitValidationErrorWire = z.object({
  detail: z.array(
    z.object({
      loc: z.array(z.union([z.string(), z.number()])),
      msg: z.string(),
      type: z.string(),
    }),
  ),
});

export const PermitErrorDetailsWire = z.object({
  id: z.optional(z.string()),
  title: z.optional(z.string()),
  error_code: z.optional(z.string()),
  message: z.optional(z.string()),
});

export interface PermitOrganizationCreateWire {
  key: string;
  name: string;
  settings?: Record<string, unknown>;
}

export interface PermitOrganizationUpdateWire {
  name?: string;
  settings?: Record<string, unknown>;
}

/** `InviteCreate`: one element of the array `POST …/invites` takes. */
export interface PermitInviteCreateWire {
  email: string;
  role?: string;
}
