import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * How far `ref`'s element starts from the top of the document: the `scrollMargin` a window
 * virtualizer needs for a list that does not start at the top of the page. Measured again when
 * anything on the page changes size (an alert above the list appears, the viewport narrows).
 */
export function useDocumentOffset(ref: RefObject<HTMLElement | null>): number {
  const [offset, setOffset] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      setOffset(Math.round(element.getBoundingClientRect().top + window.scrollY));
    };
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    observer.observe(element);
    return () => {
      observer.disconnect();
    };
  }, [ref]);
  return offset;
}
