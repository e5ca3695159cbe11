import { pageOf, type Page } from '../api/domain';
import type { Invitation, Member, MemberListParams } from '../api/people';

function text(member: Member): string {
  return `${member.name ?? ''} ${member.email ?? ''} ${member.userId}`.toLocaleLowerCase();
}

function sortKey(member: Member, field: NonNullable<MemberListParams['sort']>['field']): string {
  switch (field) {
    case 'name':
      return (member.name ?? member.email ?? '').toLocaleLowerCase();
    case 'email':
      return (member.email ?? '').toLocaleLowerCase();
    case 'joinedAt':
      return member.joinedAt ?? '';
  }
}

/** Search, role filter, sort and page loaded members in the browser, for what the provider cannot do. */
export function applyMemberListParams(
  all: readonly Member[],
  params: MemberListParams,
): Page<Member> {
  const needle = params.search.trim().toLocaleLowerCase();
  const filtered = all.filter(
    (member) =>
      (needle === '' || text(member).includes(needle)) &&
      (params.role === null || member.roles.some((role) => role.key === params.role)),
  );
  const sort = params.sort;
  const sorted = sort
    ? [...filtered].sort((a, b) => {
        const order = sortKey(a, sort.field).localeCompare(sortKey(b, sort.field));
        return sort.direction === 'asc' ? order : -order;
      })
    : filtered;
  return pageOf(sorted, params.page, params.pageSize);
}

/** Page loaded invitations in the browser (for providers that list without pages). */
export function pageInvitations(
  all: readonly Invitation[],
  page: number,
  pageSize: number,
): Page<Invitation> {
  return pageOf(all, page, pageSize);
}
