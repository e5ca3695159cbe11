import { useLocation, useSearchParams } from 'react-router-dom';

/** The cursors of the newer pages walked through, kept in history state so "Newer" can go back. */
interface CursorState {
  readonly auditTrail?: readonly (number | null)[];
}

function readTrail(state: unknown): readonly (number | null)[] {
  const trail: unknown = (state as CursorState | null)?.auditTrail;
  if (!Array.isArray(trail)) return [];
  return (trail as unknown[]).filter(
    (value): value is number | null => value === null || typeof value === 'number',
  );
}

/** A valid `before` cursor from the URL, else none (the newest entries). */
export function parseCursor(raw: string | null): number | undefined {
  if (raw === null || !/^\d+$/.test(raw)) return undefined;
  const value = Number(raw);
  return value >= 1 ? value : undefined;
}

/**
 * Keyset paging over the audit log: the cursor (`?before=`, the previous page's `nextBefore`)
 * lives in the URL; the cursors of newer pages walked through live in history state, so "Newer"
 * steps back one page (and, from a shared link, goes to the newest).
 */
export function useAuditCursor() {
  const [searchParams, setSearchParams] = useSearchParams();
  const location = useLocation();
  const before = parseCursor(searchParams.get('before'));
  const trail = readTrail(location.state);
  const go = (next: number | null | undefined, nextTrail: readonly (number | null)[]) => {
    setSearchParams(
      (previous) => {
        const params = new URLSearchParams(previous);
        if (next === null || next === undefined) params.delete('before');
        else params.set('before', String(next));
        params.delete('page');
        return params;
      },
      { state: { auditTrail: nextTrail } satisfies CursorState },
    );
  };
  return {
    before,
    atNewest: before === undefined,
    older: (nextBefore: number) => {
      go(nextBefore, [...trail, before ?? null]);
    },
    newer: () => {
      go(trail.at(-1), trail.slice(0, -1));
    },
    newest: () => {
      go(undefined, []);
    },
  };
}
