import type { Locator } from '@playwright/test';

/**
 * Whether anything between `locator` and the document scrolls vertically on its own (an inner
 * scroll box with content taller than itself): a second scrollbar that cuts rows in half.
 */
export async function insideInnerScrollBox(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    for (let box = element.parentElement; box && box !== document.body; box = box.parentElement) {
      const { overflowY } = getComputedStyle(box);
      if (/(auto|scroll)/.test(overflowY) && box.scrollHeight > box.clientHeight + 1) return true;
    }
    return false;
  });
}
