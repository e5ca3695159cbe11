import { expect, type Page } from '@playwright/test';

/** Toasts that report an outcome. */
export async function assertToast(page: Page, text: string | RegExp): Promise<void> {
  await expect(page.getByRole('alert').filter({ hasText: text }).first()).toBeVisible();
}
