import type { Context } from 'hono';
import type { Handler } from '../../vendor';
import { clerkForbidden } from './errors';
import type { FrontendKit } from './frontend-people';
import type { ClerkInstance } from './instance';
import { readLogo, removeLogo, storeLogo } from './logo';
import { frontendOrganization } from './serialize';

type LogoOperation = 'updateOrganizationLogo' | 'deleteOrganizationLogo';

/** What changing the logo takes: the spec says "must be an admin"; the admin's permission is this. */
const MANAGE_PROFILE = 'org:sys_profile:manage';

/**
 * FAPI `PUT`/`DELETE /v1/organizations/{id}/logo`, as the signed-in user, sharing the Backend
 * API's logo handling (same types, size and image store). The upload answers with the org; the
 * delete with a `DeletedObject`.
 */
export function frontendLogoHandlers(
  instance: ClerkInstance,
  kit: FrontendKit,
): Record<LogoOperation, Handler> {
  function admin(c: Context) {
    const found = kit.memberOrg(c);
    if (found instanceof Response) return found;
    if (!kit.can(found.membership, MANAGE_PROFILE))
      return clerkForbidden('Only an admin of this organization can change its logo.');
    return found.org;
  }

  return {
    updateOrganizationLogo: async (c) => {
      const org = admin(c);
      if (org instanceof Response) return org;
      // Choice: the spec lists 400 and 422; form problems are 422, as on the other FAPI writes.
      const upload = await readLogo(c, { invalidStatus: 422, octetStream: true });
      if (upload instanceof Response) return upload;
      await storeLogo(instance, org, upload);
      return kit.wrapped(c, frontendOrganization(org, await instance.wire(c), instance.counts()));
    },

    deleteOrganizationLogo: (c) => {
      const org = admin(c);
      if (org instanceof Response) return org;
      const previous = removeLogo(instance, org);
      // Choice: the deleted object is the image (`img_…`), and deleting no logo still succeeds.
      return kit.wrapped(c, {
        object: 'image',
        ...(previous === null ? {} : { id: `img_${previous.split('.')[0] ?? previous}` }),
        deleted: true,
      });
    },
  };
}
