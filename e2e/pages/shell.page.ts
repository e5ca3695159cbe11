import { expect, type Locator, type Page } from '@playwright/test';

/** The console's frame: connection switcher, navigation, theme. */
export class ShellPage {
  readonly connectionSwitcher: Locator;
  readonly breadcrumb: Locator;
  readonly themeToggle: Locator;

  constructor(readonly page: Page) {
    this.connectionSwitcher = page.getByRole('combobox', { name: 'Connection' });
    this.breadcrumb = page.getByRole('navigation', { name: 'Breadcrumb' });
    this.themeToggle = page.getByRole('button', { name: /^Theme / });
  }

  async switchConnection(label: string): Promise<void> {
    await this.connectionSwitcher.selectOption({ label });
  }

  async assertConnection(label: string): Promise<void> {
    await expect(this.connectionSwitcher.locator('option:checked')).toHaveText(label);
    await expect(this.breadcrumb).toContainText(label);
  }

  async assertColorScheme(scheme: 'light' | 'dark'): Promise<void> {
    await expect(this.page.locator('html')).toHaveClass(new RegExp(`\\b${scheme}\\b`));
  }
}
