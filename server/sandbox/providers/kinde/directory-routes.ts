import type { Context } from 'hono';
import { kindeError, kindeErrors, type KindeErrorItem } from './errors';
import {
  compareText,
  pageOf,
  readBooleanQuery,
  readPageQuery,
  readPageSize,
  nextTokenField,
} from './paging';
import {
  fullName,
  roleItem,
  searchResult,
  userDetail,
  userItem,
  type UserExpansion,
} from './people-view';
import { csvQuery, type KindeHandlers, type KindeRouteKit } from './route-kit';
import type { KindeUserRecord } from './state';

/**
 * The business's users and roles, for picking who to add and which role to give:
 * `GET /api/v1/users`, `GET /api/v1/search/users`, `GET /api/v1/user` and `GET /api/v1/roles`.
 */

/** The spec describes `GET /api/v1/users` as sortable by name or email but lists no `sort`: the sandbox takes these. */
const USER_SORTS = ['name_asc', 'name_desc', 'email_asc', 'email_desc'] as const;
const ROLE_SORTS = ['name_asc', 'name_desc', 'key_asc', 'key_desc'] as const;
const EXPANSIONS = ['organizations', 'identities', 'billing'];

type DirectoryOperation = 'listUsers' | 'searchUsers' | 'listRoles' | 'getUser';

export function directoryHandlers(kit: KindeRouteKit): KindeHandlers<DirectoryOperation> {
  const state = () => kit.state();

  /** `expand` as the user rows should carry it; unknown values add an error. */
  function readExpansion(
    c: Context,
    errors: KindeErrorItem[],
  ): (user: KindeUserRecord) => UserExpansion {
    const expand = csvQuery(c, 'expand');
    const unknown = expand.filter((item) => !EXPANSIONS.includes(item));
    if (unknown.length > 0) {
      errors.push({
        code: 'INVALID_EXPAND',
        message: `expand accepts ${EXPANSIONS.join(', ')}`,
        field: 'expand',
      });
    }
    const organizations = expand.includes('organizations');
    const identities = expand.includes('identities');
    return (user) => ({
      ...(organizations
        ? {
            organizations: state()
              .memberships.filter((row) => row.userId === user.id)
              .map((row) => row.orgCode),
          }
        : {}),
      identities,
    });
  }

  return {
    listUsers: kit.guarded('read:users', (c) => {
      const get = (name: string) => c.req.query(name);
      const query = readPageQuery(get, USER_SORTS);
      const errors = Array.isArray(query) ? [...query] : [];
      const expansion = readExpansion(c, errors);
      const hasOrganization = get('has_organization');
      const withOrg = readBooleanQuery(get, 'has_organization', errors);
      const activeSince = get('active_since') ?? '';
      if (activeSince !== '' && Number.isNaN(Date.parse(activeSince))) {
        errors.push({
          code: 'INVALID_VALUE',
          message: 'active_since must be an ISO 8601 date',
          field: 'active_since',
        });
      }
      if (errors.length > 0 || Array.isArray(query)) return kindeErrors(400, errors);

      // `email`, `user_id`, `username` and `phone` are comma-separated lists of exact values
      // (e-mails compared case-insensitively); sandbox users have no username or phone.
      const ids = csvQuery(c, 'user_id');
      const emails = csvQuery(c, 'email').map((email) => email.toLowerCase());
      const byNameOrPhone = csvQuery(c, 'username').length + csvQuery(c, 'phone').length > 0;
      const members = new Set(state().memberships.map((row) => row.userId));
      const users = state().users.filter(
        (user) =>
          !byNameOrPhone &&
          (ids.length === 0 || ids.includes(user.id)) &&
          (emails.length === 0 || emails.includes(user.email.toLowerCase())) &&
          (hasOrganization === undefined ||
            hasOrganization === '' ||
            members.has(user.id) === withOrg) &&
          (activeSince === '' ||
            (user.last_accessed_on !== null &&
              Date.parse(user.last_accessed_on) >= Date.parse(activeSince))),
      );
      const sort = query.sort;
      if (sort) {
        const sign = sort.endsWith('_desc') ? -1 : 1;
        const text = sort.startsWith('name') ? fullName : (user: KindeUserRecord) => user.email;
        users.sort((a, b) => sign * compareText(text(a), text(b), a.id, b.id));
      }
      const { items, nextToken } = pageOf(users, query);
      return c.json({
        code: 'OK',
        message: 'Success',
        users: items.map((user) => userItem(user, expansion(user))),
        ...nextTokenField(nextToken),
      });
    }),

    searchUsers: kit.guarded('read:users', (c) => {
      const get = (name: string) => c.req.query(name);
      const errors: KindeErrorItem[] = [];
      const pageSize = readPageSize(get, errors);
      const expansion = readExpansion(c, errors);
      const after = get('starting_after') ?? '';
      const before = get('ending_before') ?? '';
      if (after !== '' && before !== '') {
        errors.push({
          code: 'TOO_MANY_PARAMETERS',
          message: 'Only one of starting_after or ending_before may be specified',
        });
      }
      if (errors.length > 0) return kindeErrors(400, errors);

      // Kinde does not document how `query` matches: the sandbox matches part of the e-mail or
      // the full name, case-insensitively; "*" or nothing matches everyone.
      const needle = (get('query') ?? '').trim().toLowerCase();
      const matches =
        needle === '' || needle === '*'
          ? state().users
          : state().users.filter(
              (user) =>
                user.email.toLowerCase().includes(needle) ||
                fullName(user).toLowerCase().includes(needle),
            );
      const cursor = after || before;
      const at = cursor === '' ? -1 : matches.findIndex((user) => user.id === cursor);
      if (cursor !== '' && at < 0) {
        return kindeError(
          400,
          'USER_NOT_FOUND',
          'The cursor user is not in these results',
          after ? 'starting_after' : 'ending_before',
        );
      }
      const results =
        before !== ''
          ? matches.slice(Math.max(0, at - pageSize), at)
          : matches.slice(at + 1, at + 1 + pageSize);
      return c.json({
        code: 'OK',
        message: 'Success',
        results: results.map((user) => searchResult(user, expansion(user))),
      });
    }),

    getUser: kit.guarded('read:users', (c) => {
      const errors: KindeErrorItem[] = [];
      const expansion = readExpansion(c, errors);
      const id = c.req.query('id') ?? '';
      if (id === '')
        errors.push({ code: 'USER_ID_REQUIRED', message: 'User ID is required', field: 'id' });
      if (errors.length > 0) return kindeErrors(400, errors);
      const user = state().users.find((candidate) => candidate.id === id);
      // 400, as the spec declares no 404 here (which Kinde sends is unconfirmed).
      if (!user) return kindeError(400, 'USER_NOT_FOUND', 'User not found', 'id');
      return c.json(userDetail(user, expansion(user)));
    }),

    listRoles: kit.guarded('read:roles', (c) => {
      const query = readPageQuery((name) => c.req.query(name), ROLE_SORTS);
      if (Array.isArray(query)) return kindeErrors(400, query);
      // With no sort, roles come in the order they were created (a choice).
      const roles = [...state().roles];
      const sort = query.sort;
      if (sort) {
        const sign = sort.endsWith('_desc') ? -1 : 1;
        const field = sort.startsWith('name') ? 'name' : 'key';
        roles.sort((a, b) => sign * compareText(a[field], b[field], a.id, b.id));
      }
      const { items, nextToken } = pageOf(roles, query);
      return c.json({
        code: 'OK',
        message: 'Success',
        roles: items.map(roleItem),
        ...nextTokenField(nextToken),
      });
    }),
  };
}
