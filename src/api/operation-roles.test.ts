import { describe, expect, it } from 'vitest';
import type { ProviderKind } from './domain';
import { CONSOLE_ROLES, roleAllows } from './operations';
import { providerCatalog } from './providers/catalog';

/** Member and invitation changes: what the support role may do besides reading. */
const SUPPORT_OPERATIONS: Record<ProviderKind, readonly string[]> = {
  permit: ['inviteMembers', 'cancelInvite'],
  kinde: [
    'addOrganizationUsers',
    'removeOrganizationUser',
    'createOrganizationInvite',
    'revokeOrganizationInvite',
  ],
  clerk: [
    'createOrganizationMembership',
    'deleteOrganizationMembership',
    'createOrganizationInvitation',
    'createOrganizationInvitationBulk',
    'revokeOrganizationInvitation',
  ],
  'clerk-frontend': [
    'createOrganizationMembership',
    'deleteOrganizationMembership',
    'createOrganizationInvitation',
    'createOrganizationInvitationsBulk',
    'revokeOrganizationInvitation',
  ],
  numind: ['inviteMember', 'removeMember', 'deleteInvitation'],
};

describe('console roles of the operation tables', () => {
  for (const [provider, { operations }] of Object.entries(providerCatalog)) {
    it(`${provider}: reads are viewer, member and invitation changes support, other changes admin`, () => {
      const support = SUPPORT_OPERATIONS[provider as ProviderKind];
      for (const [id, op] of Object.entries(operations)) {
        if (!op.mutates) expect(op.role, id).toBe('viewer');
        else expect(op.role, id).toBe(support.includes(id) ? 'support' : 'admin');
      }
      for (const id of support) expect(operations[id]?.mutates, id).toBe(true);
    });
  }

  it('orders the roles viewer < support < admin', () => {
    expect(CONSOLE_ROLES).toEqual(['viewer', 'support', 'admin']);
    expect(roleAllows('admin', 'support')).toBe(true);
    expect(roleAllows('support', 'support')).toBe(true);
    expect(roleAllows('support', 'admin')).toBe(false);
    expect(roleAllows('viewer', 'support')).toBe(false);
    expect(roleAllows('viewer', 'viewer')).toBe(true);
  });
});
