import { describe, expect, it } from 'vitest';
import type { Role } from '../../api/people';
import { checkBatch } from './email-batch';
import { inviteOutcomeMessage, suggestedRoles } from './invite-outcome';

const role = (key: string, name: string): Role => ({ key, name, description: null, id: null });

describe('inviteOutcomeMessage', () => {
  const rows = checkBatch(
    ['ann@acme.test', 'not-an-email', 'ben@acme.test', 'member@acme.test'].map((input) => ({
      input,
      roles: [],
    })),
    { members: new Set(['member@acme.test']), invited: new Set(), roleKeys: null },
  );

  it('names what was sent, then what was refused and why, without "of" figures that clash', () => {
    expect(inviteOutcomeMessage('Acme', 2, 0, rows)).toBe(
      '2 invited to Acme, 2 refused: not a valid email address; already a member',
    );
  });
  it('says what failed at the provider apart from what the checks refused', () => {
    expect(inviteOutcomeMessage('Acme', 1, 1, rows.slice(0, 1))).toBe(
      '1 invited to Acme, 1 failed',
    );
  });
});

describe('suggestedRoles', () => {
  const catalogue = [
    role('org:admin', 'Admin'),
    role('org:member', 'Member'),
    role('org:billing', 'Billing'),
  ];
  it('starts with the member role, not the first (often admin) one', () => {
    expect(suggestedRoles(catalogue, 'single', null)).toEqual(['org:member']);
  });
  it('leaves the choice empty where the provider names its own default', () => {
    expect(suggestedRoles(catalogue, 'single', 'admin')).toEqual([]);
  });
  it('takes the first non-admin role without a member role, and nothing without a picker', () => {
    expect(
      suggestedRoles([role('admin', 'Admin'), role('viewer', 'Viewer')], 'multiple', null),
    ).toEqual(['viewer']);
    expect(suggestedRoles(catalogue, null, null)).toEqual([]);
  });
});
