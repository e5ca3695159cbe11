import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../api/audit';
import { providerCatalog } from '../../api/providers/catalog';
import {
  describeOperation,
  operationLabel,
  operationText,
  outcomeText,
  wordedOperations,
} from './audit-wording';

function entry(overrides: Partial<AuditEntry>): AuditEntry {
  return {
    id: '1',
    at: '2026-12-06T10:00:00Z',
    actor: { id: 'ava' },
    connectionId: 'clerk',
    operationId: 'createOrganizationInvitationBulk',
    summary: 'Create and send up to 10 organization invitations',
    target: {},
    outcome: 'success',
    status: 200,
    ...overrides,
  };
}

describe('audit wording', () => {
  it('says what was done to whom in which org, not the vendor’s API summary', () => {
    const bulk = entry({ target: { orgId: 'org_1', email: 'ana@acme.com, ben@acme.com' } });
    expect(operationText(bulk, 'Acme')).toBe('Invited 2 people to Acme');
    const one = entry({ operationId: 'inviteMember', target: { orgId: 'o1', email: 'ana@a.io' } });
    expect(operationText(one, 'Acme')).toBe('Invited ana@a.io to Acme');
  });

  it('keeps the org as a slot to link, showing its id where the name is not known', () => {
    const removal = entry({
      operationId: 'removeOrganizationUser',
      target: { orgId: 'org_9', userId: 'kp_1' },
    });
    expect(describeOperation(removal, 'Beta')).toEqual({
      before: 'Removed kp_1 from ',
      org: 'Beta',
      after: '',
    });
    expect(operationText(removal, null)).toBe('Removed kp_1 from org_9');
  });

  it('falls back to the recorded summary for an operation it has no words for', () => {
    expect(operationText(entry({ operationId: 'somethingNew', summary: 'Do it' }), null)).toBe(
      'Do it',
    );
    expect(operationLabel('somethingNew')).toBe('somethingNew');
  });

  it('words outcomes as a person would, with the status only where it explains', () => {
    expect(outcomeText({ outcome: 'success', status: 200 })).toBe('Succeeded');
    expect(outcomeText({ outcome: 'refused', status: 403 })).toBe('Refused (403)');
    expect(outcomeText({ outcome: 'failure', status: null })).toBe('Failed');
  });

  it('has words for every state-changing operation of every provider', () => {
    const mutating = Object.values(providerCatalog).flatMap(({ operations }) =>
      Object.entries(operations)
        .filter(([, op]) => op.mutates)
        .map(([id]) => id),
    );
    expect(mutating.filter((id) => !wordedOperations.includes(id))).toEqual([]);
  });
});
