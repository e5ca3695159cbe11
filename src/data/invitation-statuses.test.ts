import { describe, expect, it } from 'vitest';
import { answersExactly } from './invitation-statuses';

describe('answersExactly: whether the provider answers only the statuses asked', () => {
  it('trusts an exact filter whatever is asked', () => {
    expect(answersExactly('exact', [])).toBe(true);
    expect(answersExactly('exact', ['revoked', 'accepted'])).toBe(true);
  });

  it('trusts a one-status filter for one status or none, not for several', () => {
    expect(answersExactly('one', [])).toBe(true);
    expect(answersExactly('one', ['expired'])).toBe(true);
    expect(answersExactly('one', ['expired', 'pending'])).toBe(false);
  });

  it('trusts a plus-pending answer only when pending is asked (or nothing is)', () => {
    expect(answersExactly('plus-pending', [])).toBe(true);
    expect(answersExactly('plus-pending', ['pending', 'revoked'])).toBe(true);
    expect(answersExactly('plus-pending', ['revoked'])).toBe(false);
    expect(answersExactly('plus-pending', ['accepted', 'revoked'])).toBe(false);
  });
});
