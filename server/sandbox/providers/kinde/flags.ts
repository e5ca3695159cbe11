import type { KindeErrorItem } from './errors';
import type { KindeFeatureFlagRecord, KindeState } from './state';

/**
 * Feature-flag values as Kinde keeps them: strings checked against the flag's type (`int`: a
 * whole number, `bool`: `true` or `false`, `str`: anything). The codes are the sandbox's choices.
 */

export function findFlag(state: KindeState, key: string): KindeFeatureFlagRecord | undefined {
  return state.featureFlags.find((flag) => flag.key === key);
}

export function flagNotFound(key: string, field: string): KindeErrorItem {
  return { code: 'FEATURE_FLAG_NOT_FOUND', message: `Feature flag ${key} not found`, field };
}

/** The error for a value the flag's type refuses, or null when it fits. */
export function flagValueError(
  flag: KindeFeatureFlagRecord,
  value: string,
  field: string,
): KindeErrorItem | null {
  const fits =
    flag.type === 'int'
      ? /^-?\d+$/.test(value) && Number.isSafeInteger(Number(value))
      : flag.type === 'bool'
        ? value === 'true' || value === 'false'
        : true;
  if (fits) return null;
  return {
    code: 'INVALID_FEATURE_FLAG_VALUE',
    message:
      flag.type === 'int'
        ? `Feature flag ${flag.key} expects a whole number`
        : `Feature flag ${flag.key} expects true or false`,
    field,
  };
}

/** What the org gets for each flag: its override, else the environment's value. */
export function orgFlagValues(state: KindeState, orgCode: string) {
  const overrides = new Map(
    state.flagOverrides
      .filter((row) => row.orgCode === orgCode)
      .map((row) => [row.flagKey, row.value]),
  );
  return Object.fromEntries(
    state.featureFlags.map((flag) => [
      flag.key,
      { type: flag.type, value: overrides.get(flag.key) ?? flag.default_value },
    ]),
  );
}

/** The environment's values: the sandbox keeps no environment overrides, so the defaults. */
export function environmentFlagValues(state: KindeState) {
  return Object.fromEntries(
    state.featureFlags.map((flag) => [flag.key, { type: flag.type, value: flag.default_value }]),
  );
}
