import { describe, expect, it } from 'vitest';
import type { Member } from '../../api/people';
import { planBulkRole } from './bulk-plan';

function member(userId: string, roles: string[]): Member {
  return {
    userId,
    membershipId: null,
    name: userId,
    email: `${userId}@x.test`,
    imageUrl: null,
    roles: roles.map((key) => ({ key, name: key.charAt(0).toUpperCase() + key.slice(1) })),
    joinedAt: null,
    details: [],
  };
}

const admin = { key: 'admin', name: 'Admin' };

describe('bulk role plan', () => {
  it('adds the role only to members who lack it, where members hold several roles', () => {
    const plan = planBulkRole(
      [member('a', ['member']), member('b', ['admin', 'member'])],
      'give',
      admin,
      true,
    );
    expect(plan.map((row) => [row.member.userId, row.change, row.note])).toEqual([
      ['a', { kind: 'add-role', key: 'admin' }, 'Gets Admin'],
      ['b', null, 'Already has Admin'],
    ]);
  });

  it('replaces the one role where members hold exactly one, and says from what', () => {
    const [row] = planBulkRole([member('a', ['member'])], 'give', admin, false);
    expect(row?.change).toEqual({ kind: 'set-role', key: 'admin' });
    expect(row?.note).toBe('Member → Admin');
  });

  it('takes the role away only from members who have it', () => {
    const plan = planBulkRole(
      [member('a', ['admin']), member('b', ['member'])],
      'take',
      admin,
      true,
    );
    expect(plan.map((row) => row.change)).toEqual([{ kind: 'remove-role', key: 'admin' }, null]);
    expect(plan[1]?.note).toBe('Does not have Admin');
  });
});
