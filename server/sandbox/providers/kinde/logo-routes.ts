import type { Context } from 'hono';
import { ImageStore } from '../../images';
import { requestOrigin } from '../../vendor';
import { kindeError } from './errors';
import { sniffImageType } from './image-type';
import { pathOrg, success, type KindeHandlers, type KindeRouteKit } from './route-kit';
import {
  KINDE_LOGO_TYPES as LOGO_VARIANTS,
  type KindeLogoType,
  type KindeOrgRecord,
} from './state';

/**
 * An org's logos: `GET /api/v1/organizations/{org_code}/logos`, `POST …/logos/{type}` (multipart
 * field `logo`) and `DELETE …/logos/{type}` (204 when there is none), `type` light or dark.
 * Kinde's docs ask for files under 1MB, SVG preferred, PNG, JPEG and GIF named "and other
 * formats accepted": the sandbox takes those and WebP, read from the bytes, and refuses the rest
 * with a 400 (the spec's only error status here; the codes are its choices).
 */

type LogoOperation = 'getOrganizationLogos' | 'addOrganizationLogo' | 'deleteOrganizationLogo';

export const LOGO_MAX_BYTES = 1024 * 1024;
const LOGO_CONTENT_TYPES = ['image/svg+xml', 'image/png', 'image/jpeg', 'image/gif', 'image/webp'];

/** Room for the multipart framing around a file of the maximum size. */
const MULTIPART_OVERHEAD = 64 * 1024;

function pathType(c: Context): KindeLogoType | Response {
  const type = c.req.param('type') ?? '';
  const known = LOGO_VARIANTS.find((candidate) => candidate === type);
  return known ?? kindeError(400, 'INVALID_LOGO_TYPE', 'Logo type must be light or dark', 'type');
}

const tooLarge = () =>
  kindeError(400, 'FILE_TOO_LARGE', 'The logo must be smaller than 1MB', 'logo');

/** The absolute URL an org's logo is served at, or null without one. */
export function logoUrl(c: Context, org: KindeOrgRecord, type: KindeLogoType): string | null {
  const logo = org.logos?.[type];
  return logo ? requestOrigin(c) + ImageStore.path(logo.image) : null;
}

export function logoHandlers(kit: KindeRouteKit): KindeHandlers<LogoOperation> {
  return {
    getOrganizationLogos: kit.guarded('read:organizations', (c) => {
      const org = pathOrg(kit, c);
      if (org instanceof Response) return org;
      const logos = LOGO_VARIANTS.flatMap((type) => {
        const logo = org.logos?.[type];
        // `path` is relative to the host, like the spec's `/logo?p_org_code=…` example.
        return logo ? [{ type, file_name: logo.file_name, path: ImageStore.path(logo.image) }] : [];
      });
      return c.json({ code: 'OK', logos, message: 'Success' });
    }),

    addOrganizationLogo: kit.guarded('update:organizations', async (c) => {
      const org = pathOrg(kit, c);
      if (org instanceof Response) return org;
      const type = pathType(c);
      if (type instanceof Response) return type;
      if (Number(c.req.header('content-length') ?? '0') > LOGO_MAX_BYTES + MULTIPART_OVERHEAD)
        return tooLarge();
      const form = await c.req.raw.formData().catch(() => null);
      const file = form?.get('logo');
      if (file === null || file === undefined || typeof file === 'string')
        return kindeError(400, 'LOGO_REQUIRED', 'A logo file is required', 'logo');
      if (file.size > LOGO_MAX_BYTES) return tooLarge();
      const bytes = new Uint8Array(await file.arrayBuffer());
      const contentType = sniffImageType(bytes);
      if (contentType === null || !LOGO_CONTENT_TYPES.includes(contentType)) {
        return kindeError(
          400,
          'INVALID_FILE_TYPE',
          'The logo must be an SVG, PNG, JPEG, GIF or WebP image',
          'logo',
        );
      }
      const image = await kit.ctx.images.put(bytes, contentType);
      org.logos = { ...org.logos, [type]: { image, file_name: file.name || `logo_${type}` } };
      kit.ctx.store.changed();
      return success();
    }),

    deleteOrganizationLogo: kit.guarded('update:organizations', (c) => {
      const org = pathOrg(kit, c);
      if (org instanceof Response) return org;
      const type = pathType(c);
      if (type instanceof Response) return type;
      if (!org.logos?.[type]) return c.body(null, 204);
      const rest = Object.fromEntries(Object.entries(org.logos).filter(([kept]) => kept !== type));
      if (Object.keys(rest).length > 0) org.logos = rest;
      else delete org.logos;
      kit.ctx.store.changed();
      return success();
    }),
  };
}
