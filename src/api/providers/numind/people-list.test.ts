import { describe, expect, it } from 'vitest';
import type { Invitation } from '../../people';
import { pageOf } from '../../domain';
import { withStatuses } from './people-list';

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
