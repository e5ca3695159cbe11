import type {
  CreateOrgInput,
  JsonObject,
  Organization,
  OrgStats,
  UpdateOrgInput,
} from '../../domain';
import type { Invitation, InvitationStatus, InviteInput, Role, RoleRef } from '../../people';
import { toDetails, toJsonValue } from '../shared';
import type {
  PermitInviteCreateWire,
  PermitInviteWire,
  PermitOrganizationCreateWire,
  PermitOrganizationStatsWire,
  PermitOrganizationUpdateWire,
  PermitOrganizationWire,
} from './wire';

function asObject(value: unknown): JsonObject | undefined {
  if (value === undefined || value === null) return undefined;
  const json = toJsonValue(value);
  return typeof json === 'object' && json !== null && !Array.isArray(json) ? json : undefined;
}

export function toOrganization(wire: PermitOrganizationWire): Organization {
  return {
    id: wire.id,
    name: wire.name,
    slug: wire.key,
    createdAt: wire.created_at,
    updatedAt: wire.updated_at,
    memberCount: null,
    pendingInvitationCount: null,
    imageUrl: null,
    hasImage: null,
    imageUrlDark: null,
    metadata: null,
    fields: { settings: asObject(wire.settings) ?? {} },
    details: toDetails(wire),
  };
}

export function fromCreateOrgInput(input: CreateOrgInput): PermitOrganizationCreateWire {
  const settings = asObject(input.fields['settings']);
  return {
    key: input.slug ?? '',
    name: input.name,
    ...(settings ? { settings } : {}),
  };
}

export function fromUpdateOrgInput(input: UpdateOrgInput): PermitOrganizationUpdateWire {
  const raw = input.fields?.['settings'];
  // A cleared settings field is sent as `{}`: Permit replaces the settings object on PATCH.
  const settings = raw === null ? {} : asObject(raw);
  return {
    ...(input.name === undefined ? {} : { name: input.name }),
    ...(settings ? { settings } : {}),
  };
}

const PERIODS = [
  ['current_month', 'This month'],
  ['previous_month', 'Last month'],
  ['two_months_ago', 'Two months ago'],
] as const;

export function toOrgStats(wire: PermitOrganizationStatsWire): OrgStats {
  return {
    counts: [
      { label: 'Projects', value: wire.stats.projects },
      { label: 'Environments', value: wire.stats.environments },
      { label: 'Users', value: wire.stats.users },
    ],
    limits: {
      mau: wire.usage_limits?.mau ?? null,
      tenants: wire.usage_limits?.tenants ?? null,
      plan: wire.usage_limits?.billing_tier ?? null,
    },
    usage: PERIODS.flatMap(([key, label]) => {
      const month = wire.historical_usage[key];
      if (!month) return [];
      return [
        {
          label,
          month: month.month === 0 ? null : month.month,
          year: month.year === 0 ? null : month.year,
          mau: month.mau,
          tenants: month.tenants,
        },
      ];
    }),
  };
}

const ACCESS_LEVEL_NAMES: Readonly<Record<string, string>> = {
  admin: 'Admin',
  write: 'Write',
  read: 'Read',
  no_access: 'No access',
};

/** `MemberAccessLevel`, the fixed catalogue of roles an invite can grant. */
export const PERMIT_ROLES: readonly Role[] = Object.entries(ACCESS_LEVEL_NAMES).map(
  ([key, name]) => ({ key, name, description: null, id: null }),
);

export function toRoleRef(role: string): RoleRef {
  return { key: role, name: ACCESS_LEVEL_NAMES[role] ?? role };
}

const STATUSES: Readonly<Record<PermitInviteWire['status'], InvitationStatus>> = {
  pending: 'pending',
  accepted: 'accepted',
  failed: 'failed',
  canceled: 'revoked',
};

/** `InviteRead` has no inviter, expiry or accept link; `invite_code` stays in the details. */
export function toInvitation(wire: PermitInviteWire): Invitation {
  return {
    id: wire.id,
    email: wire.email,
    roles: [toRoleRef(wire.role)],
    status: STATUSES[wire.status],
    invitedBy: null,
    createdAt: wire.created_at,
    expiresAt: null,
    url: null,
    details: toDetails(wire),
  };
}

/** One `InviteCreate`; without a role Permit uses its default (admin). */
export function fromInviteInput(input: InviteInput): PermitInviteCreateWire {
  const [role] = input.roles;
  return { email: input.email.trim(), ...(role === undefined ? {} : { role }) };
}
