/**
 * How many bytes a sandbox vendor route reads, by content type, enforced while the body streams
 * in (see `readBodyLimited`), before any vendor parses it.
 *
 * - Image uploads (multipart, `application/octet-stream`, `image/*`): Clerk's documented 10 MB
 *   logo limit as base64 (FAPI's octet-stream body may be base64 text) plus room for the
 *   multipart envelope, so Clerk's own "file too large" 413 still
 *   answers for files between 10 MB and this bound.
 * - Everything else (JSON and form bodies): 1 MiB. No vendor documents a general body limit; no
 *   org, member or metadata body comes near it (Clerk caps metadata at 8 KB).
 */
export const SANDBOX_UPLOAD_BODY_LIMIT = Math.ceil((10 * 1024 * 1024 * 4) / 3) + 256 * 1024;
export const SANDBOX_BODY_LIMIT = 1024 * 1024;

export function sandboxBodyLimit(contentType: string | undefined): number {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const upload =
    type === 'multipart/form-data' ||
    type === 'application/octet-stream' ||
    type.startsWith('image/');
  return upload ? SANDBOX_UPLOAD_BODY_LIMIT : SANDBOX_BODY_LIMIT;
}
