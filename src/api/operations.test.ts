import { describe, expect, it } from 'vitest';
import { defineOperations, matchOperation } from './operations';

const table = defineOperations({
  getMember: {
    method: 'GET',
    path: '/orgs/{org}/members/{user}',
    mutates: false,
    role: 'viewer',
    summary: 'Get a member',
  },
  listInvitations: {
    method: 'GET',
    path: '/orgs/{org}/members/invitations',
    mutates: false,
    role: 'viewer',
    summary: 'List invitations',
  },
  removeMember: {
    method: 'DELETE',
    path: '/orgs/{org}/members/{user}',
    mutates: true,
    role: 'support',
    summary: 'Remove a member',
  },
});

describe('matchOperation', () => {
  it('prefers literal segments over parameters, every time it is asked', () => {
    for (let i = 0; i < 2; i++) {
      expect(matchOperation(table, 'GET', '/orgs/o%201/members/invitations')).toEqual({
        id: 'listInvitations',
        op: table.listInvitations,
        params: { org: 'o 1' },
      });
      expect(matchOperation(table, 'GET', '/orgs/o1/members/u1')?.id).toBe('getMember');
    }
  });

  it('matches on the method, in any case, and refuses unknown calls', () => {
    expect(matchOperation(table, 'delete', '/orgs/o1/members/u1')?.id).toBe('removeMember');
    expect(matchOperation(table, 'DELETE', '/orgs/o1/members/invitations')?.params).toEqual({
      org: 'o1',
      user: 'invitations',
    });
    expect(matchOperation(table, 'POST', '/orgs/o1/members/u1')).toBeNull();
    expect(matchOperation(table, 'GET', '/orgs/o1/members')).toBeNull();
    expect(matchOperation(table, 'GET', '/orgs/o1/members/a%2Fb')).toBeNull();
  });
});
