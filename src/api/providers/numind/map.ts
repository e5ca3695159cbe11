import type { CreateOrgInput, Organization, UpdateOrgInput } from '../../domain';
import type { Invitation, InviteInput, Member, RoleRef } from '../../people';
import { toDetails } from '../shared';
import type {
  NumindCreateOrganizationWire,
  NumindInvitationWire,
  NumindInviteMemberWire,
  NumindMemberWire,
  NumindOrganizationWire,
  NumindUpdateOrganizationWire,
} from './wire';

/** NuMind orgs carry only an id and a name; everything else is unknown, not empty. */
export function toOrganization(wire: NumindOrganizationWire): Organization {
  return {
    id: wire.id,
    name: wire.name,
    slug: null,
    createdAt: null,
    updatedAt: null,
    memberCount: null,
    pendingInvitationCount: null,
    imageUrl: null,
    hasImage: null,
    imageUrlDark: null,
    metadata: null,
    fields: {},
    details: toDetails(wire),
  };
}

export function fromCreateOrgInput(input: CreateOrgInput): NumindCreateOrganizationWire {
  return { name: input.name };
}

/** The PUT replaces the whole org, so the input must carry a name (the current one if unchanged). */
export function fromUpdateOrgInput(
  input: UpdateOrgInput & { readonly name: string },
): NumindUpdateOrganizationWire {
  return { name: input.name };
}

/** NuMind role strings are not enumerated: the key is shown as sent, capitalised for its name. */
export function toRoleRef(role: string): RoleRef {
  const words = role.replace(/[_-]+/g, ' ').trim();
  return { key: role, name: words.charAt(0).toUpperCase() + words.slice(1) };
}

/** `MemberResponse` has no membership id, avatar or join date: those stay unknown. */
export function toMember(wire: NumindMemberWire): Member {
  return {
    userId: wire.id,
    membershipId: null,
    name: wire.displayName.trim() === '' ? null : wire.displayName,
    email: wire.email.trim() === '' ? null : wire.email,
    imageUrl: null,
    roles: (wire.roles ?? []).map(toRoleRef),
    joinedAt: null,
    details: toDetails(wire),
  };
}

/** NuMind lists pending invitations only, so every one it returns is pending. */
export function toInvitation(wire: NumindInvitationWire): Invitation {
  return {
    id: wire.id,
    email: wire.email,
    roles: (wire.roles ?? []).map(toRoleRef),
    status: 'pending',
    invitedBy: null,
    createdAt: null,
    expiresAt: null,
    url: null,
    details: toDetails(wire),
  };
}

/** `InviteMemberRequest` carries the email only; roles, names and options have nowhere to go. */
export function fromInviteInput(input: InviteInput): NumindInviteMemberWire {
  return { email: input.email.trim() };
}
