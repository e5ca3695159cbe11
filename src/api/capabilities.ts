import type { OrgSort, OrgSortField, ProviderKind } from './domain';

/**
 * What a provider can do, declared by its adapter. Pages decide what to show from these,
 * never from a provider's name. Plain data (no zod, no functions) so the gateway can serve a
 * summary of it and the SPA can read it before an adapter is loaded.
 */

export type PaginationStyle = 'offset' | 'page' | 'cursor' | 'none';

export type OrgColumn = 'slug' | 'createdAt' | 'memberCount' | 'logo';

export interface OrgListCapabilities {
  readonly pagination: PaginationStyle;
  /** Whether the provider returns a total count with a page. */
  readonly total: boolean;
  readonly defaultPageSize: number;
  readonly maxPageSize: number;
  /** `server`: the provider filters; `client`: Orgdeck loads the orgs and filters in the browser. */
  readonly search: 'server' | 'client';
  /** What the server search matches, shown as the search box's hint. */
  readonly searchHint: string;
  /** Fields the provider can sort by. Others are sorted in the browser over loaded orgs. */
  readonly serverSortFields: readonly OrgSortField[];
  /** Fields the list can be sorted by at all (server or browser). */
  readonly sortFields: readonly OrgSortField[];
  /** The provider's own order when no sort is chosen. */
  readonly defaultOrder: OrgSort | null;
  readonly columns: readonly OrgColumn[];
  /** Whose organizations the list shows, when it is not "all of them". */
  readonly scope: string | null;
}

export interface TextRules {
  readonly required: boolean;
  readonly maxLength: number | null;
  /** A JavaScript regular expression source the whole value must match. */
  readonly pattern: string | null;
  readonly patternMessage: string | null;
  /** Clerk: names may not contain URLs or HTML. */
  readonly forbidUrlsAndHtml: boolean;
}

export interface SlugCapabilities extends TextRules {
  /** What the provider calls it: Key, Slug, Handle. */
  readonly label: string;
  readonly onCreate: boolean;
  readonly editable: boolean;
  /** The org can be opened by this value as well as by its id. */
  readonly lookup: boolean;
  /** Help shown under the input. */
  readonly help: string;
  /** Whether the provider derives one from the name when none is given. */
  readonly derivedFromName: boolean;
  /** Whether an org's value can be removed once set (Kinde clears a handle; Clerk keeps a slug). */
  readonly clearable: boolean;
}

/** `list`: several strings, typed comma-separated. */
export type OrgFieldType =
  'text' | 'email' | 'number' | 'boolean' | 'json' | 'select' | 'color' | 'list';

export interface OrgFieldSpec {
  readonly key: string;
  readonly label: string;
  readonly type: OrgFieldType;
  readonly help?: string;
  readonly options?: readonly { readonly value: string; readonly label: string }[];
  readonly onCreate: boolean;
  readonly onUpdate: boolean;
  readonly min?: number;
  readonly max?: number;
  readonly maxLength?: number;
  /** What 0 means for a number field where it is not a count, shown instead of 0 ("No limit"). */
  readonly zeroMeans?: string;
}

export interface MetadataCapabilities {
  readonly merge: boolean;
  readonly replace: boolean;
  readonly privateMetadata: boolean;
  readonly editable: boolean;
}

export interface LogoCapabilities {
  readonly contentTypes: readonly string[];
  readonly maxBytes: number;
  readonly variants: readonly ('default' | 'light' | 'dark')[];
  readonly removable: boolean;
}

export interface Capabilities {
  readonly provider: ProviderKind;
  readonly displayName: string;
  /** What the provider calls an org's identifier: ID, Code. */
  readonly idLabel: string;
  readonly name: TextRules;
  readonly slug: SlugCapabilities | null;
  readonly fields: readonly OrgFieldSpec[];
  readonly list: OrgListCapabilities;
  readonly create: boolean;
  readonly update: boolean;
  readonly delete: boolean;
  /** What deleting an org does at this provider, stated in the confirmation. */
  readonly deleteConsequence: string;
  readonly createReturnsSecret: boolean;
  readonly activeOrganization: boolean;
  readonly stats: boolean;
  readonly metadata: MetadataCapabilities | null;
  readonly logo: LogoCapabilities | null;
  readonly people: PeopleCapabilities;
  /** Reading and changing a member's roles and permissions, one member at a time. */
  readonly access: AccessCapabilities | null;
  readonly featureFlags: FeatureFlagCapabilities | null;
}

export type MemberSortFieldCap = 'name' | 'email' | 'joinedAt';

export interface MemberCapabilities {
  readonly pagination: PaginationStyle;
  readonly total: boolean;
  readonly defaultPageSize: number;
  readonly maxPageSize: number;
  /** `server`: the provider filters by text; `client`: Orgdeck filters loaded members. */
  readonly search: 'server' | 'client';
  readonly searchHint: string;
  /** Filtering by role: by the provider, in the browser, or not at all. */
  readonly roleFilter: 'server' | 'client' | null;
  readonly serverSortFields: readonly MemberSortFieldCap[];
  readonly sortFields: readonly MemberSortFieldCap[];
  /** Filtering by a permission key, by the provider; absent where it cannot. */
  readonly permissionFilter?: 'server';
  /** Adding existing users. */
  readonly add: boolean;
  /**
   * Adding several users in one request (`members.addMany`), at most `maxPerRequest` each
   * (more are sent in several requests); absent where users are added one at a time.
   */
  readonly bulkAdd?: BulkRequestLimits;
  readonly remove: boolean;
  /** Changing a member's role(s) in place. */
  readonly changeRole: boolean;
  /** Members hold several roles (Kinde) or exactly one (Clerk). */
  readonly multipleRoles: boolean;
  /** Whether a role must be chosen when adding. */
  readonly roleRequiredOnAdd: boolean;
  /** What removing a member does at this provider, stated in the confirmation. */
  readonly removeConsequence: string;
}

export type InvitationStatusFilter = 'exact' | 'one' | 'plus-pending';

export interface InvitationCapabilities {
  readonly pagination: PaginationStyle;
  readonly total: boolean;
  readonly defaultPageSize: number;
  readonly maxPageSize: number;
  /** Statuses the provider keeps and can filter by; `['pending']` when it lists only pending ones. */
  readonly statuses: readonly ('pending' | 'accepted' | 'revoked' | 'expired' | 'failed')[];
  /**
   * What the provider's list holds for the statuses asked (no statuses: its default):
   * `exact`: those statuses only;
   * `one`: that status when one is asked, every status when several are (one filter a call);
   * `plus-pending`: those statuses and, always, the pending ones.
   * The data layer filters where the answer can hold more than was asked.
   */
  readonly statusFilter: InvitationStatusFilter;
  /** Role on invite: one role, several, or none at all. */
  readonly roles: 'single' | 'multiple' | null;
  readonly roleRequired: boolean;
  /**
   * The role key the provider gives an invitation sent without one (Permit: `admin`), so the
   * picker can say so; null where a role is required, none is taken, or the default is unknown.
   */
  readonly defaultRole: string | null;
  readonly names: boolean;
  readonly sendEmailOption: boolean;
  readonly expiryOption: boolean;
  /** Whether invitations carry an expiry date. */
  readonly expires: boolean;
  /** Whether invitations carry an accept link to copy. */
  readonly link: boolean;
  /** `native`: the provider resends; `recreate`: revoke then invite again (the docs describe it); null: no resend. */
  readonly resend: 'native' | 'recreate' | null;
  readonly revoke: boolean;
  /**
   * Inviting several people in one call (`InvitationsApi.createMany`): at most `max` a call, with
   * an outcome per address; `sameRole` where one call gives everyone the same role and options.
   * Null: one by one.
   */
  readonly bulk: { readonly max: number; readonly sameRole: boolean } | null;
  /** Whether an invitation can name who sends it (`InviteInput.inviterUserId`, an org admin). */
  readonly inviter: boolean;
  /** The provider's invite rate limit or caps worth telling the user, if any. */
  readonly limitsNote: string | null;
  /**
   * The org field (`Organization.fields`) holding the limit `limitsNote` speaks of, where 0 means
   * no limit: the note is shown only when that org has a limit.
   */
  readonly limitsNoteField?: string;
}

export interface PeopleCapabilities {
  readonly members: MemberCapabilities | null;
  readonly invitations: InvitationCapabilities | null;
  /** Searching the provider's users, to pick who to add. */
  readonly userSearch: boolean;
  /** A catalogue of roles to pick from. */
  readonly roleCatalogue: boolean;
  /** Finding the orgs a user belongs to (jump from an email to the member). */
  readonly userOrganizations: boolean;
}

export interface AccessCapabilities {
  /** A member's roles can be read one member at a time / changed role by role. */
  readonly roles: 'editable' | 'readonly';
  /** A member's permissions: none, read-only (from their roles), or grantable directly. */
  readonly permissions: 'editable' | 'readonly' | null;
  /** Whether each permission says which role (or a direct grant) gives it. */
  readonly permissionSources: boolean;
  /** A catalogue of permissions to pick from. */
  readonly permissionCatalogue: boolean;
  /**
   * Giving roles and permissions to many members in one request (`access.grantMany`); absent
   * where each member is changed on their own.
   */
  readonly bulkGrant?: BulkRequestLimits;
}

export interface BulkRequestLimits {
  /** The most users one request may carry. */
  readonly maxPerRequest: number;
}

export interface FeatureFlagCapabilities {
  readonly types: readonly ('boolean' | 'string' | 'integer' | 'json')[];
  /** Whether the provider gives each flag's environment default. */
  readonly defaults: boolean;
  readonly resetOne: boolean;
  readonly resetAll: boolean;
}
