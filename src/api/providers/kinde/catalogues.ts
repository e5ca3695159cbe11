import type * as z from 'zod/mini';
import type { HttpClient } from '../../http-client';
import type { OperationSpec } from '../../operations';
import { parseWire } from '../../parse';
import type { Permission, Role } from '../../people';
import { toPermission } from './access-map';
import { KindePermissionsWire } from './access-wire';
import { Catalogue, CATALOGUE_PAGE_SIZE, type CataloguePage } from './catalogue';
import { kindeOperations as ops } from './operations';
import { toRole } from './people-map';
import { KindeRolesWire } from './people-wire';

/** Kinde's roles (`GET /api/v1/roles`): business-wide, the same for every org. */
export type RoleCatalogue = Catalogue<Role>;
/** Kinde's permissions (`GET /api/v1/permissions`): business-wide; per-user calls take their ids. */
export type PermissionCatalogue = Catalogue<Permission>;

/** One page of a Kinde catalogue listing: parsed, mapped, rows without a key dropped. */
function pageReader<S extends z.core.$ZodType, Row, T>(
  http: HttpClient,
  op: OperationSpec,
  schema: S,
  what: string,
  rows: (wire: z.infer<S>) => readonly Row[] | null | undefined,
  next: (wire: z.infer<S>) => string | null | undefined,
  map: (row: Row) => T | null,
) {
  return async (token: string | null, signal?: AbortSignal): Promise<CataloguePage<T>> => {
    const raw = await http.call(op, {
      query: { page_size: CATALOGUE_PAGE_SIZE, next_token: token },
      signal,
    });
    const wire = parseWire(schema, raw.json, what);
    return {
      items: (rows(wire) ?? []).flatMap((row) => {
        const item = map(row);
        return item ? [item] : [];
      }),
      next: next(wire) || null,
    };
  };
}

export function createRoleCatalogue(http: HttpClient, now?: () => number): RoleCatalogue {
  return new Catalogue<Role>(
    {
      noun: 'role',
      field: 'roles',
      fetchPage: pageReader(
        http,
        ops.listRoles,
        KindeRolesWire,
        'role list',
        (wire) => wire.roles,
        (wire) => wire.next_token,
        toRole,
      ),
    },
    now,
  );
}

export function createPermissionCatalogue(
  http: HttpClient,
  now?: () => number,
): PermissionCatalogue {
  return new Catalogue<Permission>(
    {
      noun: 'permission',
      field: 'permission',
      fetchPage: pageReader(
        http,
        ops.listPermissions,
        KindePermissionsWire,
        'permission list',
        (wire) => wire.permissions,
        (wire) => wire.next_token,
        toPermission,
      ),
    },
    now,
  );
}
