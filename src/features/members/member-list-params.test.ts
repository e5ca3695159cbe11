import { describe, expect, it } from 'vitest';
import type { MemberCapabilities } from '../../api/capabilities';
import { memberBrowserNeeds } from '../../data/members';
import { parseMemberParams, serializeMemberParams } from './member-list-params';

const caps: MemberCapabilities = {
  pagination: 'cursor',
  total: false,
  defaultPageSize: 25,
  maxPageSize: 500,
  search: 'client',
  searchHint: 'Filter by name or email',
  roleFilter: 'server',
  serverSortFields: ['name', 'email'],
  sortFields: ['name', 'email', 'joinedAt'],
  add: true,
  remove: true,
  changeRole: true,
  multipleRoles: true,
  roleRequiredOnAdd: false,
  removeConsequence: 'They lose access.',
};

describe('members tab URL state', () => {
  it('round-trips search, role, sort and paging', () => {
    const params = {
      page: 3,
      pageSize: 100,
      search: 'ada',
      role: 'admin',
      sort: { field: 'joinedAt', direction: 'desc' },
    } as const;
    const search = serializeMemberParams(params, caps);
    expect(search.toString()).toBe('q=ada&role=admin&sort=-joinedAt&size=100&page=3');
    expect(parseMemberParams(search, caps)).toEqual(params);
  });

  it('drops a role filter the provider cannot apply and unknown sorts', () => {
    const parsed = parseMemberParams(new URLSearchParams('role=admin&sort=shoeSize'), {
      ...caps,
      roleFilter: null,
    });
    expect(parsed.role).toBeNull();
    expect(parsed.sort).toBeNull();
  });

  it('says what must happen in the browser', () => {
    const needs = memberBrowserNeeds(
      {
        page: 1,
        pageSize: 25,
        search: 'ada',
        role: 'admin',
        sort: { field: 'joinedAt', direction: 'asc' },
      },
      caps,
    );
    expect(needs).toEqual({ search: true, role: false, sort: true, all: false });
  });

  it('keeps a permission filter in the URL only where the provider filters by permission', () => {
    const withFilter = { ...caps, permissionFilter: 'server' } as const;
    const params = {
      page: 1,
      pageSize: 25,
      search: '',
      role: 'admin',
      permission: 'read:reports',
      sort: null,
    };
    const search = serializeMemberParams(params, withFilter);
    expect(search.toString()).toBe('role=admin&permission=read%3Areports');
    expect(parseMemberParams(search, withFilter)).toEqual(params);
    expect(parseMemberParams(search, caps).permission).toBeUndefined();
  });

  it('finishes a permission-filtered list in the browser where the provider cannot search or sort', () => {
    const params = {
      page: 1,
      pageSize: 25,
      search: 'ada',
      role: null,
      permission: 'read:reports',
      sort: { field: 'joinedAt', direction: 'asc' },
    } as const;
    expect(memberBrowserNeeds(params, { ...caps, permissionFilter: 'server' })).toEqual({
      search: true,
      role: false,
      sort: true,
      all: false,
    });
  });
});
