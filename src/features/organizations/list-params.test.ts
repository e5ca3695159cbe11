import { describe, expect, it } from 'vitest';
import { clerkCapabilities } from '../../api/providers/clerk/capabilities';
import { kindeCapabilities } from '../../api/providers/kinde/capabilities';
import { numindCapabilities } from '../../api/providers/numind/capabilities';
import { permitCapabilities } from '../../api/providers/permit/capabilities';
import {
  needsBrowserList,
  pageSizesFor,
  parseListParams,
  serializeListParams,
} from './list-params';

describe('org list URL state', () => {
  it('reads page, size, search and sort from the URL', () => {
    const params = parseListParams(
      new URLSearchParams('q=acme&page=3&size=50&sort=-createdAt'),
      clerkCapabilities,
    );
    expect(params).toEqual({
      page: 3,
      pageSize: 50,
      search: 'acme',
      sort: { field: 'createdAt', direction: 'desc' },
    });
  });

  it('ignores a sort field the provider cannot sort by at all', () => {
    const params = parseListParams(new URLSearchParams('sort=memberCount'), kindeCapabilities);
    expect(params.sort).toBeNull();
  });

  it('pages every provider by 25 unless asked otherwise, from the same choices', () => {
    expect(pageSizesFor(permitCapabilities)).toEqual([10, 25, 50, 100]);
    expect(pageSizesFor(clerkCapabilities)).toEqual([10, 25, 50, 100]);
    expect(parseListParams(new URLSearchParams(''), permitCapabilities).pageSize).toBe(25);
    expect(parseListParams(new URLSearchParams('size=50'), permitCapabilities).pageSize).toBe(50);
  });

  it('falls back to defaults for invalid numbers and page sizes', () => {
    const params = parseListParams(new URLSearchParams('page=-2&size=37'), permitCapabilities);
    expect(params.page).toBe(1);
    expect(params.pageSize).toBe(permitCapabilities.list.defaultPageSize);
  });

  it('round-trips through the URL and leaves defaults out', () => {
    const params = {
      page: 2,
      pageSize: 25,
      search: 'north',
      sort: { field: 'name', direction: 'asc' },
    } as const;
    const search = serializeListParams(params, clerkCapabilities);
    expect(search.toString()).toBe('q=north&sort=name&page=2');
    expect(parseListParams(search, clerkCapabilities)).toEqual(params);
  });

  it('sends search to the browser only where the provider has no server search', () => {
    const params = { page: 1, pageSize: 25, search: 'acme', sort: null };
    expect(needsBrowserList(params, clerkCapabilities).search).toBe(false);
    expect(needsBrowserList(params, kindeCapabilities).search).toBe(true);
  });

  it('sorts in the browser where the provider cannot sort by that field', () => {
    const byName = {
      page: 1,
      pageSize: 25,
      search: '',
      sort: { field: 'name', direction: 'asc' },
    } as const;
    expect(needsBrowserList(byName, kindeCapabilities).sort).toBe(false);
    expect(needsBrowserList(byName, permitCapabilities).sort).toBe(true);
    expect(needsBrowserList({ ...byName, sort: null }, numindCapabilities).all).toBe(true);
  });
});
