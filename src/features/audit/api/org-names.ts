import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { queryRoots } from '../../../lib/query-keys';

interface Named {
  readonly id: string;
  readonly name: string;
}

function isNamed(value: unknown): value is Named {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record['id'] === 'string' && typeof record['name'] === 'string';
}

/** Orgs the console has already loaded for a connection (lists and details), by id. */
function loadedOrgNames(queryClient: QueryClient, connectionId: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const [, data] of queryClient.getQueriesData({ queryKey: queryRoots.orgs(connectionId) })) {
    const items = (data as { items?: unknown } | undefined)?.items;
    const found: unknown[] = Array.isArray(items) ? items : [data];
    for (const org of found) if (isNamed(org)) names.set(org.id, org.name);
  }
  return names;
}

/**
 * Org names "where known": from the org lists and details already loaded in this session for the
 * given connections (the audit log records ids only). Unknown orgs show their id.
 */
export function useKnownOrgNames(
  connectionIds: readonly string[],
): (connectionId: string, orgId: string) => string | null {
  const queryClient = useQueryClient();
  const byConnection = new Map(
    [...new Set(connectionIds)].map((id) => [id, loadedOrgNames(queryClient, id)] as const),
  );
  return (connectionId, orgId) => byConnection.get(connectionId)?.get(orgId) ?? null;
}
