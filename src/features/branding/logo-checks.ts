import type { LogoCapabilities } from '../../api/capabilities';

export const MIN_SIDE = 32;
export const MAX_SIDE = 4096;

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.ceil(bytes / 1024)} KB`;
}

export function acceptedTypes(caps: LogoCapabilities): string {
  return caps.contentTypes
    .map((type) => type.replace('image/', '').replace('+xml', '').toUpperCase())
    .join(', ');
}

/** Type and size, with the provider's own limits, before any request. */
export function checkLogoFile(
  file: { name: string; type: string; size: number },
  caps: LogoCapabilities,
): string | null {
  if (!caps.contentTypes.includes(file.type)) {
    return `${file.name} is not an accepted image type. Use ${acceptedTypes(caps)}.`;
  }
  if (file.size > caps.maxBytes) {
    return `${file.name} is ${formatBytes(file.size)}; the limit is ${formatBytes(caps.maxBytes)}.`;
  }
  return null;
}

/** Pixel dimensions a logo must have to show crisply without being absurdly large. */
export function checkLogoDimensions(name: string, width: number, height: number): string | null {
  if (width < MIN_SIDE || height < MIN_SIDE) {
    return `${name} is ${width}×${height} pixels; a logo needs at least ${MIN_SIDE}×${MIN_SIDE}.`;
  }
  if (width > MAX_SIDE || height > MAX_SIDE) {
    return `${name} is ${width}×${height} pixels; the largest accepted is ${MAX_SIDE}×${MAX_SIDE}.`;
  }
  return null;
}

/** Reads an image's pixel size in the browser; null when it cannot be decoded (or has none, like some SVGs). */
export async function readImageSize(file: Blob): Promise<{ width: number; height: number } | null> {
  try {
    const bitmap = await createImageBitmap(file);
    const size = { width: bitmap.width, height: bitmap.height };
    bitmap.close();
    return size;
  } catch {
    return null;
  }
}
