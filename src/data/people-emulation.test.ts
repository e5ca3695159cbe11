import { describe, expect, it } from 'vitest';
import type { Member } from '../api/people';
import { applyMemberListParams } from './people-emulation';

function member(
  userId: string,
  name: string,
  email: string,
  roles: string[],
  joinedAt: string,
): Member {
  return {
    userId,
    membershipId: null,
    name,
    email,
    imageUrl: null,
    roles: roles.map((key) => ({ key, name: key })),
    joinedAt,
    details: [],
  };
}

const all = [
  member('u1', 'Ada Lovelace', 'ada@acme.test', ['admin'], '2024-01-02'),
  member('u2', 'Alan Turing', 'alan@acme.test', ['member'], '2023-05-01'),
  member('u3', 'Grace Hopper', 'grace@navy.test', ['member', 'billing'], '2025-03-09'),
];

describe('browser-side member lists', () => {
  it('searches name, email and id', () => {
    const page = applyMemberListParams(all, {
      page: 1,
      pageSize: 10,
      search: 'NAVY',
      role: null,
      sort: null,
    });
    expect(page.items.map((m) => m.userId)).toEqual(['u3']);
  });

  it('filters by a role the member holds among several', () => {
    const page = applyMemberListParams(all, {
      page: 1,
      pageSize: 10,
      search: '',
      role: 'billing',
      sort: null,
    });
    expect(page.items.map((m) => m.userId)).toEqual(['u3']);
  });

  it('sorts and pages, with a total', () => {
    const page = applyMemberListParams(all, {
      page: 2,
      pageSize: 2,
      search: '',
      role: null,
      sort: { field: 'joinedAt', direction: 'desc' },
    });
    expect(page.items.map((m) => m.userId)).toEqual(['u2']);
    expect(page.total).toBe(3);
    expect(page.hasMore).toBe(false);
  });
});
