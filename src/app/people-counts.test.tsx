import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { Connection } from '../api/connections';
import type { OrgAdminApi } from '../api/org-admin-api';
import { useRefreshInvitations } from '../features/invitations/api/mutations';
import { useRefreshMembers } from '../features/members/api/mutations';
import { overviewQueries } from '../features/overview/api/queries';
import { ActiveConnectionContext, type ActiveConnection } from '../lib/connection-context';

const active = {
  connection: { id: 'conn-1' } as Connection,
  api: {} as OrgAdminApi,
} satisfies ActiveConnection;

function setup() {
  const queryClient = new QueryClient();
  const sample = overviewQueries.sample(active, []).queryKey;
  const stats = overviewQueries.activeStats(active).queryKey;
  queryClient.setQueryData(sample, { orgs: [], sizeLabel: null });
  queryClient.setQueryData(stats, null);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <ActiveConnectionContext value={active}>{children}</ActiveConnectionContext>
    </QueryClientProvider>
  );
  const invalidated = () =>
    [sample, stats].map((key) => queryClient.getQueryState(key)?.isInvalidated);
  return { wrapper, invalidated };
}

describe('overview counts after people change', () => {
  it('go stale when members change', async () => {
    const { wrapper, invalidated } = setup();
    const { result } = renderHook(() => useRefreshMembers('org-1'), { wrapper });
    expect(invalidated()).toEqual([false, false]);
    await result.current();
    expect(invalidated()).toEqual([true, true]);
  });

  it('go stale when invitations change', async () => {
    const { wrapper, invalidated } = setup();
    const { result } = renderHook(() => useRefreshInvitations('org-1'), { wrapper });
    await result.current();
    expect(invalidated()).toEqual([true, true]);
  });
});
