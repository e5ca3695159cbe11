import { describe, expect, it } from 'vitest';
import type { FeatureFlag } from '../../api/people';
import { formatFlagValue, parseFlagInput, resetAllChanges } from './flag-values';

const flag = (over: Partial<FeatureFlag>): FeatureFlag => ({
  key: 'k',
  name: 'K',
  description: null,
  type: 'string',
  defaultValue: 'a',
  value: 'a',
  overridden: false,
  ...over,
});

describe('feature flag values', () => {
  it('accepts only whole numbers for integer flags', () => {
    expect(parseFlagInput(' 42 ', 'integer')).toEqual({ ok: true, value: 42 });
    expect(parseFlagInput('4.2', 'integer')).toEqual({ ok: false, error: 'Enter a whole number.' });
    expect(parseFlagInput('99999999999999999999', 'integer')).toEqual({
      ok: false,
      error: 'That number is too large.',
    });
  });

  it('parses JSON flags and explains bad JSON', () => {
    expect(parseFlagInput('{"tier":"gold"}', 'json')).toEqual({
      ok: true,
      value: { tier: 'gold' },
    });
    const bad = parseFlagInput('{tier', 'json');
    expect(bad.ok).toBe(false);
  });

  it('keeps string flags as typed, spaces included', () => {
    expect(parseFlagInput(' pink ', 'string')).toEqual({ ok: true, value: ' pink ' });
  });

  it('shows booleans as on/off and nothing as a dash', () => {
    expect(formatFlagValue(true, 'boolean')).toBe('On');
    expect(formatFlagValue(null, 'integer')).toBe('—');
  });

  it('lists what resetting all overrides changes', () => {
    expect(
      resetAllChanges([
        flag({ key: 'theme', name: 'Theme', value: 'pink', overridden: true }),
        flag({ key: 'seats', name: 'Seats', type: 'integer', defaultValue: 5, value: 5 }),
      ]),
    ).toEqual([{ key: 'theme', name: 'Theme', from: 'pink', to: 'a' }]);
  });
});
