import { describe, expect, it } from 'vitest';
import {
  nextPendingSort,
  parsePendingParams,
  PENDING_PAGE_SIZE,
  serializePendingParams,
} from './pending-list-params';

describe('pending invitation list params', () => {
  it('reads search, sort and page from the URL and writes them back unchanged', () => {
    const url = new URLSearchParams('q=acme&sort=email&order=asc&page=3');
    const params = parsePendingParams(url);
    expect(params).toEqual({
      search: 'acme',
      sort: { field: 'email', direction: 'asc' },
      page: 3,
      pageSize: PENDING_PAGE_SIZE,
    });
    expect(serializePendingParams(params).toString()).toBe(url.toString());
  });

  it('keeps the default (newest first, page 1) out of the URL', () => {
    const params = parsePendingParams(new URLSearchParams(''));
    expect(params.sort).toEqual({ field: 'createdAt', direction: 'desc' });
    expect(serializePendingParams(params).toString()).toBe('');
  });

  it('falls back to the default sort when the source cannot sort by the asked column', () => {
    const params = parsePendingParams(new URLSearchParams('sort=expiresAt&order=asc&page=x'), [
      'email',
      'org',
      'createdAt',
    ]);
    expect(params.sort).toEqual({ field: 'createdAt', direction: 'desc' });
    expect(params.page).toBe(1);
  });

  it('sorts text A→Z and dates newest first on the first click, and flips on the next', () => {
    const byDate = { field: 'createdAt', direction: 'desc' } as const;
    expect(nextPendingSort(byDate, 'email')).toEqual({ field: 'email', direction: 'asc' });
    expect(nextPendingSort(byDate, 'expiresAt')).toEqual({ field: 'expiresAt', direction: 'desc' });
    expect(nextPendingSort(byDate, 'createdAt')).toEqual({ field: 'createdAt', direction: 'asc' });
  });
});
