import type { Capabilities } from '../../api/capabilities';
import { pageSizeChoices } from '../../lib/page-sizes';
import { OrgSortField, type OrgListParams, type OrgSort } from '../../api/domain';

export const PAGE_SIZES = [10, 25, 50, 100] as const;

export function pageSizesFor(caps: Capabilities): number[] {
  return pageSizeChoices(PAGE_SIZES, caps.list);
}

function parseSort(raw: string | null, caps: Capabilities): OrgSort | null {
  if (!raw) return null;
  const direction = raw.startsWith('-') ? 'desc' : 'asc';
  const parsed = OrgSortField.safeParse(raw.replace(/^[-+]/, ''));
  if (!parsed.success || !caps.list.sortFields.includes(parsed.data)) return null;
  return { field: parsed.data, direction };
}

function positiveInt(raw: string | null): number | null {
  if (raw === null || !/^\d+$/.test(raw)) return null;
  const value = Number(raw);
  return value >= 1 ? value : null;
}

/** The list's state from the URL (`?q=&page=&size=&sort=-createdAt`), invalid parts ignored. */
export function parseListParams(search: URLSearchParams, caps: Capabilities): OrgListParams {
  const sizes = pageSizesFor(caps);
  const size = positiveInt(search.get('size'));
  return {
    page: positiveInt(search.get('page')) ?? 1,
    pageSize: size !== null && sizes.includes(size) ? size : caps.list.defaultPageSize,
    search: search.get('q') ?? '',
    sort: parseSort(search.get('sort'), caps),
  };
}

/** The URL form of a list state, leaving out defaults so links stay short. */
export function serializeListParams(params: OrgListParams, caps: Capabilities): URLSearchParams {
  const search = new URLSearchParams();
  if (params.search !== '') search.set('q', params.search);
  if (params.sort)
    search.set('sort', `${params.sort.direction === 'desc' ? '-' : ''}${params.sort.field}`);
  if (params.pageSize !== caps.list.defaultPageSize) search.set('size', String(params.pageSize));
  if (params.page !== 1) search.set('page', String(params.page));
  return search;
}

/**
 * Whether a list request needs the browser: a search or sort the provider cannot do itself, or a
 * provider without pagination. Then Orgdeck loads every org and says so.
 */
export function needsBrowserList(
  params: OrgListParams,
  caps: Capabilities,
): { search: boolean; sort: boolean; all: boolean } {
  const search = params.search.trim() !== '' && caps.list.search === 'client';
  const sort = params.sort !== null && !caps.list.serverSortFields.includes(params.sort.field);
  const all = caps.list.pagination === 'none';
  return { search, sort, all };
}
