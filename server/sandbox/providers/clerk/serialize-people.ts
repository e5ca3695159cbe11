import { invitationStatus } from './invitations';
import { roleByKey, type ClerkPermissionRecord, type ClerkRoleRecord } from './roles';
import {
  backendOrganization,
  imageUrl,
  orgImageUrl,
  publicUserData,
  type OrgCounts,
  type WireContext,
} from './serialize';
import type {
  ClerkInvitationRecord,
  ClerkMembershipRecord,
  ClerkOrgRecord,
  ClerkState,
  ClerkUserRecord,
} from './state';

/** Members, invitations, roles and users as Clerk sends them (spec schemas of the same names). */

function roleName(state: ClerkState, key: string): string {
  return roleByKey(state.roles, key)?.name ?? key;
}

/** BAPI `OrganizationMembership`, with the org and the member's public data embedded. */
export function backendMembership(
  membership: ClerkMembershipRecord,
  org: ClerkOrgRecord,
  user: ClerkUserRecord | undefined,
  state: ClerkState,
  ctx: WireContext,
  counts: OrgCounts,
) {
  return {
    object: 'organization_membership' as const,
    id: membership.id,
    role: membership.role,
    role_name: roleName(state, membership.role),
    permissions: roleByKey(state.roles, membership.role)?.permissions ?? [],
    public_metadata: membership.public_metadata ?? {},
    private_metadata: membership.private_metadata ?? {},
    organization: backendOrganization(org, ctx, counts),
    ...(user ? { public_user_data: publicUserData(user, ctx) } : {}),
    created_at: membership.created_at,
    updated_at: membership.updated_at ?? membership.created_at,
  };
}

/**
 * The accept link. Clerk's is a ticket link on the Frontend API host; the sandbox's points at its
 * own Frontend API mount (it is shown and copied, not served).
 */
export function invitationUrl(invitation: ClerkInvitationRecord, ctx: WireContext): string {
  const url = new URL(`${ctx.origin}/sandbox/clerk-frontend/v1/tickets/accept`);
  url.searchParams.set('ticket', invitation.id);
  if (invitation.redirect_url) url.searchParams.set('redirect_url', invitation.redirect_url);
  return url.toString();
}

function inviterData(state: ClerkState, inviterId: string | null, ctx: WireContext) {
  const inviter = inviterId === null ? undefined : state.users.find((u) => u.id === inviterId);
  if (!inviter) return null;
  return {
    user_id: inviter.id,
    first_name: inviter.first_name,
    last_name: inviter.last_name,
    image_url: imageUrl(ctx, ctx.images.user),
    has_image: false,
    identifier: inviter.email_address,
  };
}

/** BAPI `OrganizationInvitation`; `status` says `expired` once `expires_at` has passed. */
export function backendInvitation(
  invitation: ClerkInvitationRecord,
  state: ClerkState,
  ctx: WireContext,
  now: number,
) {
  return {
    object: 'organization_invitation' as const,
    id: invitation.id,
    email_address: invitation.email_address,
    role: invitation.role,
    role_name: roleName(state, invitation.role),
    organization_id: invitation.org_id,
    inviter_id: invitation.inviter_id,
    public_inviter_data: inviterData(state, invitation.inviter_id, ctx),
    status: invitationStatus(invitation, now),
    public_metadata: invitation.public_metadata ?? {},
    private_metadata: invitation.private_metadata ?? {},
    url: invitationUrl(invitation, ctx),
    expires_at: invitation.expires_at,
    created_at: invitation.created_at,
    updated_at: invitation.updated_at,
  };
}

/** FAPI `Client.OrganizationInvitation`: no private metadata or inviter, the org's public data. */
export function frontendInvitation(
  invitation: ClerkInvitationRecord,
  org: ClerkOrgRecord,
  state: ClerkState,
  ctx: WireContext,
  now: number,
) {
  return {
    object: 'organization_invitation' as const,
    id: invitation.id,
    email_address: invitation.email_address,
    role: invitation.role,
    role_name: roleName(state, invitation.role),
    organization_id: invitation.org_id,
    public_organization_data: {
      id: org.id,
      name: org.name,
      slug: org.slug,
      image_url: orgImageUrl(ctx, org),
      has_image: org.logo_image_id !== null,
    },
    status: invitationStatus(invitation, now),
    public_metadata: invitation.public_metadata ?? {},
    url: invitationUrl(invitation, ctx),
    expires_at: invitation.expires_at,
    created_at: invitation.created_at,
    updated_at: invitation.updated_at,
  };
}

function permissionJson(permission: ClerkPermissionRecord) {
  return {
    object: 'permission' as const,
    id: permission.id,
    name: permission.name,
    key: permission.key,
    description: permission.description,
    type: permission.type,
    created_at: permission.created_at,
    updated_at: permission.updated_at,
  };
}

/** `Role` (BAPI) and `Client.Role` (FAPI) have the same shape. */
export function roleJson(role: ClerkRoleRecord, state: ClerkState) {
  return {
    object: 'role' as const,
    id: role.id,
    name: role.name,
    key: role.key,
    description: role.description,
    is_creator_eligible: role.is_creator_eligible,
    permissions: role.permissions.flatMap((key) => {
      const permission = state.permissions.find((candidate) => candidate.key === key);
      return permission ? [permissionJson(permission)] : [];
    }),
    created_at: role.created_at,
    updated_at: role.updated_at,
  };
}

/** The email address id: derived from the user id, so it need not be stored. */
export function emailAddressId(user: ClerkUserRecord): string {
  return `idn_${user.id.slice('user_'.length)}`;
}

/**
 * BAPI `User`. The sandbox's users signed up with a verified email and a password; they have no
 * phone numbers, wallets, external accounts or recorded sign-ins.
 */
export function backendUser(user: ClerkUserRecord, ctx: WireContext) {
  const image = imageUrl(ctx, ctx.images.user);
  const emailId = emailAddressId(user);
  return {
    id: user.id,
    object: 'user' as const,
    external_id: null,
    primary_email_address_id: emailId,
    primary_phone_number_id: null,
    primary_web3_wallet_id: null,
    username: user.username,
    first_name: user.first_name,
    last_name: user.last_name,
    locale: null,
    profile_image_url: image,
    image_url: image,
    has_image: false,
    public_metadata: {},
    private_metadata: {},
    unsafe_metadata: {},
    email_addresses: [
      {
        id: emailId,
        object: 'email_address' as const,
        email_address: user.email_address,
        reserved: false,
        verification: {
          object: 'verification_admin',
          status: 'verified',
          strategy: 'admin',
          attempts: null,
          expire_at: null,
        },
        linked_to: [],
        matches_sso_connection: false,
        created_at: user.created_at,
        updated_at: user.created_at,
      },
    ],
    phone_numbers: [],
    web3_wallets: [],
    passkeys: [],
    password_enabled: true,
    two_factor_enabled: false,
    totp_enabled: false,
    backup_code_enabled: false,
    mfa_enabled_at: null,
    mfa_disabled_at: null,
    password_last_updated_at: null,
    external_accounts: [],
    saml_accounts: [],
    enterprise_accounts: [],
    last_sign_in_at: null,
    banned: false,
    locked: false,
    deprovisioned: false,
    lockout_expires_in_seconds: null,
    verification_attempts_remaining: null,
    created_at: user.created_at,
    updated_at: user.created_at,
    delete_self_enabled: true,
    create_organization_enabled: true,
    create_organizations_limit: null,
    last_active_at: null,
    legal_accepted_at: null,
    bypass_client_trust: false,
  };
}
