import type { Organization } from '../../../api/domain';
import type { OrgAdminApi } from '../../../api/org-admin-api';
import type { Invitation } from '../../../api/people';
import { runQueue } from '../../../lib/task-queue';

export interface PendingRow {
  readonly org: Pick<Organization, 'id' | 'name'>;
  readonly invitation: Invitation;
}

export interface PendingScan {
  readonly rows: readonly PendingRow[];
  readonly orgsScanned: number;
  readonly orgsTotal: number;
  /** Whether the org list itself was complete (the provider may have more than Orgdeck loads). */
  readonly orgListComplete: boolean;
  readonly failed: readonly {
    readonly org: Pick<Organization, 'id' | 'name'>;
    readonly message: string;
  }[];
}

/** One org's pending invitations; the page passes a cached reader so a longer scan reuses them. */
export type PendingReader = (
  orgId: string,
  signal: AbortSignal,
) => Promise<{ readonly items: readonly Invitation[] }>;

/** Newest orgs first where the provider dates them: recent invitations are the ones asked about. */
function newestFirst(orgs: readonly Organization[]): readonly Organization[] {
  if (!orgs.some((org) => org.createdAt)) return orgs;
  return [...orgs].sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
}

/**
 * Pending invitations across the connection's orgs, as far as `orgLimit` reaches: providers only
 * list invitations per org, so Orgdeck asks each org (a few at a time, newest orgs first) and says
 * how far it looked.
 */
export async function scanPendingInvitations(
  api: OrgAdminApi,
  orgLimit: number,
  signal: AbortSignal,
  onProgress: (done: number, total: number) => void,
  readPending: PendingReader,
): Promise<PendingScan> {
  if (!api.invitations)
    return { rows: [], orgsScanned: 0, orgsTotal: 0, orgListComplete: true, failed: [] };
  const all = await api.organizations.listAll({ signal });
  const orgs = newestFirst(all.items).slice(0, orgLimit);
  onProgress(0, orgs.length);
  const results = await runQueue(orgs, (org) => readPending(org.id, signal), {
    concurrency: 4,
    signal,
    onProgress: (progress) => {
      onProgress(progress.done, progress.total);
    },
  });
  const rows: PendingRow[] = [];
  const failed: { org: Pick<Organization, 'id' | 'name'>; message: string }[] = [];
  for (const result of results) {
    const org = { id: result.item.id, name: result.item.name };
    if (result.ok) {
      for (const invitation of result.value.items) {
        if (invitation.status === 'pending') rows.push({ org, invitation });
      }
    } else {
      failed.push({
        org,
        message: result.error instanceof Error ? result.error.message : String(result.error),
      });
    }
  }
  rows.sort((a, b) => (b.invitation.createdAt ?? '').localeCompare(a.invitation.createdAt ?? ''));
  return {
    rows,
    orgsScanned: orgs.length,
    orgsTotal: all.items.length,
    orgListComplete: all.complete,
    failed,
  };
}
