import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { rowRange, useWindowRows } from './use-window-rows';

describe('rowRange', () => {
  it('at the top of the page, renders the rows the viewport shows and the overscan below', () => {
    // 800 px tall viewport, 50 px rows, list starting 200 px down: rows 0-11 show, 3 more below.
    expect(rowRange(500, 50, 3, 200, 800)).toEqual({ start: 0, end: 15 });
  });

  it('scrolled into the list, renders the rows in view with the overscan on both sides', () => {
    // The list's first row is 1,000 px above the viewport: rows 20-35 show.
    expect(rowRange(500, 50, 3, -1000, 800)).toEqual({ start: 17, end: 39 });
  });

  it('never goes past the rows there are', () => {
    expect(rowRange(10, 50, 3, -1000, 800)).toEqual({ start: 10, end: 10 });
    expect(rowRange(0, 50, 3, 0, 800)).toEqual({ start: 0, end: 0 });
  });
});

describe('useWindowRows', () => {
  let top = 0;
  let measured = 0;
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame'] });
    // jsdom has no ResizeObserver; the page's size does not change in these tests.
    vi.stubGlobal(
      'ResizeObserver',
      class {
        observe() {}
        disconnect() {}
      },
    );
    top = 0;
    measured = 0;
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  const list = () => {
    const element = document.createElement('tbody');
    element.getBoundingClientRect = () => {
      measured += 1;
      return new DOMRect(0, top);
    };
    return { current: element };
  };

  it('renders the first rows in its first render, before measuring anything', () => {
    const ref = list();
    // The page starts with no rows (still loading), then the page of 500 arrives.
    const { result, rerender } = renderHook(({ count }) => useWindowRows(ref, count, 50, 3), {
      initialProps: { count: 0 },
    });
    expect(result.current).toEqual({ start: 0, end: 0 });
    rerender({ count: 500 });
    expect(result.current).toEqual({ start: 0, end: Math.ceil(window.innerHeight / 50) + 3 });
    expect(measured).toBe(0);
  });

  it('follows the window as it scrolls, measured in the next animation frame', () => {
    const ref = list();
    const { result } = renderHook(() => useWindowRows(ref, 500, 50, 3));
    top = -1000;
    act(() => {
      window.dispatchEvent(new Event('scroll'));
    });
    act(() => {
      vi.advanceTimersToNextFrame();
    });
    expect(result.current).toEqual({
      start: 17,
      end: Math.ceil((window.innerHeight + 1000) / 50) + 3,
    });
  });
});
