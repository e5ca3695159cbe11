import type { FeatureFlag, FeatureFlagType, FlagValue } from '../../api/people';

/** A flag value as the editor shows it. */
export function formatFlagValue(value: FlagValue | null, type: FeatureFlagType): string {
  if (value === null) return '—';
  if (type === 'boolean') return value === true ? 'On' : 'Off';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Text typed into an editor → a typed value, or the reason it is not one. */
export function parseFlagInput(
  text: string,
  type: FeatureFlagType,
): { ok: true; value: FlagValue } | { ok: false; error: string } {
  switch (type) {
    case 'integer': {
      const trimmed = text.trim();
      if (!/^-?\d+$/.test(trimmed)) return { ok: false, error: 'Enter a whole number.' };
      const value = Number(trimmed);
      if (!Number.isSafeInteger(value)) return { ok: false, error: 'That number is too large.' };
      return { ok: true, value };
    }
    case 'boolean':
      if (text === 'true' || text === 'false') return { ok: true, value: text === 'true' };
      return { ok: false, error: 'Choose on or off.' };
    case 'json':
      try {
        return { ok: true, value: JSON.parse(text) as FlagValue };
      } catch (error) {
        return {
          ok: false,
          error: `Not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
        };
      }
    case 'string':
      return { ok: true, value: text };
  }
}

/** What "reset all" will change: every overridden flag, from its value back to its default. */
export function resetAllChanges(
  flags: readonly FeatureFlag[],
): { key: string; name: string; from: string; to: string }[] {
  return flags
    .filter((flag) => flag.overridden)
    .map((flag) => ({
      key: flag.key,
      name: flag.name,
      from: formatFlagValue(flag.value, flag.type),
      to: formatFlagValue(flag.defaultValue, flag.type),
    }));
}
