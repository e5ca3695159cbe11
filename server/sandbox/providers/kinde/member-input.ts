import type { KindeErrorItem } from './errors';
import type { KindeState } from './state';

/**
 * Reads the bulk bodies of `POST` and `PATCH /api/v1/organizations/{org_code}/users`:
 * `{users: [{id, operation?, roles?, permissions?}]}`. The 100-per-request cap is documented;
 * the error codes are the sandbox's choices. A request with any error changes nothing.
 */

export const MAX_USERS_PER_REQUEST = 100;

export interface UserEntry {
  readonly id: string;
  /** Role keys, when sent. */
  readonly roles?: string[];
  /** Permission keys, when sent. */
  readonly permissions?: string[];
  /** PATCH only: remove the user from the org. */
  readonly remove: boolean;
}

type Mode = 'add' | 'update';

/** What entries are checked against: the business's user ids, role keys and permission keys. */
interface Known {
  readonly users: ReadonlySet<string>;
  readonly roles: ReadonlySet<string>;
  readonly permissions: ReadonlySet<string>;
}

function keyList(
  value: unknown,
  field: 'roles' | 'permissions',
  known: ReadonlySet<string>,
  errors: KindeErrorItem[],
): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    errors.push({
      code: 'INVALID_VALUE',
      message: `${field} must be an array of keys`,
      field,
    });
    return undefined;
  }
  const keys = [...new Set(value as string[])];
  for (const key of keys) {
    if (known.has(key)) continue;
    errors.push(
      field === 'roles'
        ? { code: 'ROLE_NOT_FOUND', message: `Role ${key} not found`, field }
        : { code: 'PERMISSION_NOT_FOUND', message: `Permission ${key} not found`, field },
    );
  }
  return keys;
}

function readEntry(
  item: unknown,
  mode: Mode,
  known: Known,
  errors: KindeErrorItem[],
): UserEntry | null {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    errors.push({ code: 'INVALID_VALUE', message: 'Each user must be an object', field: 'users' });
    return null;
  }
  const record = item as Record<string, unknown>;
  const id = record['id'];
  if (typeof id !== 'string' || id === '') {
    errors.push({ code: 'USER_ID_REQUIRED', message: 'Each user needs an id', field: 'users' });
    return null;
  }
  if (!known.users.has(id)) {
    errors.push({ code: 'USER_NOT_FOUND', message: `User ${id} not found`, field: 'users' });
  }
  const operation = record['operation'];
  if (mode === 'add' && operation !== undefined) {
    errors.push({
      code: 'INVALID_OPERATION',
      message: 'operation is only accepted when updating users',
      field: 'operation',
    });
  } else if (operation !== undefined && operation !== null && operation !== 'delete') {
    errors.push({
      code: 'INVALID_OPERATION',
      message: 'operation can only be "delete"',
      field: 'operation',
    });
  }
  const roles = keyList(record['roles'], 'roles', known.roles, errors);
  const permissions = keyList(record['permissions'], 'permissions', known.permissions, errors);
  return {
    id,
    remove: operation === 'delete',
    ...(roles ? { roles } : {}),
    ...(permissions ? { permissions } : {}),
  };
}

/** The entries of a bulk body, one per user id (a repeated id keeps its first entry). */
export function readUserEntries(
  body: Record<string, unknown>,
  mode: Mode,
  state: KindeState,
): { entries: UserEntry[]; errors: KindeErrorItem[] } {
  const users = body['users'];
  if (!Array.isArray(users) || users.length === 0) {
    return {
      entries: [],
      errors: [{ code: 'USERS_REQUIRED', message: 'No users provided', field: 'users' }],
    };
  }
  if (users.length > MAX_USERS_PER_REQUEST) {
    return {
      entries: [],
      errors: [
        {
          code: 'TOO_MANY_USERS',
          message: `No more than ${MAX_USERS_PER_REQUEST} users can be sent in one request`,
          field: 'users',
        },
      ],
    };
  }
  const known: Known = {
    users: new Set(state.users.map((user) => user.id)),
    roles: new Set(state.roles.map((role) => role.key)),
    permissions: new Set(state.permissions.map((permission) => permission.key)),
  };
  const errors: KindeErrorItem[] = [];
  const entries = new Map<string, UserEntry>();
  for (const item of users) {
    const entry = readEntry(item, mode, known, errors);
    if (entry && !entries.has(entry.id)) entries.set(entry.id, entry);
  }
  return { entries: [...entries.values()], errors };
}
