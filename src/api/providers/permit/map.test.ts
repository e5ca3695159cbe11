import { describe, expect, it } from 'vitest';
import { ApiError } from '../../errors';
import { parseWire } from '../../parse';
import createRequest from './__fixtures__/invite-create-request.json';
import inviteList from './__fixtures__/invite-list.json';
import multiResult from './__fixtures__/multi-invite-result.json';
import organizationStats from './__fixtures__/organization-stats.json';
import organization from './__fixtures__/organization.json';
import {
  fromInviteInput,
  fromUpdateOrgInput,
  PERMIT_ROLES,
  toInvitation,
  toOrganization,
  toOrgStats,
  toRoleRef,
} from './map';
import {
  PermitInviteListWire,
  PermitMultiInviteResultWire,
  PermitOrganizationListWire,
  PermitOrganizationStatsWire,
  PermitOrganizationWire,
} from './wire';

/** A copy of `record` without `key`. */
function without(record: Record<string, unknown>, key: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([name]) => name !== key));
}

describe('Permit organization mapping', () => {
  const wire = parseWire(PermitOrganizationWire, organization, 'organization');

  it('maps OrganizationRead: key as the slug, timestamps kept, settings as a field', () => {
    expect(toOrganization(wire)).toEqual({
      id: '0b6f6c1e-7d1a-4c0e-9a51-2f7a4c1d9e10',
      name: 'Acme Inc',
      slug: 'acme-inc',
      createdAt: '2025-01-02T10:00:00+00:00',
      updatedAt: '2025-01-03T08:30:00+00:00',
      memberCount: null,
      pendingInvitationCount: null,
      imageUrl: null,
      hasImage: null,
      imageUrlDark: null,
      metadata: null,
      fields: {
        settings: { region: 'eu-west-1', sso: { enabled: true, domains: ['acme.test'] } },
      },
      details: [
        { key: 'key', value: 'acme-inc' },
        { key: 'id', value: '0b6f6c1e-7d1a-4c0e-9a51-2f7a4c1d9e10' },
        { key: 'is_enterprise', value: false },
        { key: 'usage_limits', value: { mau: 5000, tenants: 50, billing_tier: 'trial' } },
        { key: 'created_at', value: '2025-01-02T10:00:00+00:00' },
        { key: 'updated_at', value: '2025-01-03T08:30:00+00:00' },
        { key: 'name', value: 'Acme Inc' },
        {
          key: 'settings',
          value: { region: 'eu-west-1', sso: { enabled: true, domains: ['acme.test'] } },
        },
      ],
    });
  });

  it('reads missing or null settings as an empty object', () => {
    const bare = parseWire(PermitOrganizationWire, without(organization, 'settings'), 'org');
    expect(toOrganization(bare).fields).toEqual({ settings: {} });
    const nulled = parseWire(PermitOrganizationWire, { ...organization, settings: null }, 'org');
    expect(toOrganization(nulled).fields).toEqual({ settings: {} });
  });

  it('maps a bare-array list item by item', () => {
    const list = parseWire(PermitOrganizationListWire, [organization], 'organization list');
    expect(list.map(toOrganization).map((org) => org.slug)).toEqual(['acme-inc']);
  });

  it('rejects an org without its required key, naming the field', () => {
    const keyless = without(organization, 'key');
    expect(() => parseWire(PermitOrganizationWire, keyless, 'organization')).toThrow(/key/);
  });
});

describe('Permit stats mapping', () => {
  const wire = parseWire(PermitOrganizationStatsWire, organizationStats, 'organization stats');

  it('maps counts, the plan limits and each month present, applying MonthlyUsage defaults', () => {
    expect(toOrgStats(wire)).toEqual({
      counts: [
        { label: 'Projects', value: 2 },
        { label: 'Environments', value: 4 },
        { label: 'Users', value: 130 },
      ],
      limits: { mau: 250000, tenants: 10000, plan: 'enterprise' },
      usage: [
        { label: 'This month', month: 1, year: 2025, mau: 42, tenants: 3 },
        // Only `mau` was sent: month and year default to 0, which means "not given".
        { label: 'Last month', month: null, year: null, mau: 17, tenants: 0 },
      ],
    });
  });

  it('keeps the limits null when usage_limits is left out, and usage empty with no months', () => {
    const bare = parseWire(
      PermitOrganizationStatsWire,
      { ...without(organizationStats, 'usage_limits'), historical_usage: {} },
      'organization stats',
    );
    expect(toOrgStats(bare)).toMatchObject({
      limits: { mau: null, tenants: null, plan: null },
      usage: [],
    });
  });

  it('rejects negative counts and a missing stats block, naming the field', () => {
    const negative = { ...organizationStats, stats: { ...organizationStats.stats, users: -1 } };
    expect(() => parseWire(PermitOrganizationStatsWire, negative, 'stats')).toThrow(/stats\.users/);
    const statless = without(organizationStats, 'stats');
    expect(() => parseWire(PermitOrganizationStatsWire, statless, 'stats')).toThrow(/stats/);
  });
});

describe('Permit invite mapping', () => {
  it('maps InviteRead: role as a role ref, created_at kept, no expiry, inviter or link', () => {
    const [jane] = parseWire(PermitInviteListWire, inviteList, 'invite list').map(toInvitation);
    expect(jane).toEqual({
      id: '4a7c1e52-3b9d-4f60-8e21-7d5a0c9b3f14',
      email: 'jane@example.com',
      roles: [{ key: 'write', name: 'Write' }],
      status: 'pending',
      invitedBy: null,
      createdAt: '2025-01-02T10:00:00+00:00',
      expiresAt: null,
      url: null,
      details: [
        { key: 'member_id', value: null },
        { key: 'email', value: 'jane@example.com' },
        { key: 'role', value: 'write' },
        { key: 'id', value: '4a7c1e52-3b9d-4f60-8e21-7d5a0c9b3f14' },
        { key: 'organization_id', value: '0b6f6c1e-7d1a-4c0e-9a51-2f7a4c1d9e10' },
        { key: 'invite_code', value: 'c3e8f1a2-6d4b-4e9f-b0a7-51d2e3f4a5b6' },
        { key: 'created_at', value: '2025-01-02T10:00:00+00:00' },
        { key: 'status', value: 'pending' },
        { key: 'failed_reason', value: null },
      ],
    });
  });

  it('applies the model default role (admin) and reads canceled as revoked', () => {
    const [, sam] = parseWire(PermitInviteListWire, inviteList, 'invite list').map(toInvitation);
    expect(sam?.roles).toEqual([{ key: 'admin', name: 'Admin' }]);
    expect(sam?.status).toBe('revoked');
  });

  it('rejects an invite whose status is outside the documented enum, naming the field', () => {
    const odd = [{ ...inviteList[0], status: 'expired' }];
    expect(() => parseWire(PermitInviteListWire, odd, 'invite list')).toThrow(ApiError);
    expect(() => parseWire(PermitInviteListWire, odd, 'invite list')).toThrow(/\[0\]\.status/);
  });

  it('parses MultiInviteResult, and its failed list defaults to empty', () => {
    const result = parseWire(PermitMultiInviteResultWire, multiResult, 'invite result');
    expect(result.success.map((invite) => invite.email)).toEqual(['jane@example.com']);
    expect(result.failed).toEqual([{ email: 'sam@example.com', reason: 'User already invited' }]);
    const onlySuccess = { success: multiResult.success };
    expect(parseWire(PermitMultiInviteResultWire, onlySuccess, 'invite result').failed).toEqual([]);
  });

  it('builds one InviteCreate with the first role, and leaves the role out for the default', () => {
    expect([fromInviteInput({ email: ' jane@example.com ', roles: ['write', 'read'] })]).toEqual(
      createRequest,
    );
    expect(fromInviteInput({ email: 'a@example.com', roles: [] })).toEqual({
      email: 'a@example.com',
    });
  });

  it('offers the MemberAccessLevel catalogue, names included', () => {
    expect(PERMIT_ROLES.map((role) => [role.key, role.name])).toEqual([
      ['admin', 'Admin'],
      ['write', 'Write'],
      ['read', 'Read'],
      ['no_access', 'No access'],
    ]);
    expect(toRoleRef('owner')).toEqual({ key: 'owner', name: 'owner' });
  });
});

describe('Permit org update mapping', () => {
  it('sends a cleared settings field as an empty object, so Permit clears it', () => {
    expect(fromUpdateOrgInput({ fields: { settings: null } })).toEqual({ settings: {} });
    expect(fromUpdateOrgInput({ name: 'Acme' })).toEqual({ name: 'Acme' });
  });
});
