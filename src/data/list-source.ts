import type { Capabilities } from '../api/capabilities';
import type { IndexStatus } from '../api/connection-index';
import type { Connection } from '../api/connections';
import type { OrgListParams } from '../api/domain';

/**
 * Who answers a list, decided once here for every page that shows one:
 * - `provider`: the provider searches, sorts and pages it itself;
 * - `index`: the server's connection index (complete at any size);
 * - `browser`: every item loaded into the browser and handled here — only for user-token
 *   connections (each console user sees their own, small, set of orgs; the server does not index
 *   them), or while the index has never completed a sync (or is unavailable), which the UI says.
 */
export type ListSource =
  | { readonly kind: 'provider' }
  | { readonly kind: 'index' }
  | { readonly kind: 'browser'; readonly why: BrowserWhy };

export type BrowserWhy = 'user-token' | 'index-syncing' | 'index-unavailable';

/** What of an org list request the provider cannot do itself. */
export function orgListNeeds(params: OrgListParams, caps: Capabilities) {
  return {
    search: params.search.trim() !== '' && caps.list.search === 'client',
    sort: params.sort !== null && !caps.list.serverSortFields.includes(params.sort.field),
    all: caps.list.pagination === 'none',
  };
}

/** Whether the index is worth asking about at all for this connection. */
export function mayUseIndex(connection: Pick<Connection, 'auth'>): boolean {
  return connection.auth !== 'user-token';
}

/** An index answers once it has completed one sync (later syncs refresh it in place). */
export function indexAnswers(status: IndexStatus | undefined): boolean {
  return status !== undefined && status.indexed && status.syncedAt !== null;
}

function fallback(
  connection: Pick<Connection, 'auth'>,
  status: IndexStatus | undefined,
): ListSource {
  if (!mayUseIndex(connection)) return { kind: 'browser', why: 'user-token' };
  if (status?.indexed && (status.state === 'syncing' || status.state === 'never'))
    return { kind: 'browser', why: 'index-syncing' };
  return { kind: 'browser', why: 'index-unavailable' };
}

/** The index sorts by name and creation date only. */
const INDEX_SORT_FIELDS: readonly string[] = ['name', 'createdAt'];

export function orgListSource(
  params: OrgListParams,
  caps: Capabilities,
  connection: Pick<Connection, 'auth'>,
  status: IndexStatus | undefined,
): ListSource {
  const needs = orgListNeeds(params, caps);
  if (!needs.search && !needs.sort && !needs.all) return { kind: 'provider' };
  const sortable = params.sort === null || INDEX_SORT_FIELDS.includes(params.sort.field);
  if (mayUseIndex(connection) && indexAnswers(status) && sortable) return { kind: 'index' };
  return fallback(connection, status);
}

/**
 * Pending invitations across every org: no provider lists them across orgs, so the index answers
 * where it can; otherwise the browser asks each org (as far as a limit reaches).
 */
export function pendingInvitationsSource(
  connection: Pick<Connection, 'auth'>,
  status: IndexStatus | undefined,
): ListSource {
  if (mayUseIndex(connection) && indexAnswers(status)) return { kind: 'index' };
  return fallback(connection, status);
}
