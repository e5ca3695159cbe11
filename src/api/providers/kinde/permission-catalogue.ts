import type { HttpClient } from '../../http-client';
import { parseWire } from '../../parse';
import type { Permission } from '../../people';
import { toPermission } from './access-map';
import { KindePermissionsWire } from './access-wire';
import { Catalogue, CATALOGUE_PAGE_SIZE, type CataloguePage } from './catalogue';
import { kindeOperations as ops } from './operations';

/** Kinde's permissions (`GET /api/v1/permissions`): business-wide; per-user calls take their ids. */
export class PermissionCatalogue extends Catalogue<Permission> {
  protected readonly noun = 'permission';
  protected readonly field = 'permission';

  constructor(
    private readonly http: HttpClient,
    now?: () => number,
  ) {
    super(now);
  }

  protected async fetchPage(
    token: string | null,
    signal?: AbortSignal,
  ): Promise<CataloguePage<Permission>> {
    const raw = await this.http.call(ops.listPermissions, {
      query: { page_size: CATALOGUE_PAGE_SIZE, next_token: token },
      signal,
    });
    const wire = parseWire(KindePermissionsWire, raw.json, 'permission list');
    return {
      items: (wire.permissions ?? []).flatMap((row) => {
        const permission = toPermission(row);
        return permission ? [permission] : [];
      }),
      next: wire.next_token ? wire.next_token : null,
    };
  }
}
