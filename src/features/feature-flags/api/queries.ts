/* eslint-disable @tanstack/query/exhaustive-deps -- every key starts with the connection id, which fixes `api` */
import { queryOptions } from '@tanstack/react-query';
import type { ActiveConnection } from '../../../lib/connection-context';
import { queryRoots } from '../../../lib/query-keys';

export const flagKeys = {
  org: (connectionId: string, orgId: string) =>
    [...queryRoots.orgScope(connectionId, orgId), 'flags'] as const,
};

/** At most this many flag lists load at once (the matrix asks for one per visible org). */
const MAX_PARALLEL = 3;
let running = 0;
const waiting: (() => void)[] = [];

async function bounded<T>(task: () => Promise<T>): Promise<T> {
  if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await task();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

export const flagQueries = {
  org: ({ connection, api }: ActiveConnection, orgId: string) =>
    queryOptions({
      queryKey: flagKeys.org(connection.id, orgId),
      queryFn: ({ signal }) =>
        bounded(async () => {
          if (!api.featureFlags) throw new Error('This provider keeps no feature flags.');
          return api.featureFlags.list(orgId, { signal });
        }),
      staleTime: 60_000,
    }),
};
