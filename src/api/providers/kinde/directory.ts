import type { HttpClient } from '../../http-client';
import type { RolesApi, UsersApi } from '../../org-admin-api';
import { parseWire } from '../../parse';
import type { User } from '../../people';
import { kindeOperations as ops } from './operations';
import { toUser } from './people-map';
import { KindeSearchUsersWire, KindeUsersWire, type KindeUserWire } from './people-wire';
import type { RoleCatalogue } from './role-catalogue';

/** The most users the picker asks for at once. */
const MAX_USERS = 100;

function users(rows: readonly KindeUserWire[] | null | undefined): User[] {
  return (rows ?? []).flatMap((row) => {
    const user = toUser(row);
    return user ? [user] : [];
  });
}

/**
 * The user picker: with text, Kinde's user search (`GET /api/v1/search/users?query=`, by e-mail
 * or name); without, the first users of `GET /api/v1/users`, whose `email` filter matches whole
 * addresses only.
 */
export function createKindeUsers(http: HttpClient): UsersApi {
  return {
    async search({ search, limit }, { signal } = {}) {
      const pageSize = Math.max(1, Math.min(limit, MAX_USERS));
      const query = search.trim();
      if (query === '') {
        const raw = await http.call(ops.listUsers, { query: { page_size: pageSize }, signal });
        return users(parseWire(KindeUsersWire, raw.json, 'user list').users);
      }
      const raw = await http.call(ops.searchUsers, {
        query: { query, page_size: pageSize },
        signal,
      });
      return users(parseWire(KindeSearchUsersWire, raw.json, 'user search').results);
    },
  };
}

/** Kinde's roles are the business's, the same for every org. */
export function createKindeRoles(catalogue: RoleCatalogue): RolesApi {
  return { list: (_orgId, { signal } = {}) => catalogue.list(signal) };
}
