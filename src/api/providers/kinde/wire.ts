import * as z from 'zod/mini';

/**
 * Kinde Management API wire shapes (`kinde-mgmt-api-specs.yaml`). The spec marks no response
 * field required, so everything but the org `code` (without which nothing can be addressed)
 * is optional; nullable fields are `z.nullish()`.
 */

/** `{raw, hex, hsl}` as the GET response sends a brand colour. */
export const KindeColorWire = z.object({
  raw: z.nullish(z.string()),
  hex: z.nullish(z.string()),
  hsl: z.nullish(z.string()),
});
export type KindeColorWire = z.infer<typeof KindeColorWire>;

/** `organization_item_schema`: one row of `GET /api/v1/organizations`. */
export const KindeOrganizationItemWire = z.object({
  code: z.string().check(z.minLength(1)),
  name: z.nullish(z.string()),
  handle: z.nullish(z.string()),
  is_default: z.nullish(z.boolean()),
  external_id: z.nullish(z.string()),
  is_auto_membership_enabled: z.nullish(z.boolean()),
});
export type KindeOrganizationItemWire = z.infer<typeof KindeOrganizationItemWire>;

/** `get_organizations_response`. */
export const KindeOrganizationListWire = z.object({
  code: z.nullish(z.string()),
  message: z.nullish(z.string()),
  organizations: z.nullish(z.array(KindeOrganizationItemWire)),
  /** End of the list when missing, null or "" (which one Kinde sends is unconfirmed). */
  next_token: z.nullish(z.string()),
});

const KindeBillingWire = z.object({
  billing_customer_id: z.nullish(z.string()),
  agreements: z.nullish(
    z.array(z.object({ plan_code: z.nullish(z.string()), agreement_id: z.nullish(z.string()) })),
  ),
});

/** `get_organization_response`: flat, no `{code, message}` wrapper; `code` is the org code. */
export const KindeOrganizationWire = z.extend(KindeOrganizationItemWire, {
  logo: z.nullish(z.string()),
  logo_dark: z.nullish(z.string()),
  favicon_svg: z.nullish(z.string()),
  favicon_fallback: z.nullish(z.string()),
  allowed_domains: z.nullish(z.array(z.string())),
  link_color: z.nullish(KindeColorWire),
  background_color: z.nullish(KindeColorWire),
  button_color: z.nullish(KindeColorWire),
  button_text_color: z.nullish(KindeColorWire),
  link_color_dark: z.nullish(KindeColorWire),
  background_color_dark: z.nullish(KindeColorWire),
  button_text_color_dark: z.nullish(KindeColorWire),
  button_color_dark: z.nullish(KindeColorWire),
  button_border_radius: z.nullish(z.number()),
  card_border_radius: z.nullish(z.number()),
  input_border_radius: z.nullish(z.number()),
  // Enums in the spec; kept as strings so a new value does not break the console.
  theme_code: z.nullish(z.string()),
  color_scheme: z.nullish(z.string()),
  created_on: z.nullish(z.string()),
  is_allow_registrations: z.nullish(z.boolean()),
  sender_name: z.nullish(z.string()),
  sender_email: z.nullish(z.string()),
  is_suspended: z.nullish(z.boolean()),
  suspended_on: z.nullish(z.string()),
  billing: z.nullish(KindeBillingWire),
});
export type KindeOrganizationWire = z.infer<typeof KindeOrganizationWire>;

/** `create_organization_response`: only the new org's code. */
export const KindeCreateOrganizationWire = z.object({
  code: z.nullish(z.string()),
  message: z.nullish(z.string()),
  organization: z.object({
    code: z.string().check(z.minLength(1)),
    billing_customer_id: z.nullish(z.string()),
  }),
});

/** `success_response` (update and delete). */
export const KindeSuccessWire = z.object({
  code: z.nullish(z.string()),
  message: z.nullish(z.string()),
});

const KindeErrorItemWire = z.object({
  code: z.nullish(z.string()),
  message: z.nullish(z.string()),
  field: z.nullish(z.string()),
});
export type KindeErrorItemWire = z.infer<typeof KindeErrorItemWire>;

/** `error_response` (`errors` is an array) or `not_found_response` (`errors` is one object). */
export const KindeErrorWire = z.object({
  errors: z.union([z.array(KindeErrorItemWire), KindeErrorItemWire]),
});

export const KINDE_COLOR_KEYS = [
  'background_color',
  'button_color',
  'button_text_color',
  'link_color',
  'background_color_dark',
  'button_color_dark',
  'button_text_color_dark',
  'link_color_dark',
] as const;
export type KindeColorKey = (typeof KINDE_COLOR_KEYS)[number];

/** `POST /api/v1/organization` body, as Orgdeck sends it (only fields it edits). */
export interface KindeCreateOrganizationRequest extends Partial<Record<KindeColorKey, string>> {
  name: string;
  handle?: string;
  external_id?: string;
  theme_code?: string;
  is_auto_membership_enabled?: boolean;
  sender_name?: string;
  sender_email?: string;
}

/** `PATCH /api/v1/organization/{org_code}` body: every field optional. */
export interface KindeUpdateOrganizationRequest extends Partial<
  Omit<KindeCreateOrganizationRequest, 'name'>
> {
  name?: string;
  allowed_domains?: string[];
  is_suspended?: boolean;
}
