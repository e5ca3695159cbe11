import { z } from 'zod';

/** Domain types: what the UI consumes, provider-agnostic. Adapters map wire shapes onto these. */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export const JsonValue: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(JsonValue),
    z.record(z.string(), JsonValue),
  ]),
);
export const JsonObject: z.ZodType<JsonObject> = z.record(z.string(), JsonValue);

export const ProviderKind = z.enum(['permit', 'kinde', 'clerk', 'clerk-frontend', 'numind']);
export type ProviderKind = z.infer<typeof ProviderKind>;

export const OrgMetadata = z.object({
  public: JsonObject,
  /** `null` when the provider does not expose private metadata through this API. */
  private: JsonObject.nullable(),
});
export type OrgMetadata = z.infer<typeof OrgMetadata>;

/** One field exactly as the provider returned it, for the "every field" overview. */
export const ProviderField = z.object({ key: z.string(), value: JsonValue });
export type ProviderField = z.infer<typeof ProviderField>;

export const Organization = z.object({
  /** The identifier the provider addresses the org by (UUID, `org_…` id or Kinde code). */
  id: z.string().min(1),
  name: z.string(),
  /** Slug, key or handle, where the provider has one. */
  slug: z.string().nullable(),
  createdAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  memberCount: z.number().int().nonnegative().nullable(),
  pendingInvitationCount: z.number().int().nonnegative().nullable(),
  imageUrl: z.string().nullable(),
  hasImage: z.boolean().nullable(),
  metadata: OrgMetadata.nullable(),
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
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
  search: z.string(),
  sort: OrgSort.nullable(),
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

export const CreateOrgInput = z.object({
  name: z.string(),
  slug: z.string().optional(),
  fields: z.record(z.string(), JsonValue),
});
export type CreateOrgInput = z.infer<typeof CreateOrgInput>;

export const UpdateOrgInput = z.object({
  name: z.string().optional(),
  slug: z.string().optional(),
  fields: z.record(z.string(), JsonValue).optional(),
});
export type UpdateOrgInput = z.infer<typeof UpdateOrgInput>;

/** A credential the provider returns exactly once (Permit's org API key). */
export const OneTimeSecret = z.object({
  label: z.string(),
  id: z.string().nullable(),
  value: z.string(),
});
export type OneTimeSecret = z.infer<typeof OneTimeSecret>;

export interface CreateOrgResult {
  readonly organization: Organization;
  readonly oneTimeSecret: OneTimeSecret | null;
}

export const UsagePeriod = z.object({
  label: z.string(),
  month: z.number().int().nullable(),
  year: z.number().int().nullable(),
  mau: z.number().int().nonnegative(),
  tenants: z.number().int().nonnegative(),
});
export type UsagePeriod = z.infer<typeof UsagePeriod>;

export const OrgStats = z.object({
  counts: z.array(z.object({ label: z.string(), value: z.number().int().nonnegative() })),
  limits: z.object({
    mau: z.number().int().nullable(),
    tenants: z.number().int().nullable(),
    plan: z.string().nullable(),
  }),
  usage: z.array(UsagePeriod),
});
export type OrgStats = z.infer<typeof OrgStats>;

export interface MetadataPatch {
  readonly public?: JsonObject;
  readonly private?: JsonObject;
}
