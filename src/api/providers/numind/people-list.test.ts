import { describe, expect, it } from 'vitest';
import type { Invitation, Member, MemberListParams } from '../../people';
import { applyMemberParams, pageOf, withStatuses } from './people-list';

function member(userId: string, name: string | null, email: string | null, roles: string[]) {
  const out: Member = {
    userId,
    membershipId: null,
    name,
    email,
    imageUrl: null,
    roles: roles.map((key) => ({ key, name: key })),
    joinedAt: null,
    details: [],
  };
  return out;
}

const members = [
  member('u1', 'Grace Hopper', 'grace@navy.test', ['owner']),
  member('u2', 'alan Turing', 'alan@bletchley.test', ['member']),
  member('u3', null, 'zed@example.com', ['admin']),
  member('u4', 'Barbara Liskov', 'barbara@mit.test', ['member']),
];

const params = (overrides: Partial<MemberListParams>): MemberListParams => ({
  page: 1,
  pageSize: 10,
  search: '',
  role: null,
  sort: null,
  ...overrides,
});

const ids = (page: { items: readonly Member[] }) => page.items.map((m) => m.userId);

describe('applyMemberParams', () => {
  it('keeps the provider order without a sort and counts the total', () => {
    const page = applyMemberParams(members, params({}));
    expect(ids(page)).toEqual(['u1', 'u2', 'u3', 'u4']);
    expect(page.total).toBe(4);
    expect(page.hasMore).toBe(false);
  });

  it('searches name and email case-insensitively, and ids exactly', () => {
    expect(ids(applyMemberParams(members, params({ search: 'TURING' })))).toEqual(['u2']);
    expect(ids(applyMemberParams(members, params({ search: 'example.com' })))).toEqual(['u3']);
    expect(ids(applyMemberParams(members, params({ search: 'u4' })))).toEqual(['u4']);
    // "u" is in Turing's name only: ids are matched whole, not in part.
    expect(ids(applyMemberParams(members, params({ search: 'u' })))).toEqual(['u2']);
  });

  it('filters by role key', () => {
    expect(ids(applyMemberParams(members, params({ role: 'member' })))).toEqual(['u2', 'u4']);
    expect(applyMemberParams(members, params({ role: 'viewer' })).total).toBe(0);
  });

  it('sorts by name ignoring case, members without a name last in both directions', () => {
    const asc = applyMemberParams(members, params({ sort: { field: 'name', direction: 'asc' } }));
    expect(ids(asc)).toEqual(['u2', 'u4', 'u1', 'u3']);
    const desc = applyMemberParams(members, params({ sort: { field: 'name', direction: 'desc' } }));
    expect(ids(desc)).toEqual(['u1', 'u4', 'u2', 'u3']);
  });

  it('pages after filtering and sorting', () => {
    const page = applyMemberParams(
      members,
      params({ page: 2, pageSize: 2, sort: { field: 'email', direction: 'asc' } }),
    );
    expect(ids(page)).toEqual(['u1', 'u3']);
    expect(page).toMatchObject({ page: 2, pageSize: 2, total: 4, hasMore: false });
    expect(applyMemberParams(members, params({ pageSize: 3 })).hasMore).toBe(true);
  });
});

describe('pageOf and withStatuses', () => {
  it('slices a page and says whether more follow', () => {
    expect(pageOf([1, 2, 3, 4, 5], 2, 2)).toEqual({
      items: [3, 4],
      page: 2,
      pageSize: 2,
      total: 5,
      hasMore: true,
    });
    expect(pageOf([1, 2, 3], 3, 2).items).toEqual([]);
  });

  it('keeps pending invitations by default and drops them when other statuses are asked for', () => {
    const pending: Invitation = {
      id: 'i1',
      email: 'a@example.com',
      roles: [],
      status: 'pending',
      invitedBy: null,
      createdAt: null,
      expiresAt: null,
      url: null,
      details: [],
    };
    expect(withStatuses([pending], [])).toEqual([pending]);
    expect(withStatuses([pending], ['pending', 'revoked'])).toEqual([pending]);
    expect(withStatuses([pending], ['revoked'])).toEqual([]);
  });
});
