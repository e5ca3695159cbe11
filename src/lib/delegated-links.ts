import type { MouseEvent } from 'react';

/**
 * One click handler for a long list's links and rows, in place of a router `<Link>` per row (each
 * runs several hooks on every render). Plain `<a href>` elements inside the list navigate in the
 * app on a plain left click and keep the browser's own behaviour for a modified click (new tab,
 * new window, download); a click elsewhere on an element with `data-href` (a clickable row) opens
 * that address. Returns the handler to put on the list's container.
 */
export function delegatedLinkClick(
  navigate: (href: string) => unknown,
): (event: MouseEvent<HTMLElement>) => void {
  return (event) => {
    if (event.defaultPrevented || event.button !== 0) return;
    const target = event.target as HTMLElement;
    const anchor = target.closest('a');
    if (anchor) {
      const href = anchor.getAttribute('href');
      const modified = event.metaKey || event.altKey || event.ctrlKey || event.shiftKey;
      if (modified || href === null || !href.startsWith('/') || anchor.target) return;
      event.preventDefault();
      void navigate(href);
      return;
    }
    // Text being selected in a row is not a click on it.
    if (window.getSelection()?.toString()) return;
    const row = target.closest<HTMLElement>('[data-href]');
    if (row?.dataset['href'] && event.currentTarget.contains(row))
      void navigate(row.dataset['href']);
  };
}
