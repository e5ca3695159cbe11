import { describe, expect, it } from 'vitest';
import type { Invitation } from '../api/people';
import {
  DEFAULT_PENDING_SORT,
  pagePendingRows,
  pendingSortFields,
  type PendingInvitationRow,
} from './pending-invitations';

function row(email: string, org: string, createdAt: string, expiresAt: string | null = null) {
  const invitation: Invitation = {
    id: email,
    email,
    roles: [],
    status: 'pending',
    invitedBy: null,
    createdAt,
    expiresAt,
    url: null,
    details: [],
  };
  return { org: { id: org.toLowerCase(), name: org }, invitation } satisfies PendingInvitationRow;
}

const rows = [
  row('bea@acme.com', 'Acme', '2026-11-02T00:00:00Z', '2026-12-30T00:00:00Z'),
  row('al@zeta.io', 'Zeta', '2026-11-03T00:00:00Z', '2026-12-10T00:00:00Z'),
  row('cy@beta.org', 'Beta', '2026-11-01T00:00:00Z', '2026-12-20T00:00:00Z'),
];
const emails = (items: readonly PendingInvitationRow[]) => items.map((r) => r.invitation.email);

describe('pagePendingRows', () => {
  it('puts the newest invitation first by default', () => {
    const page = pagePendingRows(rows, {
      search: '',
      sort: DEFAULT_PENDING_SORT,
      page: 1,
      pageSize: 25,
    });
    expect(emails(page.items)).toEqual(['al@zeta.io', 'bea@acme.com', 'cy@beta.org']);
    expect(page.total).toBe(3);
  });

  it('sorts by email, organization name or expiry in either direction', () => {
    const base = { search: '', page: 1, pageSize: 25 } as const;
    expect(
      emails(pagePendingRows(rows, { ...base, sort: { field: 'email', direction: 'asc' } }).items),
    ).toEqual(['al@zeta.io', 'bea@acme.com', 'cy@beta.org']);
    expect(
      emails(pagePendingRows(rows, { ...base, sort: { field: 'org', direction: 'desc' } }).items),
    ).toEqual(['al@zeta.io', 'cy@beta.org', 'bea@acme.com']);
    expect(
      emails(
        pagePendingRows(rows, { ...base, sort: { field: 'expiresAt', direction: 'asc' } }).items,
      ),
    ).toEqual(['al@zeta.io', 'cy@beta.org', 'bea@acme.com']);
  });

  it('filters by email and pages what matches, counting every match', () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      row(`p${String(i).padStart(2, '0')}@acme.com`, 'Acme', '2026-11-01T00:00:00Z'),
    );
    const query = {
      search: 'ACME',
      sort: { field: 'email', direction: 'asc' },
      pageSize: 25,
    } as const;
    const second = pagePendingRows([...many, rows[1] as PendingInvitationRow], {
      ...query,
      page: 2,
    });
    expect(second.total).toBe(30);
    expect(emails(second.items)).toEqual([
      'p25@acme.com',
      'p26@acme.com',
      'p27@acme.com',
      'p28@acme.com',
      'p29@acme.com',
    ]);
  });
});

describe('pendingSortFields', () => {
  it('offers expiry sorting only where the browser holds the rows (the index cannot sort by it)', () => {
    expect(pendingSortFields({ kind: 'index' })).not.toContain('expiresAt');
    expect(pendingSortFields({ kind: 'browser', why: 'user-token' })).toContain('expiresAt');
  });
});
