/**
 * Where keyboard focus goes when the element that had it disappears (a route change, a removed
 * row, a dialog's result). Focus is never left on the page body.
 */

const WAIT_MS = 10_000;
const ANNOUNCER_ID = 'orgdeck-announcer';

let pending: (() => void) | null = null;

/** True while a dialog (or a closing one) still holds focus: it will hand focus back itself. */
function dialogHoldsFocus(): boolean {
  const active = document.activeElement;
  return active instanceof HTMLElement && active.closest('[role="dialog"]') !== null;
}

/**
 * Focuses what `find` returns as soon as it exists and no dialog holds focus (a closing dialog
 * first returns focus to its opener), giving up after a few seconds. A later call replaces an
 * earlier one that is still waiting.
 */
export function focusWhenReady(
  find: () => HTMLElement | null,
  onFocused?: (element: HTMLElement) => void,
): void {
  pending?.();
  const started = performance.now();
  let frame = 0;
  const stop = () => {
    cancelAnimationFrame(frame);
    pending = null;
  };
  const attempt = () => {
    const target = find();
    if (target?.isConnected && !dialogHoldsFocus()) {
      stop();
      target.focus();
      onFocused?.(target);
      return;
    }
    if (performance.now() - started < WAIT_MS) frame = requestAnimationFrame(attempt);
    else stop();
  };
  pending = stop;
  frame = requestAnimationFrame(attempt);
}

/** Says `text` once in the console's polite live region (rendered by the app shell). */
export function announce(text: string): void {
  const region = document.getElementById(ANNOUNCER_ID);
  if (!region) return;
  // Emptied first, so the same words twice in a row are still announced.
  region.textContent = '';
  window.setTimeout(() => {
    region.textContent = text;
  }, 50);
}

export const announcerId = ANNOUNCER_ID;

/** The page's title heading: the `h1` inside the main landmark. */
export function pageHeading(): HTMLElement | null {
  const heading = document.querySelector<HTMLElement>('main h1');
  // Focusable by script only, so it is not an extra Tab stop.
  if (heading && !heading.hasAttribute('tabindex')) heading.tabIndex = -1;
  return heading;
}

/** Moves focus to the page's heading once it is shown (pages load their data first) and announces it. */
export function focusPageHeading(): void {
  focusWhenReady(pageHeading, (heading) => {
    announce(heading.textContent);
  });
}
