import type { HttpClient } from '../../http-client';
import { parseWire } from '../../parse';
import type { Role } from '../../people';
import { Catalogue, CATALOGUE_PAGE_SIZE, type CataloguePage } from './catalogue';
import { kindeOperations as ops } from './operations';
import { toRole } from './people-map';
import { KindeRolesWire } from './people-wire';

/** Kinde's roles (`GET /api/v1/roles`): business-wide, the same for every org. */
export class RoleCatalogue extends Catalogue<Role> {
  protected readonly noun = 'role';
  protected readonly field = 'roles';

  constructor(
    private readonly http: HttpClient,
    now?: () => number,
  ) {
    super(now);
  }

  protected async fetchPage(
    token: string | null,
    signal?: AbortSignal,
  ): Promise<CataloguePage<Role>> {
    const raw = await this.http.call(ops.listRoles, {
      query: { page_size: CATALOGUE_PAGE_SIZE, next_token: token },
      signal,
    });
    const wire = parseWire(KindeRolesWire, raw.json, 'role list');
    return {
      items: (wire.roles ?? []).flatMap((row) => {
        const role = toRole(row);
        return role ? [role] : [];
      }),
      next: wire.next_token ? wire.next_token : null,
    };
  }
}
