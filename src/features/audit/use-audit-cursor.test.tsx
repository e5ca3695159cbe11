import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { parseCursor, useAuditCursor } from './use-audit-cursor';

function wrapperAt(url: string) {
  return function Wrapper({ children }: { readonly children: ReactNode }) {
    return <MemoryRouter initialEntries={[url]}>{children}</MemoryRouter>;
  };
}

function useCursorAndUrl() {
  const cursor = useAuditCursor();
  const location = useLocation();
  return { cursor, search: location.search };
}

describe('useAuditCursor', () => {
  it('walks older by the page’s cursor and back newer the same way, keeping filters', () => {
    const { result } = renderHook(useCursorAndUrl, {
      wrapper: wrapperAt('/audit?outcome=success'),
    });
    expect(result.current.cursor.atNewest).toBe(true);
    act(() => {
      result.current.cursor.older(900);
    });
    expect(result.current.search).toBe('?outcome=success&before=900');
    act(() => {
      result.current.cursor.older(850);
    });
    expect(result.current.cursor.before).toBe(850);
    act(() => {
      result.current.cursor.newer();
    });
    expect(result.current.cursor.before).toBe(900);
    act(() => {
      result.current.cursor.newer();
    });
    expect(result.current.cursor.atNewest).toBe(true);
    expect(result.current.search).toBe('?outcome=success');
  });

  it('from a shared link (no history of newer pages), Newer goes to the newest', () => {
    const { result } = renderHook(useCursorAndUrl, { wrapper: wrapperAt('/audit?before=400') });
    expect(result.current.cursor.before).toBe(400);
    act(() => {
      result.current.cursor.newer();
    });
    expect(result.current.cursor.atNewest).toBe(true);
  });

  it('ignores a cursor that is not a positive whole number', () => {
    expect(parseCursor('12')).toBe(12);
    expect(parseCursor('0')).toBeUndefined();
    expect(parseCursor('-3')).toBeUndefined();
    expect(parseCursor('abc')).toBeUndefined();
    expect(parseCursor(null)).toBeUndefined();
  });
});
