import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useDebouncedSearch } from './use-debounced-search';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('useDebouncedSearch', () => {
  it('shows what is typed at once and commits it once, after the pause', () => {
    const commit = vi.fn();
    const { result } = renderHook(() => useDebouncedSearch('', commit, 300));
    act(() => {
      result.current.change('ac');
    });
    act(() => {
      result.current.change('acme');
    });
    expect(result.current.value).toBe('acme');
    expect(commit).not.toHaveBeenCalled();
    act(() => {
      vi.advanceTimersByTime(300);
    });
    expect(commit).toHaveBeenCalledTimes(1);
    expect(commit).toHaveBeenCalledWith('acme');
  });

  it('clears at once, and follows a committed value changed elsewhere (the back button)', () => {
    const commit = vi.fn();
    const { result, rerender } = renderHook(
      ({ committed }) => useDebouncedSearch(committed, commit, 300),
      { initialProps: { committed: 'north' } },
    );
    act(() => {
      result.current.clear();
    });
    expect(commit).toHaveBeenCalledWith('');
    rerender({ committed: 'south' });
    expect(result.current.value).toBe('south');
  });
});
