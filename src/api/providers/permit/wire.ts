import { z } from 'zod';

/** Permit.io v2 wire shapes, as sent (`permit-python` models generated from the v2 spec). */

export const PermitUsageLimitsWire = z.object({
  mau: z.number().int(),
  tenants: z.number().int(),
  billing_tier: z.string(),
});

export const PermitOrganizationWire = z.object({
  key: z.string(),
  id: z.string(),
  is_enterprise: z.boolean(),
  usage_limits: PermitUsageLimitsWire.optional(),
  created_at: z.string(),
  updated_at: z.string(),
  name: z.string(),
  settings: z.record(z.string(), z.unknown()).nullish(),
});
export type PermitOrganizationWire = z.infer<typeof PermitOrganizationWire>;

export const PermitOrganizationListWire = z.array(PermitOrganizationWire);

export const PermitOrganizationWithApiKeyWire = PermitOrganizationWire.extend({
  api_key_id: z.string().nullish(),
  api_key_secret: z.string().nullish(),
});

export const PermitMonthlyUsageWire = z.object({
  mau: z.number().int().default(0),
  tenants: z.number().int().default(0),
  monthly_tenants: z.array(z.string()).default([]),
  month: z.number().int().default(0),
  year: z.number().int().default(0),
});

export const PermitOrganizationStatsWire = PermitOrganizationWire.extend({
  stats: z.object({
    projects: z.number().int().nonnegative(),
    environments: z.number().int().nonnegative(),
    users: z.number().int().nonnegative(),
  }),
  historical_usage: z.object({
    current_month: PermitMonthlyUsageWire.nullish(),
    previous_month: PermitMonthlyUsageWire.nullish(),
    two_months_ago: PermitMonthlyUsageWire.nullish(),
  }),
});
export type PermitOrganizationStatsWire = z.infer<typeof PermitOrganizationStatsWire>;

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
  id: z.string().optional(),
  title: z.string().optional(),
  error_code: z.string().optional(),
  message: z.string().optional(),
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
