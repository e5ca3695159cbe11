import { describe, expect, it } from 'vitest';
import type { LogoCapabilities } from '../../api/capabilities';
import { checkLogoDimensions, checkLogoFile } from './logo-checks';

const caps: LogoCapabilities = {
  contentTypes: ['image/png', 'image/jpeg', 'image/svg+xml'],
  maxBytes: 10 * 1024 * 1024,
  variants: ['default'],
  removable: true,
};

describe('logo checks before upload', () => {
  it('refuses a type the provider does not take, naming the ones it does', () => {
    expect(checkLogoFile({ name: 'notes.txt', type: 'text/plain', size: 10 }, caps)).toBe(
      'notes.txt is not an accepted image type. Use PNG, JPEG, SVG.',
    );
  });

  it('refuses a file over the provider’s limit, with both sizes', () => {
    expect(
      checkLogoFile({ name: 'huge.png', type: 'image/png', size: 11 * 1024 * 1024 }, caps),
    ).toBe('huge.png is 11.0 MB; the limit is 10.0 MB.');
  });

  it('accepts a fitting file', () => {
    expect(checkLogoFile({ name: 'logo.png', type: 'image/png', size: 20_000 }, caps)).toBeNull();
  });

  it('refuses images too small or too large in pixels', () => {
    expect(checkLogoDimensions('tiny.png', 1, 1)).toBe(
      'tiny.png is 1×1 pixels; a logo needs at least 32×32.',
    );
    expect(checkLogoDimensions('wall.png', 8000, 100)).toBe(
      'wall.png is 8000×100 pixels; the largest accepted is 4096×4096.',
    );
    expect(checkLogoDimensions('ok.png', 256, 256)).toBeNull();
  });
});
