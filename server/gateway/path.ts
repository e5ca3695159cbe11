/**
 * The gateway's path, decided once: `/api/connections/{id}/upstream/{vendor path}` is split into
 * segments on the raw path, each segment is percent-decoded exactly once, and the connection id
 * and the vendor path are read from the decoded segments. The vendor path is then written back in
 * one canonical encoding, which is what the operation table is matched against and what the
 * provider receives. Anything ambiguous is refused rather than guessed: an empty segment
 * (`//v1//organizations`, a trailing `/`), a segment that decodes to `/`, `\`, `.` or `..`, a
 * control character, or a malformed escape.
 */

export type UpstreamPath =
  | { readonly ok: true; readonly connectionId: string; readonly vendorPath: string }
  | { readonly ok: false; readonly reason: string };

const PREFIX = ['api', 'connections'];
const MARKER = 'upstream';
/** Longest path the gateway reads; vendor paths are a few segments of ids. */
export const MAX_PATH_LENGTH = 2048;
/** Control characters (C0 and DEL) have no place in an id or a path segment. */
function hasControl(value: string): boolean {
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** pchar (RFC 3986) beyond what `encodeURIComponent` leaves alone: sub-delims, `:` and `@`. */
function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(
    /%(21|24|26|27|28|29|2A|2B|2C|3B|3D|3A|40)/gi,
    (escape) => decodeURIComponent(escape),
  );
}

function decodeSegment(raw: string): string | null {
  let value: string;
  try {
    value = decodeURIComponent(raw);
  } catch {
    return null;
  }
  if (value === '' || value === '.' || value === '..') return null;
  if (value.includes('/') || value.includes('\\') || hasControl(value)) return null;
  return value;
}

/** Reads an upstream path (the URL's `pathname`, still percent-encoded). */
export function parseUpstreamPath(pathname: string): UpstreamPath {
  if (pathname.length > MAX_PATH_LENGTH) return { ok: false, reason: 'The path is too long.' };
  const raw = pathname.split('/');
  if (raw[0] !== '') return { ok: false, reason: 'The path must start with "/".' };
  const decoded: string[] = [];
  for (const [index, segment] of raw.slice(1).entries()) {
    // `/api/connections/x/upstream` with nothing after it is the vendor root, "/".
    const last = index === raw.length - 2;
    if (segment === '' && last && decoded.length === PREFIX.length + 2) break;
    const value = decodeSegment(segment);
    if (value === null) {
      return {
        ok: false,
        reason:
          segment === ''
            ? 'The path has an empty segment (repeated or trailing "/").'
            : `The path segment "${segment.slice(0, 40)}" is not allowed.`,
      };
    }
    decoded.push(value);
  }
  const [api, connections, connectionId, marker, ...vendor] = decoded;
  if (
    api !== PREFIX[0] ||
    connections !== PREFIX[1] ||
    connectionId === undefined ||
    marker !== MARKER
  ) {
    return { ok: false, reason: 'Not an upstream path.' };
  }
  return { ok: true, connectionId, vendorPath: `/${vendor.map(encodeSegment).join('/')}` };
}
