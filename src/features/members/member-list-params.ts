import type { MemberCapabilities } from '../../api/capabilities';
import { pageSizeChoices } from '../../lib/page-sizes';
import type { MemberListParams, MemberSortField } from '../../api/people';

export const MEMBER_PAGE_SIZES = [25, 50, 100, 500] as const;

export function memberPageSizes(caps: MemberCapabilities): number[] {
  return pageSizeChoices(MEMBER_PAGE_SIZES, caps);
}

const FIELDS: readonly MemberSortField[] = ['name', 'email', 'joinedAt'];

function positiveInt(raw: string | null): number | null {
  if (raw === null || !/^\d+$/.test(raw)) return null;
  const value = Number(raw);
  return value >= 1 ? value : null;
}

/** The members tab's state from the URL (`?q=&role=&permission=&page=&size=&sort=-joinedAt`). */
export function parseMemberParams(
  search: URLSearchParams,
  caps: MemberCapabilities,
): MemberListParams {
  const size = positiveInt(search.get('size'));
  const rawSort = search.get('sort') ?? '';
  const field = rawSort.replace(/^[-+]/, '') as MemberSortField;
  return {
    page: positiveInt(search.get('page')) ?? 1,
    pageSize: size !== null && memberPageSizes(caps).includes(size) ? size : caps.defaultPageSize,
    search: search.get('q') ?? '',
    role: caps.roleFilter ? search.get('role') : null,
    ...(caps.permissionFilter ? { permission: search.get('permission') } : {}),
    sort:
      FIELDS.includes(field) && caps.sortFields.includes(field)
        ? { field, direction: rawSort.startsWith('-') ? 'desc' : 'asc' }
        : null,
  };
}

export function serializeMemberParams(
  params: MemberListParams,
  caps: MemberCapabilities,
): URLSearchParams {
  const search = new URLSearchParams();
  if (params.search !== '') search.set('q', params.search);
  if (params.role) search.set('role', params.role);
  if (params.permission) search.set('permission', params.permission);
  if (params.sort)
    search.set('sort', `${params.sort.direction === 'desc' ? '-' : ''}${params.sort.field}`);
  if (params.pageSize !== caps.defaultPageSize) search.set('size', String(params.pageSize));
  if (params.page !== 1) search.set('page', String(params.page));
  return search;
}
