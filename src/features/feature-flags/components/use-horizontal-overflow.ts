import { useEffect, useState, type RefObject } from 'react';

export interface HorizontalOverflow {
  /** Scrolled away from the left edge (the sticky first column then casts a shadow). */
  readonly scrolledLeft: boolean;
  /** Header columns wholly or partly beyond the right edge. */
  readonly hiddenRight: number;
}

const NONE: HorizontalOverflow = { scrolledLeft: false, hiddenRight: 0 };

/**
 * What of a horizontally scrolling table is out of view, kept up to date as it scrolls or
 * resizes, so the page can say "3 more columns →" instead of clipping them silently.
 */
export function useHorizontalOverflow(ref: RefObject<HTMLElement | null>): HorizontalOverflow {
  const [state, setState] = useState<HorizontalOverflow>(NONE);
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const measure = () => {
      const right = box.scrollLeft + box.clientWidth;
      let hiddenRight = 0;
      // Scrolled to the end, nothing is hidden (whatever rounding says about the last column).
      if (right < box.scrollWidth - 1) {
        for (const cell of box.querySelectorAll<HTMLElement>('thead th')) {
          if (cell.offsetLeft + cell.offsetWidth > right + 1) hiddenRight += 1;
        }
      }
      const scrolledLeft = box.scrollLeft > 0;
      setState((previous) =>
        previous.scrolledLeft === scrolledLeft && previous.hiddenRight === hiddenRight
          ? previous
          : { scrolledLeft, hiddenRight },
      );
    };
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    const table = box.querySelector('table');
    if (table) observer.observe(table);
    box.addEventListener('scroll', measure, { passive: true });
    return () => {
      observer.disconnect();
      box.removeEventListener('scroll', measure);
    };
  }, [ref]);
  return state;
}
