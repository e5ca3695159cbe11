import type { Capabilities } from './capabilities';
import type {
  CreateOrgInput,
  CreateOrgResult,
  MetadataPatch,
  Organization,
  OrgListParams,
  OrgStats,
  Page,
  ProviderKind,
  UpdateOrgInput,
} from './domain';

export interface RequestOptions {
  readonly signal?: AbortSignal | undefined;
}

export interface AllOrganizations {
  readonly items: readonly Organization[];
  /** False when the provider had more than Orgdeck was willing to load. */
  readonly complete: boolean;
}

export interface OrganizationsApi {
  /** One page, with the provider's own paging, search and sort where it has them. */
  list(params: OrgListParams, options?: RequestOptions): Promise<Page<Organization>>;
  /** Every org up to a safety limit, for search and sort the provider cannot do itself. */
  listAll(options?: RequestOptions): Promise<AllOrganizations>;
  /** By id, or by slug where `capabilities.slug.lookup` is true. */
  get(ref: string, options?: RequestOptions): Promise<Organization>;
  create(input: CreateOrgInput, options?: RequestOptions): Promise<CreateOrgResult>;
  update(id: string, input: UpdateOrgInput, options?: RequestOptions): Promise<Organization>;
  delete(id: string, options?: RequestOptions): Promise<void>;
}

export interface ActiveOrganizationApi {
  get(options?: RequestOptions): Promise<Organization>;
}

export interface StatsApi {
  get(orgId: string, options?: RequestOptions): Promise<OrgStats>;
}

export interface MetadataApi {
  /** Deep merge: nested objects merge, `null` removes a key. Returns the updated org. */
  merge(orgId: string, patch: MetadataPatch, options?: RequestOptions): Promise<Organization>;
  /** Replaces each supplied object whole, where `capabilities.metadata.replace`. */
  replace?(orgId: string, patch: MetadataPatch, options?: RequestOptions): Promise<Organization>;
}

export interface LogoApi {
  upload(
    orgId: string,
    file: Blob,
    fileName: string,
    options?: RequestOptions,
  ): Promise<Organization>;
  remove(orgId: string, options?: RequestOptions): Promise<void>;
}

/**
 * One interface over every provider. Optional groups are present exactly when the matching
 * capability is declared.
 */
export interface OrgAdminApi {
  readonly provider: ProviderKind;
  readonly capabilities: Capabilities;
  readonly organizations: OrganizationsApi;
  readonly activeOrganization?: ActiveOrganizationApi;
  readonly stats?: StatsApi;
  readonly metadata?: MetadataApi;
  readonly logo?: LogoApi;
}
