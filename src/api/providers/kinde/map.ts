import type { OrgFieldSpec } from '../../capabilities';
import type { CreateOrgInput, JsonValue, Organization, UpdateOrgInput } from '../../domain';
import { toDetails } from '../shared';
import { kindeCapabilities } from './capabilities';
import type {
  KindeCreateOrganizationRequest,
  KindeOrganizationItemWire,
  KindeOrganizationWire,
  KindeUpdateOrganizationRequest,
} from './wire';

function baseOrganization(
  wire: KindeOrganizationItemWire,
  fields: Record<string, JsonValue>,
  details: Organization['details'],
): Organization {
  return {
    id: wire.code,
    name: wire.name ?? '',
    slug: wire.handle ?? null,
    createdAt: null,
    updatedAt: null,
    memberCount: null,
    pendingInvitationCount: null,
    imageUrl: null,
    hasImage: null,
    imageUrlDark: null,
    metadata: null,
    fields,
    details,
  };
}

/** A list row: the item schema has no dates, logo or branding. */
export function toOrganizationFromItem(wire: KindeOrganizationItemWire): Organization {
  return baseOrganization(
    wire,
    {
      external_id: wire.external_id ?? null,
      is_auto_membership_enabled: wire.is_auto_membership_enabled ?? null,
    },
    toDetails(wire),
  );
}

/**
 * The full `GET /api/v1/organization` body. Colours come back as `{raw,hex,hsl}`: the form edits
 * `hex`. `logo` is the light logo (the org's image), `logo_dark` the one for dark themes.
 */
export function toOrganization(wire: KindeOrganizationWire): Organization {
  const logo = wire.logo ?? null;
  return {
    ...baseOrganization(
      wire,
      {
        external_id: wire.external_id ?? null,
        is_auto_membership_enabled: wire.is_auto_membership_enabled ?? null,
        theme_code: wire.theme_code ?? null,
        background_color: wire.background_color?.hex ?? null,
        button_color: wire.button_color?.hex ?? null,
        button_text_color: wire.button_text_color?.hex ?? null,
        link_color: wire.link_color?.hex ?? null,
        sender_name: wire.sender_name ?? null,
        sender_email: wire.sender_email ?? null,
        allowed_domains: wire.allowed_domains ?? null,
        is_suspended: wire.is_suspended ?? null,
      },
      toDetails(wire),
    ),
    createdAt: wire.created_on ?? null,
    imageUrl: logo,
    hasImage: logo !== null,
    imageUrlDark: wire.logo_dark ?? null,
  };
}

type WireFieldValue = string | boolean | string[];

/**
 * The value to send for one extra field, or `undefined` to leave it out. Empty text is left
 * out (Kinde has no "clear" for most of these); an empty domain list means "no restriction".
 */
function wireFieldValue(
  spec: OrgFieldSpec,
  value: JsonValue | undefined,
): WireFieldValue | undefined {
  if (value === undefined || value === null) return undefined;
  switch (spec.type) {
    case 'boolean':
      return typeof value === 'boolean' ? value : undefined;
    case 'list': {
      const items = Array.isArray(value)
        ? value
        : typeof value === 'string'
          ? value.split(',')
          : null;
      if (items === null) return undefined;
      return items
        .filter((item): item is string => typeof item === 'string')
        .map((item) => item.trim())
        .filter((item) => item !== '');
    }
    default: {
      if (typeof value !== 'string') return undefined;
      const trimmed = value.trim();
      return trimmed === '' ? undefined : trimmed;
    }
  }
}

function wireFields(
  fields: Readonly<Record<string, JsonValue>> | undefined,
  when: 'onCreate' | 'onUpdate',
): Record<string, WireFieldValue> {
  const out: Record<string, WireFieldValue> = {};
  if (!fields) return out;
  for (const spec of kindeCapabilities.fields) {
    if (!spec[when]) continue;
    const value = wireFieldValue(spec, fields[spec.key]);
    if (value !== undefined) out[spec.key] = value;
  }
  return out;
}

function handleOf(slug: string | null | undefined): { handle?: string } {
  const handle = slug?.trim() ?? '';
  return handle === '' ? {} : { handle };
}

export function fromCreateOrgInput(input: CreateOrgInput): KindeCreateOrganizationRequest {
  return {
    name: input.name,
    ...handleOf(input.slug),
    ...wireFields(input.fields, 'onCreate'),
  };
}

export function fromUpdateOrgInput(input: UpdateOrgInput): KindeUpdateOrganizationRequest {
  return {
    ...(input.name === undefined ? {} : { name: input.name }),
    ...handleOf(input.slug),
    ...wireFields(input.fields, 'onUpdate'),
  };
}
