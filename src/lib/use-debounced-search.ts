import { useEffect, useRef, useState } from 'react';

/**
 * A search box whose committed value lives elsewhere (the URL): typing shows a draft at once and
 * commits it after a pause; when the committed value changes from outside (back button), the box
 * follows it.
 */
export function useDebouncedSearch(
  committed: string,
  commit: (value: string) => void,
  delayMs = 300,
) {
  const [draft, setDraft] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const commitRef = useRef(commit);
  useEffect(() => {
    commitRef.current = commit;
  });
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  const flush = (value: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    commitRef.current(value);
    setDraft(null);
  };
  return {
    value: draft ?? committed,
    change: (value: string) => {
      setDraft(value);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        flush(value);
      }, delayMs);
    },
    clear: () => {
      flush('');
    },
  };
}
