/* eslint-disable @tanstack/query/exhaustive-deps -- every key starts with the connection id, which fixes `api` */
import { queryOptions } from '@tanstack/react-query';
import type { Organization } from '../../../api/domain';
import type { OrgAdminApi } from '../../../api/org-admin-api';
import { listEveryInvitation } from '../../../data/invitation-statuses';
import type { ActiveConnection } from '../../../lib/connection-context';
import { queryRoots } from '../../../lib/query-keys';
import { runQueue } from '../../../lib/task-queue';

export const SAMPLE_SIZE = 12;

export interface SampledOrg {
  readonly org: Pick<Organization, 'id' | 'name'>;
  /** Members (or, without a members API, the provider's user count). */
  readonly size: number | null;
  readonly pending: number | null;
}

export interface OrgSample {
  readonly orgs: readonly SampledOrg[];
  readonly sizeLabel: 'members' | 'users' | null;
}

/** Counts the provider does not give in its org list, asked of a few orgs, three at a time. */
async function sampleOrgs(
  api: OrgAdminApi,
  orgs: readonly Organization[],
  signal: AbortSignal,
): Promise<OrgSample> {
  const members = api.members;
  const invitations = api.invitations;
  const stats = api.stats;
  const sizeLabel = members ? 'members' : stats ? 'users' : null;
  const results = await runQueue(
    orgs,
    async (org): Promise<SampledOrg> => {
      const size = members
        ? (await members.listAll(org.id, { signal })).items.length
        : stats
          ? ((await stats.get(org.id, { signal })).counts.find((count) => count.label === 'Users')
              ?.value ?? null)
          : null;
      const pending = invitations
        ? (await listEveryInvitation(api, org.id, ['pending'], { signal })).items.length
        : null;
      return { org: { id: org.id, name: org.name }, size, pending };
    },
    { concurrency: 3, signal },
  );
  return { orgs: results.flatMap((result) => (result.ok ? [result.value] : [])), sizeLabel };
}

export const overviewQueries = {
  sample: ({ connection, api }: ActiveConnection, orgs: readonly Organization[]) =>
    queryOptions({
      queryKey: [
        ...queryRoots.peopleCounts(connection.id),
        'overview-sample',
        orgs.map((org) => org.id),
      ] as const,
      queryFn: ({ signal }) => sampleOrgs(api, orgs, signal),
      staleTime: 5 * 60_000,
    }),
  activeStats: ({ connection, api }: ActiveConnection) =>
    queryOptions({
      queryKey: [...queryRoots.peopleCounts(connection.id), 'overview-active-stats'] as const,
      queryFn: async ({ signal }) => {
        if (!api.activeOrganization || !api.stats) return null;
        const org = await api.activeOrganization.get({ signal });
        return { org, stats: await api.stats.get(org.id, { signal }) };
      },
      staleTime: 5 * 60_000,
    }),
};
