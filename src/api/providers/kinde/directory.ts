import { ApiError } from '../../errors';
import type { HttpClient } from '../../http-client';
import type { RolesApi, UsersApi } from '../../org-admin-api';
import { parseWire } from '../../parse';
import type { User } from '../../people';
import { KindeUserDetailWire } from './access-wire';
import { kindeOperations as ops } from './operations';
import { toUser } from './people-map';
import { KindeSearchUsersWire, KindeUsersWire, type KindeUserWire } from './people-wire';
import type { RoleCatalogue } from './catalogues';

/** The most users the picker asks for at once. */
const MAX_USERS = 100;
/** Up to this many orgs are named one `GET /api/v1/organization` each; more, by reading the org list. */
const SINGLE_LOOKUPS = 5;

/** Where the names of a user's orgs come from: each org, or the whole list (code → name). */
export interface OrganizationNames {
  one(code: string, signal?: AbortSignal): Promise<string>;
  all(signal?: AbortSignal): Promise<ReadonlyMap<string, string>>;
}

async function namesOf(
  codes: readonly string[],
  source: OrganizationNames,
  signal?: AbortSignal,
): Promise<(string | null)[]> {
  if (codes.length > SINGLE_LOOKUPS) {
    const names = await source.all(signal);
    return codes.map((code) => names.get(code) ?? null);
  }
  return Promise.all(
    codes.map((code) =>
      source.one(code, signal).catch((error: unknown) => {
        // An org that cannot be read (gone meanwhile) keeps its code, without a name.
        if (error instanceof ApiError && error.kind === 'aborted') throw error;
        return null;
      }),
    ),
  );
}

function users(rows: readonly KindeUserWire[] | null | undefined): User[] {
  return (rows ?? []).flatMap((row) => {
    const user = toUser(row);
    return user ? [user] : [];
  });
}

/**
 * The user picker and a user's orgs. The picker, with text, uses Kinde's user search
 * (`GET /api/v1/search/users?query=`, by e-mail or name); without, the first users of
 * `GET /api/v1/users`, whose `email` filter matches whole addresses only.
 */
export function createKindeUsers(
  http: HttpClient,
  organizations: OrganizationNames,
): Required<UsersApi> {
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

    /** `GET /api/v1/user?id=…&expand=organizations` gives org codes; names are looked up. */
    async organizationsOf(userId, { signal } = {}) {
      const raw = await http.call(ops.getUser, {
        query: { id: userId, expand: 'organizations' },
        signal,
      });
      const codes = parseWire(KindeUserDetailWire, raw.json, 'user').organizations ?? [];
      const names = await namesOf(codes, organizations, signal);
      return codes.map((id, index) => ({ id, name: names[index] ?? null }));
    },
  };
}

/** Kinde's roles are the business's, the same for every org. */
export function createKindeRoles(catalogue: RoleCatalogue): RolesApi {
  return { list: (_orgId, { signal } = {}) => catalogue.list(signal) };
}
