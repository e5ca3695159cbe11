import { describe, expect, it } from 'vitest';
import { seedDay, seedWindow } from './seed-clock';

describe('the sandbox seed clock', () => {
  it('anchors the seed to today, the same all day long', () => {
    const morning = Date.UTC(2026, 11, 6, 0, 0, 1);
    const evening = Date.UTC(2026, 11, 6, 23, 59, 59);
    expect(seedDay(morning)).toBe(Date.UTC(2026, 11, 6));
    expect(seedWindow(evening)).toEqual(seedWindow(morning));
  });
  it('moves with the calendar, so the newest seeded dates are never months old', () => {
    const { from, to } = seedWindow(Date.UTC(2027, 2, 1, 12));
    expect(to).toBe(Date.UTC(2027, 2, 1));
    expect(from).toBeLessThan(Date.UTC(2024, 0, 1));
  });
});
