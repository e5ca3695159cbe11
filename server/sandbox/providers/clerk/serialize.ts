import { ImageStore } from '../../images';
import type { DefaultImages } from './images';
import { invitationStatus } from './invitations';
import { ADMIN_ROLE, roleByKey } from './roles';
import type { ClerkMembershipRecord, ClerkOrgRecord, ClerkState, ClerkUserRecord } from './state';

/** Records → the JSON Clerk sends (spec schemas `Organization`, `Client.Organization`, …). */

export interface WireContext {
  /** The origin the request came in at, for image URLs. */
  readonly origin: string;
  readonly images: DefaultImages;
}

export interface OrgCounts {
  readonly members: ReadonlyMap<string, number>;
  readonly admins: ReadonlyMap<string, number>;
  readonly pendingInvitations: ReadonlyMap<string, number>;
}

function increment(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** Member, admin and pending-invitation counts (expired ones are not pending), in one pass. */
export function countByOrg(state: ClerkState, now: number): OrgCounts {
  const members = new Map<string, number>();
  const admins = new Map<string, number>();
  const pendingInvitations = new Map<string, number>();
  for (const membership of state.memberships) {
    increment(members, membership.org_id);
    if (membership.role === ADMIN_ROLE) increment(admins, membership.org_id);
  }
  for (const invitation of state.invitations) {
    if (invitationStatus(invitation, now) === 'pending')
      increment(pendingInvitations, invitation.org_id);
  }
  return { members, admins, pendingInvitations };
}

export function imageUrl(ctx: WireContext, id: string): string {
  return `${ctx.origin}${ImageStore.path(id)}`;
}

export function orgImageUrl(ctx: WireContext, org: ClerkOrgRecord): string {
  return imageUrl(ctx, org.logo_image_id ?? ctx.images.organization);
}

export interface BackendOrganizationOptions {
  readonly membersCount: boolean;
  readonly missingMemberWithElevatedPermissions: boolean;
}

/** BAPI `Organization`; `members_count` and the elevated-member flag only when asked for. */
export function backendOrganization(
  org: ClerkOrgRecord,
  ctx: WireContext,
  counts: OrgCounts,
  options: BackendOrganizationOptions = {
    membersCount: false,
    missingMemberWithElevatedPermissions: false,
  },
) {
  return {
    object: 'organization' as const,
    id: org.id,
    name: org.name,
    slug: org.slug,
    image_url: orgImageUrl(ctx, org),
    has_image: org.logo_image_id !== null,
    ...(options.membersCount ? { members_count: counts.members.get(org.id) ?? 0 } : {}),
    // Choice: "missing a member with elevated permissions" read as "has no admin member".
    ...(options.missingMemberWithElevatedPermissions
      ? { missing_member_with_elevated_permissions: (counts.admins.get(org.id) ?? 0) === 0 }
      : {}),
    pending_invitations_count: counts.pendingInvitations.get(org.id) ?? 0,
    max_allowed_memberships: org.max_allowed_memberships,
    admin_delete_enabled: org.admin_delete_enabled,
    public_metadata: org.public_metadata,
    private_metadata: org.private_metadata,
    ...(org.created_by === null ? {} : { created_by: org.created_by }),
    created_at: org.created_at,
    updated_at: org.updated_at,
    role_set_key: org.role_set_key ?? null,
  };
}

/** BAPI `OrganizationWithLogo`: the org plus the deprecated `logo_url`. */
export function backendOrganizationWithLogo(
  org: ClerkOrgRecord,
  ctx: WireContext,
  counts: OrgCounts,
) {
  const wire = backendOrganization(org, ctx, counts);
  return { ...wire, logo_url: wire.image_url };
}

/** FAPI `Client.Organization`: no private metadata, counts always included. */
export function frontendOrganization(org: ClerkOrgRecord, ctx: WireContext, counts: OrgCounts) {
  const hasImage = org.logo_image_id !== null;
  return {
    object: 'organization' as const,
    id: org.id,
    name: org.name,
    slug: org.slug,
    image_url: orgImageUrl(ctx, org),
    has_image: hasImage,
    members_count: counts.members.get(org.id) ?? 0,
    pending_invitations_count: counts.pendingInvitations.get(org.id) ?? 0,
    max_allowed_memberships: org.max_allowed_memberships,
    admin_delete_enabled: org.admin_delete_enabled,
    self_serve_sso_enabled: false,
    public_metadata: org.public_metadata,
    created_at: org.created_at,
    updated_at: org.updated_at,
    logo_url: hasImage ? orgImageUrl(ctx, org) : null,
  };
}

export function deletedOrganization(org: ClerkOrgRecord) {
  return { object: 'organization', id: org.id, slug: org.slug, deleted: true };
}

/** `Client.PublicUserData`. */
export function publicUserData(user: ClerkUserRecord, ctx: WireContext) {
  const image = imageUrl(ctx, ctx.images.user);
  return {
    first_name: user.first_name,
    last_name: user.last_name,
    image_url: image,
    has_image: false,
    identifier: user.email_address,
    profile_image_url: image,
    user_id: user.id,
    username: user.username,
    banned: false,
    deprovisioned: false,
  };
}

/** FAPI `Client.OrganizationMembership`, with the org and the member's public data embedded. */
export function frontendMembership(
  membership: ClerkMembershipRecord,
  org: ClerkOrgRecord,
  user: ClerkUserRecord | undefined,
  state: ClerkState,
  ctx: WireContext,
  counts: OrgCounts,
) {
  const role = roleByKey(state.roles, membership.role);
  return {
    object: 'organization_membership' as const,
    id: membership.id,
    public_metadata: {},
    role: membership.role,
    role_name: role?.name ?? membership.role,
    permissions: role?.permissions ?? [],
    created_at: membership.created_at,
    updated_at: membership.updated_at ?? membership.created_at,
    organization: frontendOrganization(org, ctx, counts),
    public_user_data: user ? publicUserData(user, ctx) : null,
  };
}

const SESSION_LIFETIME = 7 * 24 * 60 * 60 * 1000;

/**
 * FAPI `Client.Client` with the demo user's one active session (`Client.Session-2`, without the
 * optional full `user` object).
 */
export function frontendClient(state: ClerkState, ctx: WireContext, now: number) {
  const user = state.users.find((candidate) => candidate.id === state.demo_user_id);
  const session = {
    object: 'session',
    id: state.client.session_id,
    status: 'active',
    expire_at: now + SESSION_LIFETIME,
    abandon_at: now + 4 * SESSION_LIFETIME,
    last_active_at: now,
    last_active_token: null,
    actor: null,
    tasks: null,
    last_active_organization_id: null,
    public_user_data: user ? publicUserData(user, ctx) : null,
    factor_verification_age: [0, -1],
    created_at: state.client.created_at,
    updated_at: now,
  };
  return {
    object: 'client' as const,
    id: state.client.id,
    sessions: [session],
    sign_in: null,
    sign_up: null,
    last_active_session_id: session.id,
    last_authentication_strategy: null,
    cookie_expires_at: null,
    captcha_bypass: false,
    created_at: state.client.created_at,
    updated_at: now,
  };
}
