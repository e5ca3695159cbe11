import type { Context } from 'hono';
import { clerkIssue, type ClerkErrorItem } from './errors';
import type { OrgCounts } from './serialize';
import type { ClerkOrgRecord, ClerkState } from './state';
import { queryBoolean, queryInteger } from './validation';

/** BAPI `GET /organizations`: query parsing, filters and `order_by`. */

export interface ListQuery {
  readonly limit: number;
  readonly offset: number;
  readonly query: string;
  readonly includeMembersCount: boolean;
  readonly includeMissingMember: boolean;
  readonly userIds: SignedIds;
  readonly organizationIds: SignedIds;
  readonly order: { readonly field: OrderField; readonly direction: 1 | -1 };
}

type OrderField = 'name' | 'created_at' | 'members_count';
const ORDER_FIELDS: readonly OrderField[] = ['name', 'created_at', 'members_count'];

export interface SignedIds {
  readonly include: ReadonlySet<string>;
  readonly exclude: ReadonlySet<string>;
}

/**
 * `+id` includes, `-id` excludes, no sign includes. A literal `+` in a query string decodes
 * to a space, so surrounding whitespace is dropped first (`?organization_id=+org_1` works).
 */
export function signedIds(values: readonly string[]): SignedIds {
  const include = new Set<string>();
  const exclude = new Set<string>();
  for (const raw of values) {
    const value = raw.trim();
    if (value.startsWith('-')) exclude.add(value.slice(1));
    else include.add(value.startsWith('+') ? value.slice(1) : value);
  }
  return { include, exclude };
}

export function parseListQuery(c: Context): { query: ListQuery } | { issues: ClerkErrorItem[] } {
  const issues: ClerkErrorItem[] = [];
  const limit = queryInteger(c.req.query('limit'), 'limit', 10, 1, 500, issues);
  const offset = queryInteger(c.req.query('offset'), 'offset', 0, 0, null, issues);
  const includeMembersCount = queryBoolean(
    c.req.query('include_members_count'),
    'include_members_count',
    issues,
  );
  const includeMissingMember = queryBoolean(
    c.req.query('include_missing_member_with_elevated_permissions'),
    'include_missing_member_with_elevated_permissions',
    issues,
  );
  const organizationIds = c.req.queries('organization_id') ?? [];
  if (organizationIds.length > 100) {
    issues.push(clerkIssue.invalid('organization_id', 'organization_id accepts up to 100 values.'));
  }
  const orderBy = (c.req.query('order_by') ?? '').trim() || '-created_at';
  const direction = orderBy.startsWith('-') ? -1 : 1;
  const field = ORDER_FIELDS.find((candidate) => candidate === orderBy.replace(/^[+-]/, ''));
  if (field === undefined) {
    issues.push(
      clerkIssue.invalid(
        'order_by',
        'order_by must be one of name, created_at or members_count, optionally prefixed with + or -.',
      ),
    );
  }
  if (issues.length > 0 || field === undefined) return { issues };
  return {
    query: {
      limit,
      offset,
      query: (c.req.query('query') ?? '').trim(),
      includeMembersCount,
      includeMissingMember,
      userIds: signedIds(c.req.queries('user_id') ?? []),
      organizationIds: signedIds(organizationIds),
      order: { field, direction },
    },
  };
}

function orgsOfUsers(state: ClerkState, users: ReadonlySet<string>): Set<string> {
  const orgs = new Set<string>();
  if (users.size === 0) return orgs;
  for (const membership of state.memberships)
    if (users.has(membership.user_id)) orgs.add(membership.org_id);
  return orgs;
}

function matches(org: ClerkOrgRecord, query: string): boolean {
  if (query === '') return true;
  if (org.id === query) return true;
  const needle = query.toLowerCase();
  return org.name.toLowerCase().includes(needle) || org.slug.includes(needle);
}

function compare(
  a: ClerkOrgRecord,
  b: ClerkOrgRecord,
  order: ListQuery['order'],
  counts: OrgCounts,
): number {
  let diff: number;
  if (order.field === 'name') {
    const [x, y] = [a.name.toLowerCase(), b.name.toLowerCase()];
    diff = x < y ? -1 : x > y ? 1 : 0;
  } else if (order.field === 'members_count') {
    diff = (counts.members.get(a.id) ?? 0) - (counts.members.get(b.id) ?? 0);
  } else {
    diff = a.created_at - b.created_at;
  }
  // Ties keep a stable order so offset pages never overlap.
  return diff === 0 ? (a.id < b.id ? -1 : 1) : diff * order.direction;
}

/** Every org the query selects, in order (before `limit`/`offset`). */
export function selectOrganizations(
  state: ClerkState,
  query: ListQuery,
  counts: OrgCounts,
): ClerkOrgRecord[] {
  const withUsers = orgsOfUsers(state, query.userIds.include);
  const withExcludedUsers = orgsOfUsers(state, query.userIds.exclude);
  const ids = query.organizationIds;
  return state.orgs
    .filter(
      (org) =>
        matches(org, query.query) &&
        (query.userIds.include.size === 0 || withUsers.has(org.id)) &&
        !withExcludedUsers.has(org.id) &&
        (ids.include.size === 0 || ids.include.has(org.id)) &&
        !ids.exclude.has(org.id),
    )
    .sort((a, b) => compare(a, b, query.order, counts));
}
