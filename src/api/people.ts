import * as z from 'zod/mini';
import { ProviderField, type JsonValue } from './domain';

/**
 * Domain types for the people side of an org: members, invitations, the users a member can be
 * picked from, and the roles they hold. Provider-agnostic; adapters map wire shapes onto these.
 */

export const RoleRef = z.object({
  /** What the provider addresses the role by in member and invitation calls (Clerk `org:admin`, Kinde key). */
  key: z.string(),
  name: z.string(),
});
export type RoleRef = z.infer<typeof RoleRef>;

export const Role = z.object({
  key: z.string(),
  name: z.string(),
  description: z.nullable(z.string()),
  /** The provider's own id where it differs from the key (Kinde role ids). */
  id: z.nullable(z.string()),
});
export type Role = z.infer<typeof Role>;

export const Member = z.object({
  /** The user's id: what member calls (remove, change role) address. */
  userId: z.string(),
  /** The membership's own id where the provider has one (Clerk `orgmem_…`). */
  membershipId: z.nullable(z.string()),
  name: z.nullable(z.string()),
  email: z.nullable(z.string()),
  imageUrl: z.nullable(z.string()),
  roles: z.array(RoleRef),
  joinedAt: z.nullable(z.string()),
  details: z.array(ProviderField),
});
export type Member = z.infer<typeof Member>;

export const InvitationStatus = z.enum(['pending', 'accepted', 'revoked', 'expired', 'failed']);
export type InvitationStatus = z.infer<typeof InvitationStatus>;

export const Invitation = z.object({
  /** What revoke/resend address (Clerk `orginv_…`, Kinde invite code, NuMind and Permit ids). */
  id: z.string(),
  email: z.string(),
  roles: z.array(RoleRef),
  status: InvitationStatus,
  /** Who sent it (name or email or id), where the provider says. */
  invitedBy: z.nullable(z.string()),
  createdAt: z.nullable(z.string()),
  expiresAt: z.nullable(z.string()),
  /** The accept link, where the provider returns one. */
  url: z.nullable(z.string()),
  details: z.array(ProviderField),
});
export type Invitation = z.infer<typeof Invitation>;

export const User = z.object({
  id: z.string(),
  name: z.nullable(z.string()),
  email: z.nullable(z.string()),
  imageUrl: z.nullable(z.string()),
});
export type User = z.infer<typeof User>;

export type MemberSortField = 'name' | 'email' | 'joinedAt';

export interface MemberListParams {
  /** 1-based. */
  readonly page: number;
  readonly pageSize: number;
  readonly search: string;
  /** Only members holding this role key. */
  readonly role: string | null;
  /** Only members holding this permission key, where `members.permissionFilter` is declared. */
  readonly permission?: string | null;
  readonly sort: { readonly field: MemberSortField; readonly direction: 'asc' | 'desc' } | null;
}

export interface InvitationListParams {
  readonly page: number;
  readonly pageSize: number;
  /** Statuses to include; empty means the provider's default (pending). */
  readonly statuses: readonly InvitationStatus[];
}

export interface AddMemberInput {
  readonly userId: string;
  /** Role keys; providers with one role per member take the first. */
  readonly roles: readonly string[];
}

/** One user's result in a call that changes several users at once. */
export type BulkOutcome =
  | { readonly userId: string; readonly ok: true }
  | { readonly userId: string; readonly ok: false; readonly error: unknown };

/**
 * One address's result in a bulk invitation call: the invitation where the provider answered
 * with one, or that address's own refusal.
 */
export type InviteOutcome =
  | { readonly email: string; readonly ok: true; readonly invitation: Invitation | null }
  | { readonly email: string; readonly ok: false; readonly error: unknown };

/** Roles and permissions to give one member (added to what they hold; nothing is taken away). */
export interface AccessGrant {
  readonly userId: string;
  /** Role keys. */
  readonly roles: readonly string[];
  /** Permission keys, granted directly. */
  readonly permissions: readonly string[];
}

export interface InviteInput {
  readonly email: string;
  /** Role keys; empty where the provider takes none (or to use its default). */
  readonly roles: readonly string[];
  readonly firstName?: string;
  readonly lastName?: string;
  /** Whether the provider should email the invitation, where it lets the caller choose. */
  readonly sendEmail?: boolean;
  /** Days until it expires, where the provider takes one. */
  readonly expiresInDays?: number;
  /** The user sending it (an admin of the org), where `capabilities…invitations.inviter`. */
  readonly inviterUserId?: string;
}

export interface UserSearchParams {
  readonly search: string;
  readonly limit: number;
}

export const Permission = z.object({
  key: z.string(),
  name: z.string(),
  description: z.nullable(z.string()),
  /** The provider's own id where calls address permissions by id (Kinde). */
  id: z.nullable(z.string()),
});
export type Permission = z.infer<typeof Permission>;

/**
 * Where a member's permission comes from: granted directly, through one of their roles, or
 * `unattributed`: the provider lists it but neither a direct grant nor a listed role explains it
 * (Clerk, which has no direct grants, for a permission its role catalogue leaves out).
 */
export type PermissionSource =
  | { readonly kind: 'direct' }
  | { readonly kind: 'role'; readonly role: RoleRef }
  | { readonly kind: 'unattributed' };

export interface EffectivePermission {
  readonly key: string;
  readonly name: string;
  readonly sources: readonly PermissionSource[];
}

export type FeatureFlagType = 'boolean' | 'string' | 'integer' | 'json';
/** A flag's value: boolean, string, integer or (for JSON flags) any JSON. */
export type FlagValue = JsonValue;

export interface FeatureFlag {
  readonly key: string;
  readonly name: string;
  readonly description: string | null;
  readonly type: FeatureFlagType;
  /** The environment's default, where the provider tells it. */
  readonly defaultValue: FlagValue | null;
  /** What the org gets: its override, or the default. */
  readonly value: FlagValue | null;
  readonly overridden: boolean;
}
