import type {
  Invitation,
  InvitationStatus,
  InviteInput,
  Member,
  Role,
  RoleRef,
  User,
} from '../../people';
import { toDetails } from '../shared';
import type {
  KindeCreateInviteRequest,
  KindeInviteWire,
  KindeOrganizationUserWire,
  KindeRoleWire,
  KindeUserWire,
} from './people-wire';

/** Role key → display name, from the role catalogue (empty when it could not be read). */
export type RoleNames = ReadonlyMap<string, string>;

/**
 * Kinde's examples write some offsets as `+11` (`2024-11-18T13:32:03+11`), which `Date.parse`
 * refuses: complete them to `+11:00`.
 */
export function kindeDate(value: string | null | undefined): string | null {
  if (!value) return null;
  return /T[\d:.]+[+-]\d{2}$/.test(value) ? `${value}:00` : value;
}

function personName(wire: {
  full_name?: string | null | undefined;
  first_name?: string | null | undefined;
  last_name?: string | null | undefined;
}): string | null {
  const full = wire.full_name?.trim();
  if (full) return full;
  const joined = [wire.first_name, wire.last_name]
    .map((part) => part?.trim() ?? '')
    .filter((part) => part !== '')
    .join(' ');
  return joined === '' ? null : joined;
}

function roleRef(key: string, names: RoleNames, name?: string | null): RoleRef {
  return { key, name: name || names.get(key) || key };
}

/** An org user, or null for a row without an id (nothing could address it). */
export function toMember(wire: KindeOrganizationUserWire, names: RoleNames): Member | null {
  if (!wire.id) return null;
  return {
    userId: wire.id,
    membershipId: null,
    name: personName(wire),
    email: wire.email ?? null,
    imageUrl: wire.picture ?? null,
    roles: (wire.roles ?? []).map((key) => roleRef(key, names)),
    joinedAt: kindeDate(wire.joined_on),
    details: toDetails(wire),
  };
}

/** Kinde invites never expire: revoked, accepted or pending. */
export function invitationStatus(wire: KindeInviteWire): InvitationStatus {
  if (wire.is_revoked) return 'revoked';
  if (wire.accepted_on) return 'accepted';
  return 'pending';
}

/** An invite, or null for one without a code (revoke could not address it). */
export function toInvitation(wire: KindeInviteWire): Invitation | null {
  const id = wire.code ?? wire.id;
  if (!id) return null;
  return {
    id,
    email: wire.email ?? '',
    roles: (wire.roles ?? []).flatMap((role) =>
      role.key ? [roleRef(role.key, new Map(), role.name)] : [],
    ),
    status: invitationStatus(wire),
    invitedBy: null,
    createdAt: kindeDate(wire.created_on),
    expiresAt: null,
    url: wire.invite_link ?? null,
    details: toDetails(wire),
  };
}

export function toUser(wire: KindeUserWire): User | null {
  if (!wire.id) return null;
  return {
    id: wire.id,
    name: personName(wire),
    email: wire.email ?? null,
    imageUrl: wire.picture ?? null,
  };
}

export function toRole(wire: KindeRoleWire): Role | null {
  if (!wire.key) return null;
  return {
    key: wire.key,
    name: wire.name || wire.key,
    description: wire.description || null,
    id: wire.id ?? null,
  };
}

/** Blank names are left out; `send_email` only when the caller chose. */
export function fromInviteInput(input: InviteInput): KindeCreateInviteRequest {
  const firstName = input.firstName?.trim() ?? '';
  const lastName = input.lastName?.trim() ?? '';
  return {
    email: input.email.trim(),
    roles: [...input.roles],
    ...(firstName === '' ? {} : { first_name: firstName }),
    ...(lastName === '' ? {} : { last_name: lastName }),
    ...(input.sendEmail === undefined ? {} : { send_email: input.sendEmail }),
  };
}
