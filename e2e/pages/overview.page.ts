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

  /**
   * A count that is either complete (a plain figure) or, where the provider cannot count everything,
   * visibly a sample: "at least N", a "Sample" mark and how many orgs it covered — never a bare figure.
   */
  async assertCountOrSample(label: string, figure: RegExp): Promise<void> {
    const region = this.page.getByRole('region', { name: label });
    const value = region.getByRole('paragraph');
    await expect(value).toHaveText(/^(at least )?\d/);
    const text = (await value.textContent()) ?? '';
    if (text.startsWith('at least')) {
      await expect(region.getByText('Sample', { exact: true })).toBeVisible();
      await expect(region.getByText(/^counted in \d+ of \d+ orgs — not a total$/)).toBeVisible();
    } else {
      await expect(value).toHaveText(figure);
    }
  }

  /** A figure (complete or sampled) where the provider gives one, the dash where it does not. */
  async assertCountOrSampleIf(condition: boolean, label: string, figure: RegExp): Promise<void> {
    if (condition) await this.assertCountOrSample(label, figure);
    else await this.assertCount(label, /^—$/);
  }

  /** A figure where the provider gives one, the dash and the reason where it does not. */
  async assertCountIf(condition: boolean, label: string, figure: RegExp): Promise<void> {
    if (condition) await this.assertCount(label, figure);
    else await this.assertCount(label, /^—$/);
  }

  /**
   * "Recent changes": from the org list's dates where it has them, otherwise this connection's
   * entries in the console's audit log, which must say so and include `entryText`.
   */
  async assertRecentChanges(fromListDates: boolean): Promise<void> {
    const region = this.page.getByRole('region', { name: 'Recent changes' });
    const fromList = region.getByRole('list', { name: 'Recently changed organizations' });
    const fromAudit = region.getByRole('list', { name: 'Recent changes from the audit log' });
    if (fromListDates) {
      await expect(fromList.getByRole('listitem').first()).toBeVisible();
      await expect(fromAudit).toHaveCount(0);
      return;
    }
    await expect(region.getByText(/changes made through Orgdeck on this connection/)).toBeVisible();
    // This test's own change guarantees an entry; parallel tests on the same connection may
    // push it past the newest few, so any entry of this connection counts.
    await expect(fromAudit.getByRole('listitem').first()).toBeVisible();

    await expect(fromList).toHaveCount(0);
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
