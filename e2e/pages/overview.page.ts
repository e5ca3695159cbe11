import { expect, type Page } from '@playwright/test';

/** A connection's overview (the console's home). */
export class OverviewPage {
  constructor(readonly page: Page) {}

  async goTo(connectionId: string): Promise<void> {
    await this.page.goto(`/c/${connectionId}/overview`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  }

  async assertCount(label: string, value: RegExp): Promise<void> {
    await expect(this.page.getByRole('region', { name: label }).getByRole('paragraph')).toHaveText(
      value,
    );
  }

  /** A chart drawn with at least one bar, and its figures as a table. */
  async assertChart(title: string): Promise<void> {
    const card = this.page.getByRole('region', { name: title, exact: true });
    const figure = card.getByRole('figure', { name: `${title} (chart)` });
    await expect(figure.locator('svg path, svg rect').first()).toBeVisible();
    await card.getByText('Show the figures').click();
    await expect(card.getByRole('table', { name: title }).getByRole('row').nth(1)).toBeVisible();
  }

  async assertChartIf(condition: boolean, title: string): Promise<void> {
    if (condition) await this.assertChart(title);
    else await expect(this.page.getByRole('region', { name: title, exact: true })).toHaveCount(0);
  }

  async assertUsageIf(condition: boolean): Promise<void> {
    const usage = this.page.getByRole('region', { name: 'Usage' });
    if (!condition) {
      await expect(usage).toHaveCount(0);
      return;
    }
    await expect(usage.getByRole('progressbar', { name: /^Monthly active users: / })).toBeVisible();
    await expect(usage.getByRole('progressbar', { name: /^Tenants: / })).toBeVisible();
  }
}
