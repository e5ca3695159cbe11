import { ApiError } from '../../errors';
import type { HttpClient } from '../../http-client';
import { collectPages } from '../../list-emulation';
import { parseWire } from '../../parse';
import type { Role } from '../../people';
import { kindeOperations as ops } from './operations';
import { toRole, type RoleNames } from './people-map';
import { KindeRolesWire } from './people-wire';

/** How long a read catalogue is reused for role names and key → id lookups. */
const CATALOGUE_TTL_MS = 5 * 60_000;
const ROLES_PAGE_SIZE = 500;

/**
 * Kinde's roles (`GET /api/v1/roles`): business-wide, the same for every org. Members list role
 * keys only, and the per-user role endpoints take role ids, so the adapter keeps a short-lived
 * copy for names and ids.
 */
export class RoleCatalogue {
  private cached: { readonly at: number; readonly roles: Promise<readonly Role[]> } | null = null;

  constructor(
    private readonly http: HttpClient,
    private readonly now: () => number = Date.now,
  ) {}

  /** Reads the whole catalogue from Kinde (and keeps it for lookups). */
  list(signal?: AbortSignal): Promise<readonly Role[]> {
    const roles = this.fetchAll(signal);
    this.cached = { at: this.now(), roles };
    roles.catch(() => {
      if (this.cached?.roles === roles) this.cached = null;
    });
    return roles;
  }

  /** Key → name; empty when the catalogue cannot be read (members then show role keys). */
  async names(signal?: AbortSignal): Promise<RoleNames> {
    try {
      const roles = await this.current(signal);
      return new Map(roles.map((role) => [role.key, role.name]));
    } catch (error) {
      if (error instanceof ApiError && error.kind === 'aborted') throw error;
      return new Map();
    }
  }

  /** The ids of these role keys; an unknown key is a validation error naming it. */
  async ids(keys: readonly string[], signal?: AbortSignal): Promise<Map<string, string>> {
    let roles = await this.current(signal);
    if (keys.some((key) => !roles.some((role) => role.key === key && role.id))) {
      roles = await this.list(signal);
    }
    const ids = new Map<string, string>();
    for (const key of keys) {
      const id = roles.find((role) => role.key === key)?.id;
      if (!id) {
        throw new ApiError({
          kind: 'validation',
          message: `Kinde has no role with the key "${key}".`,
          fieldErrors: { roles: `Unknown role "${key}".` },
        });
      }
      ids.set(key, id);
    }
    return ids;
  }

  private current(signal?: AbortSignal): Promise<readonly Role[]> {
    if (this.cached && this.now() - this.cached.at < CATALOGUE_TTL_MS) return this.cached.roles;
    return this.list(signal);
  }

  private async fetchAll(signal?: AbortSignal): Promise<readonly Role[]> {
    let token: string | null = null;
    const { items } = await collectPages(async () => {
      const raw = await this.http.call(ops.listRoles, {
        query: { page_size: ROLES_PAGE_SIZE, next_token: token },
        signal,
      });
      const wire = parseWire(KindeRolesWire, raw.json, 'role list');
      token = wire.next_token ? wire.next_token : null;
      return { items: wire.roles ?? [], hasMore: token !== null };
    });
    return items.flatMap((wire) => {
      const role = toRole(wire);
      return role ? [role] : [];
    });
  }
}
