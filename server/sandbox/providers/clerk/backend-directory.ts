import type { Context } from 'hono';
import type { Handler } from '../../vendor';
import { signedIds } from './backend-list';
import { parseOrder } from './backend-members-list';
import { clerkInvalid, clerkIssue, clerkPeopleError, type ClerkErrorItem } from './errors';
import type { ClerkInstance } from './instance';
import { fullName, userMatches } from './memberships';
import { findOrgById } from './organizations';
import { backendMembership, backendUser, roleJson } from './serialize-people';
import type { ClerkState, ClerkUserRecord } from './state';
import { queryBoolean, queryInteger } from './validation';

/**
 * BAPI `GET /users`, `GET /users/count`, `GET /users/{id}/organization_memberships` and
 * `GET /organization_roles`: the instance's directory.
 */

type DirectoryOperation =
  'listUsers' | 'countUsers' | 'listUserOrganizationMemberships' | 'listOrganizationRoles';

const USER_ORDER_FIELDS = [
  'created_at',
  'updated_at',
  'email_address',
  'web3wallet',
  'first_name',
  'last_name',
  'phone_number',
  'username',
  'last_active_at',
  'last_sign_in_at',
] as const;
type UserOrderField = (typeof USER_ORDER_FIELDS)[number];

/** Filters that list values of things no sandbox user has: they match no one. */
const ABSENT_VALUE_FILTERS = ['phone_number', 'external_id', 'web3_wallet', 'provider_user_id'];
/** Time filters on activity the sandbox does not record (`last_active_at`, `last_sign_in_at` are null). */
const ACTIVITY_FILTERS = [
  'last_active_at_before',
  'last_active_at_after',
  'last_active_at_since',
  'last_sign_in_at_before',
  'last_sign_in_at_after',
];

function optionalInteger(c: Context, param: string, issues: ClerkErrorItem[]): number | null {
  const raw = c.req.query(param);
  return raw === undefined || raw === '' ? null : queryInteger(raw, param, 0, 0, null, issues);
}

/** The users the filters select, unordered; shared by the list and the count. */
function filterUsers(c: Context, state: ClerkState, issues: ClerkErrorItem[]): ClerkUserRecord[] {
  const values = (param: string) => c.req.queries(param) ?? [];
  for (const param of [
    'email_address',
    'username',
    'user_id',
    'organization_id',
    ...ABSENT_VALUE_FILTERS,
  ]) {
    if (values(param).length > 100)
      issues.push(clerkIssue.invalid(param, `${param} accepts up to 100 values.`));
  }
  const banned = c.req.query('banned');
  const bannedOnly = banned === undefined ? null : queryBoolean(banned, 'banned', issues);
  const createdBefore = optionalInteger(c, 'created_at_before', issues);
  const createdAfter = optionalInteger(c, 'created_at_after', issues);
  const activity = ACTIVITY_FILTERS.map((param) => optionalInteger(c, param, issues));
  if (issues.length > 0) return [];

  const emails = values('email_address').map((email) => email.toLowerCase());
  const usernames = values('username');
  const ids = signedIds(values('user_id'));
  const orgIds = signedIds(values('organization_id'));
  const orgsOf = new Map<string, Set<string>>();
  if (orgIds.include.size + orgIds.exclude.size > 0) {
    for (const membership of state.memberships) {
      const set = orgsOf.get(membership.user_id) ?? new Set<string>();
      set.add(membership.org_id);
      orgsOf.set(membership.user_id, set);
    }
  }
  const inOrgs = (user: ClerkUserRecord, orgs: ReadonlySet<string>) =>
    [...(orgsOf.get(user.id) ?? [])].some((orgId) => orgs.has(orgId));
  const text = (param: string) => (c.req.query(param) ?? '').trim().toLowerCase();
  const [query, emailQuery, usernameQuery, nameQuery, phoneQuery] = [
    (c.req.query('query') ?? '').trim(),
    text('email_address_query'),
    text('username_query'),
    text('name_query'),
    text('phone_number_query'),
  ];
  const absent = ABSENT_VALUE_FILTERS.some((param) => values(param).length > 0);
  return state.users.filter(
    (user) =>
      !absent &&
      phoneQuery === '' &&
      activity.every((value) => value === null) &&
      // Nobody is banned in the sandbox.
      bannedOnly !== true &&
      (emails.length === 0 || emails.includes(user.email_address.toLowerCase())) &&
      (usernames.length === 0 || (user.username !== null && usernames.includes(user.username))) &&
      (ids.include.size === 0 || ids.include.has(user.id)) &&
      !ids.exclude.has(user.id) &&
      (orgIds.include.size === 0 || inOrgs(user, orgIds.include)) &&
      !inOrgs(user, orgIds.exclude) &&
      userMatches(user, query) &&
      user.email_address.toLowerCase().includes(emailQuery) &&
      (usernameQuery === '' || (user.username?.toLowerCase().includes(usernameQuery) ?? false)) &&
      fullName(user).toLowerCase().includes(nameQuery) &&
      (createdBefore === null || user.created_at < createdBefore) &&
      (createdAfter === null || user.created_at > createdAfter),
  );
}

function userSortKey(user: ClerkUserRecord, field: UserOrderField): string | number | null {
  switch (field) {
    case 'created_at':
    case 'updated_at':
      return user.created_at;
    case 'email_address':
      return user.email_address.toLowerCase();
    case 'first_name':
      return user.first_name?.toLowerCase() ?? null;
    case 'last_name':
      return user.last_name?.toLowerCase() ?? null;
    case 'username':
      return user.username?.toLowerCase() ?? null;
    default:
      return null;
  }
}

function sortUsers(
  users: readonly ClerkUserRecord[],
  order: { field: UserOrderField; direction: 1 | -1 },
): ClerkUserRecord[] {
  const keyed = users.map((user) => ({ user, key: userSortKey(user, order.field) }));
  keyed.sort((a, b) => {
    if (a.key !== b.key) {
      if (a.key === null) return 1;
      if (b.key === null) return -1;
      return (a.key < b.key ? -1 : 1) * order.direction;
    }
    return b.user.created_at - a.user.created_at || (a.user.id < b.user.id ? -1 : 1);
  });
  return keyed.map(({ user }) => user);
}

export function backendDirectoryHandlers(
  instance: ClerkInstance,
): Record<DirectoryOperation, Handler> {
  const state = () => instance.state();

  return {
    listUsers: async (c) => {
      const issues: ClerkErrorItem[] = [];
      const limit = queryInteger(c.req.query('limit'), 'limit', 10, 1, 500, issues);
      const offset = queryInteger(c.req.query('offset'), 'offset', 0, 0, null, issues);
      // "We only support one order_by parameter": the first one counts.
      const order = parseOrder(
        c.req.queries('order_by')?.[0],
        USER_ORDER_FIELDS,
        '-created_at',
        issues,
      );
      const startingAfter = c.req.query('starting_after');
      if (startingAfter && order && order.field !== 'created_at') {
        issues.push(
          clerkIssue.invalid('starting_after', 'starting_after requires ordering by created_at.'),
        );
      }
      if (startingAfter && offset !== 0) {
        issues.push(
          clerkIssue.invalid('starting_after', 'starting_after cannot be combined with an offset.'),
        );
      }
      const users = filterUsers(c, state(), issues);
      if (issues.length > 0 || order === null) return clerkInvalid(issues);
      let sorted = sortUsers(users, order);
      if (startingAfter) {
        // Choice: an unknown cursor is past the end, so the page is empty.
        const index = sorted.findIndex((user) => user.id === startingAfter);
        sorted = index === -1 ? [] : sorted.slice(index + 1);
      }
      const wire = await instance.wire(c);
      // The spec's `User.List` is a bare array, with no total (that is `GET /users/count`).
      return c.json(sorted.slice(offset, offset + limit).map((user) => backendUser(user, wire)));
    },

    countUsers: (c) => {
      const issues: ClerkErrorItem[] = [];
      const users = filterUsers(c, state(), issues);
      if (issues.length > 0) return clerkInvalid(issues);
      return c.json({ object: 'total_count', total_count: users.length });
    },

    listUserOrganizationMemberships: async (c) => {
      const userId = c.req.param('user_id') ?? '';
      const user = state().users.find((candidate) => candidate.id === userId);
      // Choice: the spec lists only 403; an unknown user is Clerk's usual 404.
      if (!user) return clerkPeopleError.userNotFound(userId);
      const issues: ClerkErrorItem[] = [];
      const limit = queryInteger(c.req.query('limit'), 'limit', 10, 1, 500, issues);
      const offset = queryInteger(c.req.query('offset'), 'offset', 0, 0, null, issues);
      if (issues.length > 0) return clerkInvalid(issues);
      // Choice: newest membership first, like the instance's other lists.
      const rows = state()
        .memberships.filter((membership) => membership.user_id === userId)
        .sort((a, b) => b.created_at - a.created_at || (a.id < b.id ? -1 : 1))
        .flatMap((membership) => {
          const org = findOrgById(state(), membership.org_id);
          return org ? [{ membership, org }] : [];
        });
      const wire = await instance.wire(c);
      const counts = instance.counts();
      return c.json({
        data: rows
          .slice(offset, offset + limit)
          .map(({ membership, org }) =>
            backendMembership(membership, org, user, state(), wire, counts),
          ),
        total_count: rows.length,
      });
    },

    listOrganizationRoles: (c) => {
      const issues: ClerkErrorItem[] = [];
      const limit = queryInteger(c.req.query('limit'), 'limit', 10, 1, 500, issues);
      const offset = queryInteger(c.req.query('offset'), 'offset', 0, 0, null, issues);
      const order = parseOrder(
        c.req.query('order_by'),
        ['created_at', 'name', 'key'] as const,
        '-created_at',
        issues,
      );
      if (issues.length > 0 || order === null) return clerkInvalid(issues);
      const query = (c.req.query('query') ?? '').trim();
      const needle = query.toLowerCase();
      const roles = state()
        .roles.filter(
          (role) =>
            query === '' ||
            role.id === query ||
            role.name.toLowerCase().includes(needle) ||
            role.key.toLowerCase().includes(needle),
        )
        .sort((a, b) => {
          const [x, y] =
            order.field === 'created_at'
              ? [a.created_at, b.created_at]
              : [a[order.field].toLowerCase(), b[order.field].toLowerCase()];
          return (x < y ? -1 : x > y ? 1 : 0) * order.direction;
        });
      return c.json({
        data: roles.slice(offset, offset + limit).map((role) => roleJson(role, state())),
        total_count: roles.length,
      });
    },
  };
}
