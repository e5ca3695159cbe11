import type { AuditEntry } from './entry';

/** A test entry: the n-th second of 2026, on Clerk, by Ann, against `org_<n>`. */
export function entry(n: number, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: `id-${n}`,
    at: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
    actor: { id: 'ann', name: 'Ann Admin', role: 'admin' },
    connectionId: 'clerk',
    provider: 'clerk',
    operationId: 'deleteOrganization',
    summary: 'Delete organization',
    method: 'DELETE',
    target: { orgId: `org_${n}` },
    outcome: 'success',
    status: 200,
    ...overrides,
  };
}
