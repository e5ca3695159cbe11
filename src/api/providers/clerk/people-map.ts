import type { Page } from '../../domain';
import { ApiError } from '../../errors';
import type {
  AddMemberInput,
  Invitation,
  InvitationListParams,
  InvitationStatus,
  InviteInput,
  Member,
  MemberListParams,
  MemberSortField,
  Role,
  User,
} from '../../people';
import { msToIso, toDetails } from '../shared';
import type {
  ClerkCreateInvitationWire,
  ClerkCreateMembershipWire,
  ClerkRoleWire,
  ClerkUserWire,
} from './people-wire';

/** Wire → domain for members, invitations, users and roles, shared by both Clerk APIs. */

export interface PublicUserDataSource {
  readonly user_id?: string | null | undefined;
  readonly first_name: string | null;
  readonly last_name: string | null;
  readonly image_url?: string | null | undefined;
  readonly identifier?: string | null | undefined;
  readonly username?: string | null | undefined;
}

/** What a membership of either API carries that the member row needs. */
export interface MembershipSource {
  readonly id: string;
  readonly role: string;
  readonly role_name?: string | undefined;
  readonly created_at: number;
  readonly public_user_data?: PublicUserDataSource | null | undefined;
}

function personName(first: string | null, last: string | null): string | null {
  const name = [first, last].filter((part) => part !== null && part.trim() !== '').join(' ');
  return name === '' ? null : name;
}

/** The identifier is the email, phone number or username the user signs in with. */
function emailOf(identifier: string | null | undefined): string | null {
  return identifier?.includes('@') ? identifier : null;
}

/** Details: every field Clerk sent, except an embedded org (the one being viewed). */
function detailsOf(wire: object) {
  return toDetails(
    Object.fromEntries(Object.entries(wire).filter(([key]) => key !== 'organization')),
  );
}

export function toMember(wire: MembershipSource): Member {
  const user = wire.public_user_data;
  const userId = user?.user_id;
  if (!user || userId === undefined || userId === null || userId === '') {
    // Member calls are addressed by user id, so a membership without one cannot be managed.
    throw new ApiError({
      kind: 'bad_response',
      message: `Clerk sent membership ${wire.id} without public_user_data.user_id.`,
    });
  }
  return {
    userId,
    membershipId: wire.id,
    name: personName(user.first_name, user.last_name) ?? user.username ?? null,
    email: emailOf(user.identifier),
    imageUrl: user.image_url ?? null,
    roles: [{ key: wire.role, name: wire.role_name ?? wire.role }],
    joinedAt: msToIso(wire.created_at),
    details: detailsOf(wire),
  };
}

export interface InvitationSource {
  readonly id: string;
  readonly email_address: string;
  readonly role: string;
  readonly role_name: string;
  readonly status?: string | undefined;
  readonly url: string | null;
  readonly expires_at: number | null;
  readonly created_at: number;
  readonly inviter_id?: string | null | undefined;
  readonly public_inviter_data?:
    { first_name: string | null; last_name: string | null; identifier: string } | null | undefined;
}

/** FAPI's `completed` is an accepted invitation; `invalid` one that can no longer be used. */
const STATUSES: Readonly<Record<string, InvitationStatus>> = {
  pending: 'pending',
  accepted: 'accepted',
  completed: 'accepted',
  revoked: 'revoked',
  expired: 'expired',
  invalid: 'failed',
};

/**
 * Clerk's status, normalised. A pending one past `expires_at` reads as expired; no status reads
 * from the expiry; a status Clerk adds later reads as failed (its raw value stays in the details).
 */
export function toInvitationStatus(
  status: string | undefined,
  expiresAt: number | null,
  now: number,
): InvitationStatus {
  const expired = expiresAt !== null && expiresAt <= now;
  if (status === undefined || status === 'pending') return expired ? 'expired' : 'pending';
  return STATUSES[status] ?? 'failed';
}

export function toInvitation(wire: InvitationSource, now: number = Date.now()): Invitation {
  const inviter = wire.public_inviter_data;
  return {
    id: wire.id,
    email: wire.email_address,
    roles: [{ key: wire.role, name: wire.role_name }],
    status: toInvitationStatus(wire.status, wire.expires_at, now),
    invitedBy: inviter
      ? (personName(inviter.first_name, inviter.last_name) ?? inviter.identifier)
      : (wire.inviter_id ?? null),
    createdAt: msToIso(wire.created_at),
    expiresAt: msToIso(wire.expires_at),
    url: wire.url,
    details: detailsOf(wire),
  };
}

export function toUser(wire: ClerkUserWire): User {
  const primary =
    wire.email_addresses.find((email) => email.id === wire.primary_email_address_id) ??
    wire.email_addresses[0];
  return {
    id: wire.id,
    name: personName(wire.first_name, wire.last_name) ?? wire.username,
    email: primary?.email_address ?? null,
    imageUrl: wire.image_url ?? null,
  };
}

export function toRole(wire: Pick<ClerkRoleWire, 'id' | 'key' | 'name' | 'description'>): Role {
  return { key: wire.key, name: wire.name, description: wire.description, id: wire.id };
}

const MEMBER_ORDER: Record<MemberSortField, string> = {
  name: 'first_name',
  email: 'email_address',
  joinedAt: 'created_at',
};

export function toMembersQuery(params: MemberListParams, pageSize: number) {
  const search = params.search.trim();
  const sort = params.sort;
  return {
    limit: pageSize,
    offset: (params.page - 1) * pageSize,
    query: search === '' ? undefined : search,
    role: params.role === null ? undefined : [params.role],
    order_by:
      sort === null
        ? undefined
        : `${sort.direction === 'asc' ? '+' : '-'}${MEMBER_ORDER[sort.field]}`,
  };
}

/** No statuses: Clerk's own default, which is every status. */
export function toInvitationsQuery(params: InvitationListParams, pageSize: number) {
  return {
    limit: pageSize,
    offset: (params.page - 1) * pageSize,
    status: params.statuses.length === 0 ? undefined : params.statuses,
  };
}

export function toPage<T>(
  items: T[],
  params: { readonly page: number },
  pageSize: number,
  total: number,
): Page<T> {
  const offset = (params.page - 1) * pageSize;
  return { items, page: params.page, pageSize, total, hasMore: offset + items.length < total };
}

/** Clerk members hold exactly one role. */
export function singleRole(roles: readonly string[]): string {
  const [role, ...rest] = roles;
  if (role === undefined || rest.length > 0) {
    throw new ApiError({
      kind: 'validation',
      message: 'A Clerk member holds exactly one role: choose one.',
      fieldErrors: { roles: 'Choose exactly one role.' },
    });
  }
  return role;
}

/** The role is required by Clerk; an empty choice is left for Clerk to refuse. */
export function fromAddMemberInput(input: AddMemberInput): ClerkCreateMembershipWire {
  const role = input.roles[0];
  return { user_id: input.userId, ...(role === undefined ? {} : { role }) };
}

export function fromInviteInput(input: InviteInput): ClerkCreateInvitationWire {
  const role = input.roles[0];
  return {
    email_address: input.email.trim(),
    ...(role === undefined ? {} : { role }),
    ...(input.sendEmail === undefined ? {} : { notify: input.sendEmail }),
    ...(input.expiresInDays === undefined ? {} : { expires_in_days: input.expiresInDays }),
    ...(input.inviterUserId === undefined ? {} : { inviter_user_id: input.inviterUserId }),
  };
}
