import type { SortDirection } from '../api/domain';
import type { Invitation } from '../api/people';
import type { ListSource } from './list-source';

/** Pending invitations across orgs: sorted, filtered and paged once here, whoever answers. */

export type PendingSortField = 'email' | 'org' | 'createdAt' | 'expiresAt';

export interface PendingSort {
  readonly field: PendingSortField;
  readonly direction: SortDirection;
}

export interface PendingQuery {
  readonly search: string;
  readonly sort: PendingSort;
  /** 1-based. */
  readonly page: number;
  readonly pageSize: number;
}

export interface PendingInvitationRow {
  readonly org: { readonly id: string; readonly name: string };
  readonly invitation: Invitation;
}

/** Newest first: recent invitations are the ones people ask about. */
export const DEFAULT_PENDING_SORT: PendingSort = { field: 'createdAt', direction: 'desc' };

/** The index sorts by email, org and creation date; rows in the browser sort by any column. */
export function pendingSortFields(source: ListSource): readonly PendingSortField[] {
  return source.kind === 'index'
    ? ['email', 'org', 'createdAt']
    : ['email', 'org', 'createdAt', 'expiresAt'];
}

function sortKey(row: PendingInvitationRow, field: PendingSortField): string {
  switch (field) {
    case 'email':
      return row.invitation.email.toLowerCase();
    case 'org':
      return row.org.name.toLowerCase();
    case 'createdAt':
      return row.invitation.createdAt ?? '';
    case 'expiresAt':
      return row.invitation.expiresAt ?? '';
  }
}

/**
 * Rows the browser gathered (org by org), answered as the index would answer: filtered by email,
 * sorted (ties by email, so pages are stable) and cut to one page, with the total that matched.
 */
export function pagePendingRows(
  rows: readonly PendingInvitationRow[],
  query: PendingQuery,
): { readonly items: readonly PendingInvitationRow[]; readonly total: number } {
  const needle = query.search.trim().toLowerCase();
  const matching =
    needle === ''
      ? rows
      : rows.filter((row) => row.invitation.email.toLowerCase().includes(needle));
  const sign = query.sort.direction === 'asc' ? 1 : -1;
  const sorted = [...matching].sort((a, b) => {
    const byField = sortKey(a, query.sort.field).localeCompare(sortKey(b, query.sort.field));
    if (byField !== 0) return sign * byField;
    return a.invitation.email.localeCompare(b.invitation.email);
  });
  const start = (query.page - 1) * query.pageSize;
  return { items: sorted.slice(start, start + query.pageSize), total: matching.length };
}
