import type { Capabilities } from './capabilities';
import type {
  AccessGrant,
  AddMemberInput,
  BulkOutcome,
  EffectivePermission,
  FeatureFlag,
  FlagValue,
  Permission,
  RoleRef,
  Invitation,
  InvitationListParams,
  InvitationStatus,
  InviteInput,
  InviteOutcome,
  Member,
  MemberListParams,
  Role,
  User,
  UserSearchParams,
} from './people';
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

export type LogoVariant = 'light' | 'dark';

export interface LogoApi {
  /** Uploads the logo; `variant` picks light or dark where the provider keeps both. */
  upload(
    orgId: string,
    file: Blob,
    fileName: string,
    options?: RequestOptions & {
      readonly variant?: LogoVariant;
      readonly onUploadProgress?: (sent: number, total: number) => void;
    },
  ): Promise<Organization | null>;
  remove(
    orgId: string,
    options?: RequestOptions & { readonly variant?: LogoVariant },
  ): Promise<void>;
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
  readonly members?: MembersApi;
  readonly invitations?: InvitationsApi;
  readonly users?: UsersApi;
  readonly roles?: RolesApi;
  readonly access?: AccessApi;
  readonly permissions?: PermissionsApi;
  readonly featureFlags?: FeatureFlagsApi;
}

export interface MembersApi {
  list(orgId: string, params: MemberListParams, options?: RequestOptions): Promise<Page<Member>>;
  /** Every member up to a safety limit, for browser-side search/filter and duplicate checks. */
  listAll(
    orgId: string,
    options?: RequestOptions,
  ): Promise<{ readonly items: readonly Member[]; readonly complete: boolean }>;
  add?(orgId: string, input: AddMemberInput, options?: RequestOptions): Promise<void>;
  /**
   * Adds several users in as few requests as `capabilities.people.members.bulkAdd` allows, with
   * one outcome per input, in input order. Never rejects for one user's failure.
   */
  addMany?(
    orgId: string,
    inputs: readonly AddMemberInput[],
    options?: RequestOptions,
  ): Promise<readonly BulkOutcome[]>;
  remove?(orgId: string, userId: string, options?: RequestOptions): Promise<void>;
  /** Sets the member's role(s) to exactly these keys. */
  setRoles?(
    orgId: string,
    userId: string,
    roles: readonly string[],
    options?: RequestOptions,
  ): Promise<void>;
}

export interface InvitationsApi {
  list(
    orgId: string,
    params: InvitationListParams,
    options?: RequestOptions,
  ): Promise<Page<Invitation>>;
  listAll(
    orgId: string,
    statuses: readonly InvitationStatus[],
    options?: RequestOptions,
  ): Promise<{ readonly items: readonly Invitation[]; readonly complete: boolean }>;
  /** Returns the invitation where the provider answers with it, otherwise null. */
  create(orgId: string, input: InviteInput, options?: RequestOptions): Promise<Invitation | null>;
  /**
   * Where `capabilities.people.invitations.bulk` is declared: invites up to `bulk.max` people in
   * one call. Rejects when the call fails as a whole (then none was invited, e.g. a malformed
   * address or more than `bulk.max`). Otherwise resolves with one outcome per input, in input
   * order: an all-or-nothing provider (Clerk) answers every address ok; one that answers per
   * address (Permit) gives each its own invitation or refusal, so one bad address does not
   * hold back the others.
   */
  createMany?(
    orgId: string,
    inputs: readonly InviteInput[],
    options?: RequestOptions,
  ): Promise<readonly InviteOutcome[]>;
  revoke?(orgId: string, invitationId: string, options?: RequestOptions): Promise<void>;
  /** Where `capabilities.people.invitations.resend === 'native'`. */
  resend?(
    orgId: string,
    invitation: Invitation,
    options?: RequestOptions,
  ): Promise<Invitation | null>;
}

export interface UsersApi {
  search(params: UserSearchParams, options?: RequestOptions): Promise<readonly User[]>;
  /** The orgs a user belongs to, to jump from an email to the member's org. */
  organizationsOf?(
    userId: string,
    options?: RequestOptions,
  ): Promise<readonly { readonly id: string; readonly name: string | null }[]>;
}

export interface AccessApi {
  roles(orgId: string, userId: string, options?: RequestOptions): Promise<readonly RoleRef[]>;
  addRole?(orgId: string, userId: string, roleKey: string, options?: RequestOptions): Promise<void>;
  removeRole?(
    orgId: string,
    userId: string,
    roleKey: string,
    options?: RequestOptions,
  ): Promise<void>;
  /** Effective permissions, each with where it comes from where `permissionSources`. */
  permissions?(
    orgId: string,
    userId: string,
    options?: RequestOptions,
  ): Promise<readonly EffectivePermission[]>;
  addPermission?(
    orgId: string,
    userId: string,
    permissionKey: string,
    options?: RequestOptions,
  ): Promise<void>;
  removePermission?(
    orgId: string,
    userId: string,
    permissionKey: string,
    options?: RequestOptions,
  ): Promise<void>;
  /**
   * Gives each member the roles and permissions listed (added to what they hold), in as few
   * requests as `capabilities.access.bulkGrant` allows; one outcome per grant, in order.
   */
  grantMany?(
    orgId: string,
    grants: readonly AccessGrant[],
    options?: RequestOptions,
  ): Promise<readonly BulkOutcome[]>;
}

export interface PermissionsApi {
  /** The permission catalogue, for pickers. */
  list(options?: RequestOptions): Promise<readonly Permission[]>;
}

export interface FeatureFlagsApi {
  list(orgId: string, options?: RequestOptions): Promise<readonly FeatureFlag[]>;
  /** Overrides the flag for this org. */
  set(orgId: string, key: string, value: FlagValue, options?: RequestOptions): Promise<void>;
  reset?(orgId: string, key: string, options?: RequestOptions): Promise<void>;
  resetAll?(orgId: string, options?: RequestOptions): Promise<void>;
}

export interface RolesApi {
  /** The roles members and invitations can be given (in this org, where that matters). */
  list(orgId: string, options?: RequestOptions): Promise<readonly Role[]>;
}
