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
    await this.field.fill(text);
  }

  /** The search field: a combobox whose listbox of results appears as you type. */
  get field(): Locator {
    return this.dialog.getByRole('combobox');
  }

  result(text: string | RegExp): Locator {
    return this.dialog
      .getByRole('listbox', { name: 'Search results' })
      .getByRole('option', { name: text });
  }

  async chooseWithKeyboard(): Promise<void> {
    await this.field.press('Enter');
    await expect(this.dialog).toBeHidden();
  }
}
