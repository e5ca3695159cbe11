import * as z from 'zod/mini';

/** Domain types: what the UI consumes, provider-agnostic. Adapters map wire shapes onto these. */

export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export const JsonValue: z.ZodMiniType<JsonValue> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(JsonValue),
    z.record(z.string(), JsonValue),
  ]),
);
export const JsonObject: z.ZodMiniType<JsonObject> = z.record(z.string(), JsonValue);

export const ProviderKind = z.enum(['permit', 'kinde', 'clerk', 'clerk-frontend', 'numind']);
export type ProviderKind = z.infer<typeof ProviderKind>;

export const OrgMetadata = z.object({
  public: JsonObject,
  /** `null` when the provider does not expose private metadata through this API. */
  private: z.nullable(JsonObject),
});
export type OrgMetadata = z.infer<typeof OrgMetadata>;

/** One field exactly as the provider returned it, for the "every field" overview. */
export const ProviderField = z.object({ key: z.string(), value: JsonValue });
export type ProviderField = z.infer<typeof ProviderField>;

export const Organization = z.object({
  /** The identifier the provider addresses the org by (UUID, `org_…` id or Kinde code). */
  id: z.string().check(z.minLength(1)),
  name: z.string(),
  /** Slug, key or handle, where the provider has one. */
  slug: z.nullable(z.string()),
  createdAt: z.nullable(z.string()),
  updatedAt: z.nullable(z.string()),
  memberCount: z.nullable(z.number().check(z.int(), z.nonnegative())),
  pendingInvitationCount: z.nullable(z.number().check(z.int(), z.nonnegative())),
  imageUrl: z.nullable(z.string()),
  hasImage: z.nullable(z.boolean()),
  /** A second logo for dark backgrounds, where the provider keeps one. */
  imageUrlDark: z.nullable(z.string()),
  metadata: z.nullable(OrgMetadata),
  /** Values of the provider's editable extra fields (see `Capabilities.fields`), keyed by field key. */
  fields: z.record(z.string(), JsonValue),
  /** Everything the provider sent for this org, in its own key names, for display only. */
  details: z.array(ProviderField),
});
export type Organization = z.infer<typeof Organization>;

export const OrgSortField = z.enum(['name', 'createdAt', 'memberCount']);
export type OrgSortField = z.infer<typeof OrgSortField>;

export const SortDirection = z.enum(['asc', 'desc']);
export type SortDirection = z.infer<typeof SortDirection>;

export const OrgSort = z.object({ field: OrgSortField, direction: SortDirection });
export type OrgSort = z.infer<typeof OrgSort>;

export const OrgListParams = z.object({
  /** 1-based page number. */
  page: z.number().check(z.int(), z.minimum(1)),
  pageSize: z.number().check(z.int(), z.minimum(1)),
  search: z.string(),
  sort: z.nullable(OrgSort),
});
export type OrgListParams = z.infer<typeof OrgListParams>;

export interface Page<T> {
  readonly items: readonly T[];
  readonly page: number;
  readonly pageSize: number;
  /** Total matching items, where the provider counts them. */
  readonly total: number | null;
  readonly hasMore: boolean;
}

/** Page `page` (from 1) of a list held whole, with its total. */
export function pageOf<T>(items: readonly T[], page: number, pageSize: number): Page<T> {
  const start = (page - 1) * pageSize;
  return {
    items: items.slice(start, start + pageSize),
    page,
    pageSize,
    total: items.length,
    hasMore: start + pageSize < items.length,
  };
}

export const CreateOrgInput = z.object({
  name: z.string(),
  slug: z.optional(z.string()),
  fields: z.record(z.string(), JsonValue),
});
export type CreateOrgInput = z.infer<typeof CreateOrgInput>;

export const UpdateOrgInput = z.object({
  name: z.optional(z.string()),
  /** `null` removes it, where the provider can (`caps.slug.clearable`). */
  slug: z.optional(z.nullable(z.string())),
  fields: z.optional(z.record(z.string(), JsonValue)),
});
export type UpdateOrgInput = z.infer<typeof UpdateOrgInput>;

/** A credential the provider returns exactly once (Permit's org API key). */
export const OneTimeSecret = z.object({
  label: z.string(),
  id: z.nullable(z.string()),
  value: z.string(),
});
export type OneTimeSecret = z.infer<typeof OneTimeSecret>;

export interface CreateOrgResult {
  readonly organization: Organization;
  readonly oneTimeSecret: OneTimeSecret | null;
}

export const UsagePeriod = z.object({
  label: z.string(),
  month: z.nullable(z.number().check(z.int())),
  year: z.nullable(z.number().check(z.int())),
  mau: z.number().check(z.int(), z.nonnegative()),
  tenants: z.number().check(z.int(), z.nonnegative()),
});
export type UsagePeriod = z.infer<typeof UsagePeriod>;

export const OrgStats = z.object({
  counts: z.array(
    z.object({ label: z.string(), value: z.number().check(z.int(), z.nonnegative()) }),
  ),
  limits: z.object({
    mau: z.nullable(z.number().check(z.int())),
    tenants: z.nullable(z.number().check(z.int())),
    plan: z.nullable(z.string()),
  }),
  usage: z.array(UsagePeriod),
});
export type OrgStats = z.infer<typeof OrgStats>;

export interface MetadataPatch {
  readonly public?: JsonObject;
  readonly private?: JsonObject;
}
