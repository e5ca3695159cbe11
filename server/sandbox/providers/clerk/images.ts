import type { ImageStore } from '../../images';

/**
 * Clerk hands out a default image URL for orgs and users without one (`has_image: false`).
 * The sandbox serves its own: two small SVGs put into the ImageStore once.
 */

const ORG_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="#6c47ff"/><path d="M20 46V22l12-6 12 6v24H36v-8h-8v8z" fill="#fff"/></svg>`;
const USER_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="32" fill="#94a3b8"/><circle cx="32" cy="25" r="10" fill="#fff"/><path d="M14 52c3-10 10-15 18-15s15 5 18 15z" fill="#fff"/></svg>`;

export interface DefaultImages {
  readonly organization: string;
  readonly user: string;
}

export async function putDefaultImages(images: ImageStore): Promise<DefaultImages> {
  const encode = (svg: string) => new Uint8Array(Buffer.from(svg, 'utf8'));
  const [organization, user] = await Promise.all([
    images.put(encode(ORG_SVG), 'image/svg+xml'),
    images.put(encode(USER_SVG), 'image/svg+xml'),
  ]);
  return { organization, user };
}

/** What an upload's bytes are, whatever the client declared. */
export function sniffImageType(bytes: Uint8Array): string | null {
  const starts = (...sig: number[]) => sig.every((byte, i) => bytes[i] === byte);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'image/gif';
  // ICO: reserved 0, type 1 (icon), at least one image.
  if (starts(0x00, 0x00, 0x01, 0x00) && (bytes[4] ?? 0) + (bytes[5] ?? 0) > 0)
    return 'image/x-icon';
  const riff = starts(0x52, 0x49, 0x46, 0x46);
  const webp = bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42 && bytes[11] === 0x50;
  return riff && webp ? 'image/webp' : null;
}
