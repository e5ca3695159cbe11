import { useEffect, useState, type RefObject } from 'react';

/**
 * Whether an element has come near the viewport yet (and stays true after): lets a long table
 * load each row's data only when the row is about to be seen. Without IntersectionObserver
 * (old browsers, tests), everything counts as seen.
 */
export function useSeen(ref: RefObject<Element | null>, rootMargin = '200px'): boolean {
  const [seen, setSeen] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const element = ref.current;
    if (seen || !element) return undefined;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setSeen(true);
      },
      { rootMargin },
    );
    observer.observe(element);
    return () => {
      observer.disconnect();
    };
  }, [ref, rootMargin, seen]);
  return seen;
}
