import { act, render, screen } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useSeen } from './use-seen';

/** An IntersectionObserver the test drives by hand. */
class FakeObserver {
  static instances: FakeObserver[] = [];
  readonly observed: Element[] = [];
  disconnected = false;
  constructor(private readonly callback: IntersectionObserverCallback) {
    FakeObserver.instances.push(this);
  }
  observe(element: Element) {
    this.observed.push(element);
  }
  disconnect() {
    this.disconnected = true;
  }
  enter(isIntersecting: boolean) {
    const entries = this.observed.map((target) => ({ target, isIntersecting }));
    this.callback(entries as IntersectionObserverEntry[], this as unknown as IntersectionObserver);
  }
}

function Row() {
  const ref = useRef<HTMLDivElement>(null);
  const seen = useSeen(ref);
  return <div ref={ref}>{seen ? 'loaded' : 'waiting'}</div>;
}

afterEach(() => {
  vi.unstubAllGlobals();
  FakeObserver.instances = [];
});

describe('useSeen', () => {
  it('turns true when the element comes into view, and stays true', () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    render(<Row />);
    expect(screen.getByText('waiting')).toBeTruthy();
    const observer = FakeObserver.instances[0];
    act(() => observer?.enter(false));
    expect(screen.getByText('waiting')).toBeTruthy();
    act(() => observer?.enter(true));
    expect(screen.getByText('loaded')).toBeTruthy();
    expect(observer?.disconnected).toBe(true);
  });

  it('counts everything as seen where the browser has no IntersectionObserver', () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    render(<Row />);
    expect(screen.getByText('loaded')).toBeTruthy();
  });
});
