import type { Page } from '@playwright/test';
import { expect, test } from '../../fixtures';

/**
 * Issue 10: the overview's cumulative layout shift stays ≤ 0.02 — the loading cards hold the size
 * of what replaces them. Layout shift is a geometry sum, not a timing: for a fixed viewport and
 * the sandbox's data it is the same on a slow or a fast machine.
 */

const OVERVIEW_PATH = '/c/clerk/overview';
const CLS_BUDGET = 0.02;

async function layoutShiftAfterSettling(page: Page): Promise<number> {
  await page.addInitScript(() => {
    const shifts: number[] = [];
    (window as unknown as { layoutShifts: number[] }).layoutShifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
      })[])
        if (!entry.hadRecentInput) shifts.push(entry.value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(OVERVIEW_PATH);
  // Settled: both charts drawn, the figures counted, nothing left loading.
  await expect(page.getByRole('figure', { name: 'Largest organizations (chart)' })).toBeVisible();
  await expect(
    page.getByRole('figure', { name: 'Organizations created per month (chart)' }),
  ).toBeVisible();
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  return page.evaluate(() =>
    (window as unknown as { layoutShifts: number[] }).layoutShifts.reduce((a, b) => a + b, 0),
  );
}

test.describe('Overview layout stability', () => {
  test.describe('on a phone (Lighthouse mobile’s viewport)', () => {
    test.use({ viewport: { width: 412, height: 823 } });

    test('nothing moves when the data arrives', async ({ page }) => {
      expect(await layoutShiftAfterSettling(page)).toBeLessThanOrEqual(CLS_BUDGET);
    });
  });

  test.describe('on a desktop', () => {
    test.use({ viewport: { width: 1280, height: 800 } });

    test('nothing moves when the data arrives', async ({ page }) => {
      expect(await layoutShiftAfterSettling(page)).toBeLessThanOrEqual(CLS_BUDGET);
    });
  });
});
