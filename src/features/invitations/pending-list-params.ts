import {
  DEFAULT_PENDING_SORT,
  type PendingQuery,
  type PendingSort,
  type PendingSortField,
} from '../../data/pending-invitations';

/** Every cross-org pending list shows 25 a page, like the rest of the console. */
export const PENDING_PAGE_SIZE = 25;

const FIELDS: readonly PendingSortField[] = ['email', 'org', 'createdAt', 'expiresAt'];

/**
 * `?q=acme&sort=email&order=asc&page=2`. A sort the current source cannot do (not in `fields`)
 * falls back to the default, newest first.
 */
export function parsePendingParams(
  search: URLSearchParams,
  fields: readonly PendingSortField[] = FIELDS,
): PendingQuery {
  const field = FIELDS.find((value) => value === search.get('sort'));
  const direction = search.get('order') === 'desc' ? 'desc' : 'asc';
  const sort: PendingSort =
    field && fields.includes(field) ? { field, direction } : DEFAULT_PENDING_SORT;
  const page = Number(search.get('page'));
  return {
    search: search.get('q') ?? '',
    sort,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: PENDING_PAGE_SIZE,
  };
}

export function serializePendingParams(params: PendingQuery): URLSearchParams {
  const search = new URLSearchParams();
  if (params.search !== '') search.set('q', params.search);
  const isDefault =
    params.sort.field === DEFAULT_PENDING_SORT.field &&
    params.sort.direction === DEFAULT_PENDING_SORT.direction;
  if (!isDefault) {
    search.set('sort', params.sort.field);
    search.set('order', params.sort.direction);
  }
  if (params.page !== 1) search.set('page', String(params.page));
  return search;
}

/** A click on a column header: its natural order first (dates newest first), then the other way. */
export function nextPendingSort(current: PendingSort, field: PendingSortField): PendingSort {
  if (current.field === field)
    return { field, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { field, direction: field === 'createdAt' || field === 'expiresAt' ? 'desc' : 'asc' };
}
