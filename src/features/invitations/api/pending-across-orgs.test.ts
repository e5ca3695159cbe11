import { describe, expect, it } from 'vitest';
import type { Organization } from '../../../api/domain';
import type { OrgAdminApi } from '../../../api/org-admin-api';
import type { Invitation } from '../../../api/people';
import { organizationFixture } from '../../../testing/organization';
import { scanPendingInvitations } from './pending-across-orgs';

function org(id: string, createdAt: string | null): Organization {
  return organizationFixture({ id, createdAt });
}

function invitation(email: string, status: Invitation['status'] = 'pending'): Invitation {
  return {
    id: email,
    email,
    roles: [],
    status,
    invitedBy: null,
    createdAt: '2026-11-01T00:00:00Z',
    expiresAt: null,
    url: null,
    details: [],
  };
}

/** Just what the scan uses: the org list, and an invitations API that must not be called. */
function fakeApi(orgs: Organization[]): OrgAdminApi {
  return {
    organizations: { listAll: () => Promise.resolve({ items: orgs, complete: true }) },
    invitations: {
      listAll: () => Promise.reject(new Error('the reader passed in should be used')),
    },
  } as unknown as OrgAdminApi;
}

describe('pending invitations across orgs', () => {
  it('asks the newest orgs first, as far as the limit, through the reader it is given', async () => {
    const api = fakeApi([
      org('old', '2024-01-01T00:00:00Z'),
      org('new', '2026-10-01T00:00:00Z'),
      org('mid', '2025-06-01T00:00:00Z'),
    ]);
    const asked: string[] = [];
    const scan = await scanPendingInvitations(
      api,
      2,
      new AbortController().signal,
      () => undefined,
      (orgId) => {
        asked.push(orgId);
        return Promise.resolve({
          items: [invitation(`${orgId}@acme.test`), invitation('gone@acme.test', 'revoked')],
        });
      },
    );
    expect(asked.sort()).toEqual(['mid', 'new']);
    expect(scan.rows.map((row) => row.invitation.email).sort()).toEqual([
      'mid@acme.test',
      'new@acme.test',
    ]);
    expect(scan).toMatchObject({ orgsScanned: 2, orgsTotal: 3, orgListComplete: true });
  });

  it('keeps the provider’s order where orgs carry no dates, and reports an org that failed', async () => {
    const api = fakeApi([org('b', null), org('a', null)]);
    const scan = await scanPendingInvitations(
      api,
      1,
      new AbortController().signal,
      () => undefined,
      (orgId) => Promise.reject(new Error(`no access to ${orgId}`)),
    );
    expect(scan.failed).toEqual([{ org: { id: 'b', name: 'Org b' }, message: 'no access to b' }]);
  });
});
