import type { Page } from '../../domain';
import type {
  Invitation,
  InvitationStatus,
  Member,
  MemberListParams,
  MemberSortField,
} from '../../people';

/**
 * NuMind returns every member and invitation of an org in one array, so search, role filter,
 * sort and paging happen here, in the browser.
 */

export function pageOf<T>(items: readonly T[], page: number, pageSize: number): Page<T> {
  const start = (page - 1) * pageSize;
  return {
    items: items.slice(start, start + pageSize),
    page,
    pageSize,
    total: items.length,
    hasMore: start + pageSize < items.length,
  };
}

function matchesSearch(member: Member, search: string): boolean {
  const needle = search.trim().toLocaleLowerCase();
  if (needle === '') return true;
  return (
    (member.name?.toLocaleLowerCase().includes(needle) ?? false) ||
    (member.email?.toLocaleLowerCase().includes(needle) ?? false) ||
    member.userId.toLocaleLowerCase() === needle
  );
}

function sortValue(member: Member, field: MemberSortField): string | number | null {
  switch (field) {
    case 'name':
      return member.name?.toLocaleLowerCase() ?? null;
    case 'email':
      return member.email?.toLocaleLowerCase() ?? null;
    case 'joinedAt':
      return member.joinedAt === null ? null : Date.parse(member.joinedAt);
  }
}

function compareMembers(a: Member, b: Member, sort: NonNullable<MemberListParams['sort']>) {
  const va = sortValue(a, sort.field);
  const vb = sortValue(b, sort.field);
  if (va === vb) return a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0;
  if (va === null) return 1;
  if (vb === null) return -1;
  return (va < vb ? -1 : 1) * (sort.direction === 'asc' ? 1 : -1);
}

export function applyMemberParams(all: readonly Member[], params: MemberListParams): Page<Member> {
  const role = params.role;
  const filtered = all.filter(
    (member) =>
      matchesSearch(member, params.search) &&
      (role === null || member.roles.some((held) => held.key === role)),
  );
  const sort = params.sort;
  const sorted = sort ? [...filtered].sort((a, b) => compareMembers(a, b, sort)) : filtered;
  return pageOf(sorted, params.page, params.pageSize);
}

/** Keeps the statuses asked for; none asked means the provider's default, pending. */
export function withStatuses(
  items: readonly Invitation[],
  statuses: readonly InvitationStatus[],
): Invitation[] {
  const wanted: readonly InvitationStatus[] = statuses.length === 0 ? ['pending'] : statuses;
  return items.filter((invitation) => wanted.includes(invitation.status));
}
