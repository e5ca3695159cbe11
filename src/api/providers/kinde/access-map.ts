import type {
  EffectivePermission,
  FeatureFlag,
  FeatureFlagType,
  FlagValue,
  Permission,
  PermissionSource,
} from '../../people';
import type {
  KindeFeatureFlagsWire,
  KindeFlagValueWire,
  KindeOrganizationUserPermissionWire,
  KindePermissionWire,
} from './access-wire';

/** Key → display name, from a catalogue (empty when it could not be read). */
export type Names = ReadonlyMap<string, string>;

export function toPermission(wire: KindePermissionWire): Permission | null {
  if (!wire.key) return null;
  return {
    key: wire.key,
    name: wire.name || wire.key,
    description: wire.description || null,
    id: wire.id ?? null,
  };
}

/**
 * A member's permissions from `GET …/users/{user_id}/permissions?expand=roles`, one per key.
 * A row without roles is a direct grant; a row with roles names the member's roles that give
 * it. Kinde does not document how a permission held both ways is sent: rows of the same key are
 * merged, so it reads right whether it comes as two rows or as one.
 */
export function toEffectivePermissions(
  rows: readonly KindeOrganizationUserPermissionWire[],
  roleNames: Names,
): EffectivePermission[] {
  const byKey = new Map<string, { name: string; direct: boolean; roles: Set<string> }>();
  for (const row of rows) {
    if (!row.key) continue;
    const entry = byKey.get(row.key) ?? {
      name: row.name || row.key,
      direct: false,
      roles: new Set(),
    };
    const roleKeys = (row.roles ?? []).flatMap((role) => (role.key ? [role.key] : []));
    if (roleKeys.length === 0) entry.direct = true;
    for (const key of roleKeys) entry.roles.add(key);
    byKey.set(row.key, entry);
  }
  return [...byKey].map(([key, entry]) => {
    const sources: PermissionSource[] = [
      ...(entry.direct ? [{ kind: 'direct' } as const] : []),
      ...[...entry.roles].map((role) => ({
        kind: 'role' as const,
        role: { key: role, name: roleNames.get(role) ?? role },
      })),
    ];
    return { key, name: entry.name, sources };
  });
}

const FLAG_TYPES: Readonly<Record<string, FeatureFlagType>> = {
  str: 'string',
  int: 'integer',
  bool: 'boolean',
};

/** A wire value (always a string) as the flag's type: null when it does not read as one. */
export function fromFlagValue(
  type: FeatureFlagType,
  value: string | null | undefined,
): FlagValue | null {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'boolean':
      return value === 'true' ? true : value === 'false' ? false : null;
    case 'integer':
      return /^-?\d+$/.test(value.trim()) ? Number(value) : null;
    default:
      return value;
  }
}

/** What `?value=` carries for a domain value; Kinde checks it against the flag's type. */
export function toFlagValue(value: FlagValue): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

function flagType(wire: KindeFlagValueWire): FeatureFlagType {
  // An unknown type is shown as text, which is what every Kinde value is on the wire.
  return FLAG_TYPES[wire.type ?? ''] ?? 'string';
}

/**
 * The org's flags (`GET /api/v1/organizations/{org_code}/feature_flags`: the values the org
 * gets) with the environment's (`GET /api/v1/environment/feature_flags`) as defaults. Kinde
 * lists no names or descriptions for flags, so the key is the name. Neither answer says whether
 * the org stores an override: a value that differs from the environment's counts as overridden,
 * so an override equal to the default reads as none.
 */
export function toFeatureFlags(
  org: KindeFeatureFlagsWire,
  environment: KindeFeatureFlagsWire | null,
): FeatureFlag[] {
  const defaults = new Map(Object.entries(environment?.feature_flags ?? {}));
  return Object.entries(org.feature_flags ?? {}).map(([key, wire]) => {
    const type = flagType(wire);
    const value = fromFlagValue(type, wire.value);
    const fallback = defaults.get(key);
    const defaultValue = fallback ? fromFlagValue(type, fallback.value) : null;
    return {
      key,
      name: key,
      description: null,
      type,
      defaultValue,
      value,
      overridden: fallback !== undefined && value !== defaultValue,
    };
  });
}
