import type { Context } from 'hono';
import { signedIds, type SignedIds } from './backend-list';
import { clerkIssue, type ClerkErrorItem } from './errors';
import { fullName, userMatches, type MemberRow } from './memberships';
import type { ClerkUserRecord } from './state';
import { queryInteger } from './validation';

/** BAPI `GET /organizations/{id}/memberships`: query parsing, filters and `order_by`. */

type OrderField =
  'phone_number' | 'email_address' | 'created_at' | 'first_name' | 'last_name' | 'username';
const ORDER_FIELDS: readonly OrderField[] = [
  'phone_number',
  'email_address',
  'created_at',
  'first_name',
  'last_name',
  'username',
];
/** The spec's array filters, besides `user_id` (which takes `+`/`-`). */
type ListFilter = 'email_address' | 'phone_number' | 'username' | 'web3_wallet' | 'role';
const MAX_FILTER_VALUES = 100;

export interface MembersQuery {
  readonly limit: number;
  readonly offset: number;
  readonly userIds: SignedIds;
  readonly lists: Readonly<Record<ListFilter, readonly string[] | null>>;
  readonly query: string;
  readonly emailQuery: string;
  readonly phoneQuery: string;
  readonly usernameQuery: string;
  readonly nameQuery: string;
  readonly createdBefore: number | null;
  readonly createdAfter: number | null;
  readonly lastActiveBefore: number | null;
  readonly lastActiveAfter: number | null;
  readonly order: { readonly field: OrderField; readonly direction: 1 | -1 };
}

function optionalInteger(c: Context, param: string, issues: ClerkErrorItem[]): number | null {
  const raw = c.req.query(param);
  if (raw === undefined || raw === '') return null;
  return queryInteger(raw, param, 0, 0, null, issues);
}

/** `order_by`: a field with an optional `+`/`-`; no prefix means `+`. */
export function parseOrder<F extends string>(
  raw: string | undefined,
  fields: readonly F[],
  fallback: string,
  issues: ClerkErrorItem[],
): { field: F; direction: 1 | -1 } | null {
  const orderBy = (raw ?? '').trim() || fallback;
  const field = fields.find((candidate) => candidate === orderBy.replace(/^[+-]/, ''));
  if (field === undefined) {
    issues.push(
      clerkIssue.invalid(
        'order_by',
        `order_by must be one of ${fields.join(', ')}, optionally prefixed with + or -.`,
      ),
    );
    return null;
  }
  return { field, direction: orderBy.startsWith('-') ? -1 : 1 };
}

export function parseMembersQuery(
  c: Context,
): { query: MembersQuery } | { issues: ClerkErrorItem[] } {
  const issues: ClerkErrorItem[] = [];
  const limit = queryInteger(c.req.query('limit'), 'limit', 10, 1, 500, issues);
  const offset = queryInteger(c.req.query('offset'), 'offset', 0, 0, null, issues);
  // The spec gives no default order; the SDK documents `-created_at`.
  const order = parseOrder(c.req.query('order_by'), ORDER_FIELDS, '-created_at', issues);
  const userIdValues = c.req.queries('user_id') ?? [];
  const values = (param: ListFilter) => c.req.queries(param) ?? null;
  const lists = {
    email_address: values('email_address'),
    phone_number: values('phone_number'),
    username: values('username'),
    web3_wallet: values('web3_wallet'),
    role: values('role'),
  };
  for (const [param, given] of [...Object.entries(lists), ['user_id', userIdValues] as const]) {
    if (given && given.length > MAX_FILTER_VALUES)
      issues.push(clerkIssue.invalid(param, `${param} accepts up to ${MAX_FILTER_VALUES} values.`));
  }
  const createdBefore = optionalInteger(c, 'created_at_before', issues);
  const createdAfter = optionalInteger(c, 'created_at_after', issues);
  const lastActiveBefore = optionalInteger(c, 'last_active_at_before', issues);
  const lastActiveAfter = optionalInteger(c, 'last_active_at_after', issues);
  if (issues.length > 0 || order === null) return { issues };
  const text = (param: string) => (c.req.query(param) ?? '').trim().toLowerCase();
  return {
    query: {
      limit,
      offset,
      userIds: signedIds(userIdValues),
      lists,
      query: (c.req.query('query') ?? '').trim(),
      emailQuery: text('email_address_query'),
      phoneQuery: text('phone_number_query'),
      usernameQuery: text('username_query'),
      nameQuery: text('name_query'),
      createdBefore,
      createdAfter,
      lastActiveBefore,
      lastActiveAfter,
      order,
    },
  };
}

function inList(values: readonly string[] | null, value: string | null): boolean {
  return values === null || (value !== null && values.includes(value));
}

function contains(value: string | null, needle: string): boolean {
  return needle === '' || (value?.toLowerCase().includes(needle) ?? false);
}

function matches(row: MemberRow, user: ClerkUserRecord, q: MembersQuery): boolean {
  const { userIds, lists } = q;
  return (
    (userIds.include.size === 0 || userIds.include.has(user.id)) &&
    !userIds.exclude.has(user.id) &&
    inList(lists.email_address, user.email_address) &&
    inList(lists.username, user.username) &&
    inList(lists.role, row.membership.role) &&
    // Sandbox users have no phone numbers or web3 wallets, so those filters match no one.
    inList(lists.phone_number, null) &&
    inList(lists.web3_wallet, null) &&
    userMatches(user, q.query) &&
    contains(user.email_address, q.emailQuery) &&
    q.phoneQuery === '' &&
    contains(user.username, q.usernameQuery) &&
    contains(fullName(user), q.nameQuery) &&
    // The spec reads these as the user's sign-up time. No session activity is recorded in the
    // sandbox (`last_active_at` is null), so the activity filters match no one.
    (q.createdBefore === null || user.created_at < q.createdBefore) &&
    (q.createdAfter === null || user.created_at > q.createdAfter) &&
    q.lastActiveBefore === null &&
    q.lastActiveAfter === null
  );
}

function sortKey(row: MemberRow, field: OrderField): string | number | null {
  const user = row.user;
  switch (field) {
    case 'created_at':
      return row.membership.created_at;
    case 'email_address':
      return user?.email_address.toLowerCase() ?? null;
    case 'first_name':
      return user?.first_name?.toLowerCase() ?? null;
    case 'last_name':
      return user?.last_name?.toLowerCase() ?? null;
    case 'username':
      return user?.username?.toLowerCase() ?? null;
    case 'phone_number':
      return null;
  }
}

/**
 * Rows in `order`: missing values last either way (choice), ties newest membership first, then
 * by id, so offset pages never overlap.
 */
export function sortMembers(rows: readonly MemberRow[], order: MembersQuery['order']): MemberRow[] {
  const keyed = rows.map((row) => ({ row, key: sortKey(row, order.field) }));
  keyed.sort((a, b) => {
    if (a.key !== b.key) {
      if (a.key === null) return 1;
      if (b.key === null) return -1;
      return (a.key < b.key ? -1 : 1) * order.direction;
    }
    const x = a.row.membership;
    const y = b.row.membership;
    return y.created_at - x.created_at || (x.id < y.id ? -1 : 1);
  });
  return keyed.map(({ row }) => row);
}

/** The org's members the query selects, in order (before `limit`/`offset`). */
export function selectMembers(rows: readonly MemberRow[], query: MembersQuery): MemberRow[] {
  return sortMembers(
    rows.filter((row) => row.user !== undefined && matches(row, row.user, query)),
    query.order,
  );
}
