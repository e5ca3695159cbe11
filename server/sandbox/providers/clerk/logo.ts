import type { Context } from 'hono';
import { clerkErrors, clerkInvalid, clerkIssue, clerkNotFound } from './errors';
import { sniffImageType } from './images';
import type { ClerkInstance } from './instance';
import { findOrgById } from './organizations';
import { backendOrganizationWithLogo } from './serialize';

/** BAPI `PUT /organizations/{id}/logo`: multipart `file` (required), optional `uploader_user_id`. */

export const LOGO_MAX_BYTES = 10 * 1024 * 1024;
const LOGO_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'];
/** Room for the multipart framing around a file of the maximum size. */
const MULTIPART_OVERHEAD = 64 * 1024;

function tooLarge(): Response {
  return clerkErrors(413, [
    {
      code: 'request_body_too_large',
      message: 'File too large',
      long_message: 'The file size cannot exceed 10MB.',
      meta: { param_name: 'file' },
    },
  ]);
}

export async function uploadLogo(c: Context, instance: ClerkInstance): Promise<Response> {
  const state = instance.state();
  const org = findOrgById(state, c.req.param('organization_id') ?? '');
  if (!org) return clerkNotFound();
  if (Number(c.req.header('content-length') ?? '0') > LOGO_MAX_BYTES + MULTIPART_OVERHEAD)
    return tooLarge();

  // The spec lists 400 (not 422) for this endpoint, so form problems are 400 here.
  const form = await c.req.raw.formData().catch(() => null);
  if (form === null) {
    return clerkInvalid([clerkIssue.missing('file')], 400);
  }
  const file = form.get('file');
  if (file === null || typeof file === 'string')
    return clerkInvalid([clerkIssue.missing('file')], 400);
  if (file.size > LOGO_MAX_BYTES) return tooLarge();

  const uploader = form.get('uploader_user_id');
  if (
    typeof uploader === 'string' &&
    uploader !== '' &&
    !state.users.some((user) => user.id === uploader)
  ) {
    return clerkInvalid(
      [
        clerkIssue.valueInvalid(
          'uploader_user_id',
          `No user matches uploader_user_id "${uploader}".`,
        ),
      ],
      400,
    );
  }

  // Choice: the type is read from the bytes, so a mislabelled text file is refused and an
  // untyped Blob holding a PNG is accepted.
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = sniffImageType(bytes);
  if (type === null || !LOGO_TYPES.includes(type)) {
    return clerkInvalid(
      [
        clerkIssue.invalid(
          'file',
          'Only the following file content types are supported: image/jpeg, image/png, image/gif, image/webp.',
        ),
      ],
      400,
    );
  }

  org.logo_image_id = await instance.ctx.images.put(bytes, type);
  org.updated_at = instance.ctx.now();
  instance.changed();
  return c.json(backendOrganizationWithLogo(org, await instance.wire(c), instance.counts()));
}
