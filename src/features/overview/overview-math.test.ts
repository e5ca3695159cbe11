import { describe, expect, it } from 'vitest';
import type { Organization } from '../../api/domain';
import { createdPerMonth, recentChanges, spreadsOverDecades, sumIfComplete } from './overview-math';

function org(
  id: string,
  createdAt: string | null,
  updatedAt: string | null = null,
  memberCount: number | null = null,
): Organization {
  return {
    id,
    name: id,
    slug: null,
    createdAt,
    updatedAt,
    memberCount,
    pendingInvitationCount: null,
    imageUrl: null,
    hasImage: null,
    imageUrlDark: null,
    metadata: null,
    fields: {},
    details: [],
  };
}

describe('overview figures', () => {
  it('counts orgs per month, keeping empty months, within the window', () => {
    const months = createdPerMonth(
      [
        org('a', '2026-10-03T00:00:00Z'),
        org('b', '2026-10-20T00:00:00Z'),
        org('c', '2026-08-01T00:00:00Z'),
        org('d', '2020-01-01T00:00:00Z'),
      ],
      new Date('2026-11-22T00:00:00Z'),
      4,
    );
    expect(months).toEqual([
      { month: '2026-08', count: 1 },
      { month: '2026-09', count: 0 },
      { month: '2026-10', count: 2 },
      { month: '2026-11', count: 0 },
    ]);
  });

  it('says there is no chart when no org has a creation date', () => {
    expect(createdPerMonth([org('a', null)], new Date())).toBeNull();
  });

  it('lists recent changes newest first, telling updates from creations', () => {
    const recent = recentChanges([
      org('old', '2025-01-01T00:00:00Z'),
      org('edited', '2024-01-01T00:00:00Z', '2026-05-01T00:00:00Z'),
    ]);
    expect(recent?.map((r) => [r.org.id, r.kind])).toEqual([
      ['edited', 'updated'],
      ['old', 'created'],
    ]);
  });

  it('sums member counts only when every org has one', () => {
    expect(
      sumIfComplete([org('a', null, null, 3), org('b', null, null, 4)], (o) => o.memberCount),
    ).toBe(7);
    expect(
      sumIfComplete([org('a', null, null, 3), org('b', null)], (o) => o.memberCount),
    ).toBeNull();
  });
});

describe('spreadsOverDecades', () => {
  it('asks for a log scale when one org dwarfs the others', () => {
    expect(spreadsOverDecades([2000, 14, 9, 5])).toBe(true);
  });
  it('keeps a linear scale for sizes of one order, and ignores empty orgs', () => {
    expect(spreadsOverDecades([40, 22, 9, 0])).toBe(false);
    expect(spreadsOverDecades([7])).toBe(false);
  });
});
