import { expect, type Locator, type Page } from '@playwright/test';

/** A 412 px wide phone in portrait (the width the phone findings of issue 14 were taken at). */
export const PHONE_VIEWPORT = { width: 412, height: 915 } as const;

/** The page itself never scrolls sideways (inner boxes may; the page must not). */
export async function assertNoSideScroll(page: Page): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(() => {
        const scroller = document.scrollingElement ?? document.documentElement;
        return scroller.scrollWidth - window.innerWidth;
      }),
    )
    .toBeLessThanOrEqual(0);
}

/**
 * Nothing inside `container` scrolls sideways either (a table in a side-scrolling box would hide
 * its right-hand columns, and the row actions with them, off-screen).
 */
export async function assertNoInnerSideScroll(container: Locator): Promise<void> {
  const scrolling = await container.evaluate((root) =>
    [root, ...root.querySelectorAll<HTMLElement>('*')]
      .filter((node) => ['auto', 'scroll'].includes(getComputedStyle(node).overflowX))
      .filter((node) => node.scrollWidth > node.clientWidth + 1)
      .map(
        (node) =>
          `${node.tagName.toLowerCase()} ${node.getAttribute('class') ?? ''} ${String(node.scrollWidth)}/${String(node.clientWidth)}`,
      ),
  );
  expect(scrolling, 'boxes that scroll sideways').toEqual([]);
}

/** The element is shown whole inside the viewport's width (not cut off, not in a side scroll). */
export async function assertWithinWidth(page: Page, element: Locator): Promise<void> {
  await element.scrollIntoViewIfNeeded();
  const box = await element.boundingBox();
  expect(box, 'the element is laid out').not.toBeNull();
  const width = page.viewportSize()?.width ?? PHONE_VIEWPORT.width;
  expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(width);
}

/** A native select shows its chosen option whole (its text fits the box, not cut off). */
export async function assertSelectTextFits(select: Locator): Promise<void> {
  const fits = await select.evaluate((element) => {
    const node = element as HTMLSelectElement;
    const style = getComputedStyle(node);
    const context = document.createElement('canvas').getContext('2d');
    if (!context) return false;
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const text = node.selectedOptions[0]?.textContent ?? '';
    const room = node.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return context.measureText(text).width <= room;
  });
  expect(fits, 'the chosen option is shown whole').toBe(true);
}
