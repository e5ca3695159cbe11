import type { Context } from 'hono';
import {
  clerkErrors,
  clerkInvalid,
  clerkIssue,
  clerkNotFound,
  type ClerkErrorItem,
} from './errors';
import { sniffImageType } from './images';
import type { ClerkInstance } from './instance';
import { findOrgById } from './organizations';
import { backendOrganizationWithLogo } from './serialize';
import type { ClerkOrgRecord } from './state';

/**
 * Org logos, the same on both Clerk APIs: at most 10 MB of JPEG, PNG, GIF or WebP, kept in the
 * sandbox's image store. BAPI `PUT /organizations/{id}/logo` takes multipart `file` (required) and
 * an optional `uploader_user_id`; FAPI's also takes the image as a raw octet-stream body.
 */

export const LOGO_MAX_BYTES = 10 * 1024 * 1024;
const LOGO_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'];
/**
 * The Backend API also takes icons, as the seed spec (2025-11-10 and the specs before 2025-07-25)
 * lists `image/x-icon` and `image/vnd.microsoft.icon`. Newer Clerk specs dropped both; the sandbox
 * follows the seed until the console targets only the newer API version.
 */
const BACKEND_LOGO_TYPES = [...LOGO_TYPES, 'image/x-icon'];
/** Room for the multipart framing (or base64's third) around a file of the maximum size. */
const BODY_OVERHEAD = LOGO_MAX_BYTES / 3 + 64 * 1024;

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

export interface LogoUpload {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly type: string;
  /** The multipart form, for the endpoint's other fields; null for an octet-stream body. */
  readonly form: FormData | null;
}

export interface LogoReadOptions {
  /** The status the endpoint answers form problems with (BAPI's spec lists only 400). */
  readonly invalidStatus: 400 | 422;
  /** FAPI: the image may come as the whole `application/octet-stream` body. */
  readonly octetStream: boolean;
  /** BAPI: icons (`image/x-icon`) are accepted too. */
  readonly icons?: boolean;
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * An octet-stream body: the spec marks it `format: base64` (clerk-js sends a string there), so
 * base64 text, optionally a `data:` URL, is decoded; raw image bytes are taken as they are (choice).
 */
function octetStreamImage(body: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  if (sniffImageType(body) !== null) return body;
  const text = Buffer.from(body).toString('latin1').trim();
  const payload = text.startsWith('data:') ? text.slice(text.indexOf(',') + 1) : text;
  const compact = payload.replace(/\s+/g, '');
  return BASE64.test(compact) ? new Uint8Array(Buffer.from(compact, 'base64')) : body;
}

/** Reads and checks the uploaded image, or answers with Clerk's 400/413/422. */
export async function readLogo(
  c: Context,
  options: LogoReadOptions,
): Promise<LogoUpload | Response> {
  if (Number(c.req.header('content-length') ?? '0') > LOGO_MAX_BYTES + BODY_OVERHEAD)
    return tooLarge();
  const invalid = (issue: ClerkErrorItem) => clerkInvalid([issue], options.invalidStatus);

  const contentType = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  let bytes: Uint8Array<ArrayBuffer>;
  let form: FormData | null = null;
  if (options.octetStream && contentType === 'application/octet-stream') {
    bytes = octetStreamImage(new Uint8Array(await c.req.arrayBuffer()));
    if (bytes.length === 0) return invalid(clerkIssue.missing('file'));
  } else {
    form = await c.req.raw.formData().catch(() => null);
    const file = form?.get('file') ?? null;
    if (file === null || typeof file === 'string') return invalid(clerkIssue.missing('file'));
    if (file.size > LOGO_MAX_BYTES) return tooLarge();
    bytes = new Uint8Array(await file.arrayBuffer());
  }
  if (bytes.length > LOGO_MAX_BYTES) return tooLarge();

  // Choice: the type is read from the bytes, so a mislabelled text file is refused and an
  // untyped Blob holding a PNG is accepted.
  const type = sniffImageType(bytes);
  const allowed = options.icons === true ? BACKEND_LOGO_TYPES : LOGO_TYPES;
  if (type === null || !allowed.includes(type)) {
    return invalid(
      clerkIssue.invalid(
        'file',
        `Only the following file content types are supported: ${allowed.join(', ')}.`,
      ),
    );
  }
  return { bytes, type, form };
}

/** Makes the upload the org's logo. */
export async function storeLogo(
  instance: ClerkInstance,
  org: ClerkOrgRecord,
  upload: LogoUpload,
): Promise<void> {
  org.logo_image_id = await instance.ctx.images.put(upload.bytes, upload.type);
  org.updated_at = instance.ctx.now();
  instance.changed();
}

/** Back to Clerk's default image; the id of the logo it had, if any. */
export function removeLogo(instance: ClerkInstance, org: ClerkOrgRecord): string | null {
  const previous = org.logo_image_id;
  org.logo_image_id = null;
  org.updated_at = instance.ctx.now();
  instance.changed();
  return previous;
}

/** BAPI upload; the spec lists 400 (not 422) for this endpoint, so form problems are 400 here. */
export async function uploadLogo(c: Context, instance: ClerkInstance): Promise<Response> {
  const state = instance.state();
  const org = findOrgById(state, c.req.param('organization_id') ?? '');
  if (!org) return clerkNotFound();
  const upload = await readLogo(c, { invalidStatus: 400, octetStream: false, icons: true });
  if (upload instanceof Response) return upload;

  const uploader = upload.form?.get('uploader_user_id');
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

  await storeLogo(instance, org, upload);
  return c.json(backendOrganizationWithLogo(org, await instance.wire(c), instance.counts()));
}
