import type { KindeColorKey, KindeOrgRecord, KindeThemeCode } from './state';

/** Response shapes of the org endpoints, built from the stored record. */

export interface KindeColor {
  raw: string;
  hex: string;
  hsl: string;
}

/** `#abc` → `#aabbcc`; six-digit values are kept as sent (case included, as in Kinde's examples). */
export function expandHex(raw: string): string {
  const digits = raw.slice(1);
  return digits.length === 3 ? `#${digits.replace(/./g, (digit) => digit + digit)}` : raw;
}

export function hexToHsl(hex: string): string {
  const value = Number.parseInt(hex.slice(1), 16);
  const r = ((value >> 16) & 255) / 255;
  const g = ((value >> 8) & 255) / 255;
  const b = (value & 255) / 255;
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  const d = max - min;
  let h = 0;
  if (d !== 0) {
    if (max === r) h = ((g - b) / d) % 6;
    else if (max === g) h = (b - r) / d + 2;
    else h = (r - g) / d + 4;
  }
  const s = d === 0 ? 0 : d / (1 - Math.abs(2 * l - 1));
  const degrees = Math.round(h * 60 + 360) % 360;
  return `hsl(${degrees}, ${Math.round(s * 100)}%, ${Math.round(l * 100)}%)`;
}

function color(org: KindeOrgRecord, key: KindeColorKey): KindeColor | null {
  const raw = org.colors[key];
  if (raw === undefined) return null;
  const hex = expandHex(raw);
  return { raw, hex, hsl: hexToHsl(hex) };
}

const COLOR_SCHEMES: Readonly<Record<KindeThemeCode, string>> = {
  light: 'light',
  dark: 'dark',
  user_preference: 'light dark',
};

/** `organization_item_schema`. */
export function organizationItem(org: KindeOrgRecord) {
  return {
    code: org.code,
    name: org.name,
    handle: org.handle,
    is_default: org.is_default,
    external_id: org.external_id,
    is_auto_membership_enabled: org.is_auto_membership_enabled,
  };
}

/** `get_organization_response`: every field, nulls where unset; logos as absolute URLs. */
export function organizationDetail(
  org: KindeOrgRecord,
  logos: { readonly light: string | null; readonly dark: string | null },
) {
  return {
    ...organizationItem(org),
    logo: logos.light,
    logo_dark: logos.dark,
    // Favicon uploads are not emulated.
    favicon_svg: null,
    favicon_fallback: null,
    allowed_domains: org.allowed_domains,
    link_color: color(org, 'link_color'),
    background_color: color(org, 'background_color'),
    button_color: color(org, 'button_color'),
    button_text_color: color(org, 'button_text_color'),
    link_color_dark: color(org, 'link_color_dark'),
    background_color_dark: color(org, 'background_color_dark'),
    button_text_color_dark: color(org, 'button_text_color_dark'),
    button_color_dark: color(org, 'button_color_dark'),
    button_border_radius: null,
    card_border_radius: null,
    input_border_radius: null,
    theme_code: org.theme_code,
    color_scheme: COLOR_SCHEMES[org.theme_code],
    created_on: org.created_on,
    is_allow_registrations: org.is_auto_membership_enabled,
    sender_name: org.sender_name,
    sender_email: org.sender_email,
    is_suspended: org.is_suspended,
    suspended_on: org.suspended_on,
  };
}
