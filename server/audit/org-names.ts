import type { AuditEntry } from './entry';
import type { AuditQueryResult } from './store';

/** An org an audit entry names: the connection and the provider's org id. */
export interface OrgRef {
  readonly connectionId: string;
  readonly orgId: string;
}

/**
 * Looks org names up (the connection index, where it mirrors the connection): a map from
 * `orgNameKey(connectionId, orgId)` to the name; orgs it does not know are left out.
 */
export type OrgNameLookup = (refs: readonly OrgRef[]) => Promise<ReadonlyMap<string, string>>;

export function orgNameKey(connectionId: string, orgId: string): string {
  return `${connectionId}\u0000${orgId}`;
}

/** The distinct orgs a page of entries names. */
export function orgRefs(entries: readonly AuditEntry[]): OrgRef[] {
  const seen = new Map<string, OrgRef>();
  for (const entry of entries) {
    const orgId = entry.target.orgId;
    if (orgId === undefined) continue;
    seen.set(orgNameKey(entry.connectionId, orgId), { connectionId: entry.connectionId, orgId });
  }
  return [...seen.values()];
}

/**
 * The page with each entry's org name where the server knows it, so the Audit page shows
 * "Acme (org_123)" when opened directly, not only after the browser has loaded that org. A
 * lookup that fails leaves the ids as they are: the log is still worth reading without names.
 */
export async function withOrgNames(
  result: AuditQueryResult,
  lookup: OrgNameLookup,
): Promise<AuditQueryResult> {
  const refs = orgRefs(result.items);
  if (refs.length === 0) return result;
  let names: ReadonlyMap<string, string>;
  try {
    names = await lookup(refs);
  } catch {
    return result;
  }
  if (names.size === 0) return result;
  return {
    ...result,
    items: result.items.map((entry) => {
      const orgId = entry.target.orgId;
      const orgName =
        orgId === undefined ? undefined : names.get(orgNameKey(entry.connectionId, orgId));
      return orgName === undefined ? entry : { ...entry, target: { ...entry.target, orgName } };
    }),
  };
}
