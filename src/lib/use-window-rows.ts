import { useEffect, useState, type RefObject } from 'react';

/** Which rows of a list are in the DOM: `start` included, `end` excluded. */
export interface RowRange {
  readonly start: number;
  readonly end: number;
}

/** The rows of fixed height that the viewport shows, in row units from the list's first row. */
interface InView {
  /** The first row at least partly in view (0 while the list starts below the viewport's top). */
  readonly first: number;
  /** One past the last row at least partly in view (0 while the list starts below the viewport). */
  readonly last: number;
}

function inView(listTop: number, viewportHeight: number, rowHeight: number): InView {
  return {
    first: Math.floor(Math.max(0, -listTop) / rowHeight),
    last: Math.ceil(Math.max(0, viewportHeight - listTop) / rowHeight),
  };
}

/**
 * The rows to render of a list of `count` rows, each `rowHeight` pixels tall, whose first row
 * is `listTop` pixels below the viewport's top (negative once scrolled past): those in view and
 * `overscan` more on each side.
 */
export function rowRange(
  count: number,
  rowHeight: number,
  overscan: number,
  listTop: number,
  viewportHeight: number,
): RowRange {
  return clamp(inView(listTop, viewportHeight, rowHeight), count, overscan);
}

function clamp({ first, last }: InView, count: number, overscan: number): RowRange {
  const end = Math.min(count, last + overscan);
  return { start: Math.min(end, Math.max(0, first - overscan)), end };
}

/**
 * Window virtualization for a list of fixed-height rows (the page keeps its one scrollbar):
 * which rows to render, given the element where the first row starts (`ref`, e.g. the `tbody`).
 *
 * The first render assumes the list starts at the viewport's top, so it renders every row the
 * viewport could show without measuring anything: a freshly loaded page has its first rows in
 * its first frame, and nothing forces a layout before that frame. The list's real place is read
 * after paint, in an animation frame on scroll, resize or any size change of the page, and the
 * component renders again only when that changes which rows are in view.
 */
export function useWindowRows(
  ref: RefObject<HTMLElement | null>,
  count: number,
  rowHeight: number,
  overscan: number,
): RowRange {
  const [view, setView] = useState<InView>(() => inView(0, window.innerHeight, rowHeight));
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const next = inView(element.getBoundingClientRect().top, window.innerHeight, rowHeight);
      setView((previous) =>
        previous.first === next.first && previous.last === next.last ? previous : next,
      );
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(measure);
    };
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    // Content above the list may grow or shrink (an alert, a wrapped toolbar): the list moves.
    const observer = new ResizeObserver(schedule);
    observer.observe(document.body);
    return () => {
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [ref, rowHeight]);
  return clamp(view, count, overscan);
}
