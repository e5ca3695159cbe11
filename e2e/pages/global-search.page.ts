import { expect, type Locator, type Page } from '@playwright/test';

/** The Ctrl/Cmd+K search. */
export class GlobalSearch {
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Search' });
  }

  async openWithShortcut(): Promise<void> {
    await this.page.keyboard.press('Control+k');
    await expect(this.dialog).toBeVisible();
  }

  async type(text: string): Promise<void> {
    await this.dialog.getByRole('textbox').fill(text);
  }

  result(text: string | RegExp): Locator {
    return this.dialog
      .getByRole('list', { name: 'Search results' })
      .getByRole('button', { name: text });
  }

  async chooseWithKeyboard(): Promise<void> {
    await this.dialog.getByRole('textbox').press('Enter');
    await expect(this.dialog).toBeHidden();
  }
}
