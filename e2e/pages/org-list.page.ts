import { expect, type Locator, type Page } from '@playwright/test';
import type { Capabilities } from '../../src/api/capabilities';
import { OrgFormDialog } from '../widgets/org-form.dialog';

export class OrgListPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly searchBox: Locator;
  readonly createButton: Locator;
  readonly nextPageButton: Locator;
  readonly browserNote: Locator;
  /** The index status line ("Indexed 2 min ago · 2,100 organizations", or first-sync text). */
  readonly indexFreshness: Locator;

  constructor(
    readonly page: Page,
    private readonly connectionId: string,
    private readonly caps: Capabilities,
  ) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Organizations' });
    this.table = page.getByRole('table', { name: 'Organizations' });
    this.searchBox = page.getByRole('textbox', { name: 'Search organizations' });
    this.createButton = page.getByRole('button', { name: 'Create organization' });
    this.nextPageButton = page.getByRole('button', { name: 'Go to next page' });
    this.browserNote = page.getByText(/in your browser\./);
    this.indexFreshness = page.getByText(/^(Indexed |First index |Not indexed )/);
  }

  get rows(): Locator {
    return this.table.getByRole('rowgroup').nth(1).getByRole('row');
  }

  async goTo(query = ''): Promise<void> {
    await this.page.goto(`/c/${this.connectionId}/orgs${query}`);
    await expect(this.heading).toBeVisible();
  }

  /** Waits for the table to hold rows that are not loading placeholders. */
  async assertLoaded(): Promise<void> {
    await expect(this.table).toHaveAttribute('aria-busy', 'false');
    await expect(this.rows.first().getByRole('link')).toBeVisible();
  }

  async rowNames(): Promise<string[]> {
    await this.assertLoaded();
    return this.rows.getByRole('link').allTextContents();
  }

  async search(text: string): Promise<void> {
    await this.searchBox.fill(text);
    // Read back decoded: the URL may encode a space as `+` or `%20`.
    await expect.poll(() => new URL(this.page.url()).searchParams.get('q')).toBe(text);
  }

  async goToNextPage(): Promise<void> {
    await this.nextPageButton.click();
  }

  async sortBy(column: string): Promise<void> {
    await this.table.getByRole('button', { name: column }).click();
  }

  async openOrg(name: string): Promise<void> {
    await this.table.getByRole('link', { name, exact: true }).click();
  }

  async clickRowOf(name: string): Promise<void> {
    await this.rows.filter({ hasText: name }).getByRole('cell').last().click();
  }

  async assertRow(name: string): Promise<void> {
    await expect(this.table.getByRole('link', { name, exact: true })).toBeVisible();
  }

  /** Where the provider cannot search, the page must say it filters in the browser. */
  async assertSearchHonesty(): Promise<void> {
    if (this.caps.list.search === 'client') await expect(this.browserNote).toBeVisible();
    else await expect(this.browserNote).toBeHidden();
  }

  /** Same for sorting by a field the provider cannot sort by. */
  async assertSortHonesty(field: 'name' | 'createdAt' | 'memberCount'): Promise<void> {
    const inBrowser =
      !this.caps.list.serverSortFields.includes(field) || this.caps.list.pagination === 'none';
    if (inBrowser) await expect(this.browserNote).toBeVisible();
    else await expect(this.browserNote).toBeHidden();
  }

  async assertSortedByName(): Promise<void> {
    await expect
      .poll(async () => {
        const names = await this.rowNames();
        const sorted = [...names].sort((a, b) =>
          a.localeCompare(b, undefined, { sensitivity: 'base' }),
        );
        return names.join('|') === sorted.join('|');
      })
      .toBe(true);
  }

  /** The "26–50 of …" range under the table. */
  async assertPageRange(range: RegExp): Promise<void> {
    await expect(this.page.getByRole('status').filter({ hasText: / of / }).first()).toHaveText(
      range,
    );
  }

  /** Where the list shows logos at all: the row shows initials, no logo image. */
  async assertNoRowLogo(name: string): Promise<void> {
    if (!this.caps.list.columns.includes('logo')) return;
    const row = this.rows.filter({ hasText: name });
    await expect(row).toBeVisible();
    await expect(row.getByRole('img', { name: `${name} logo` })).toHaveCount(0);
  }

  /** Where the list shows logos at all. */
  async assertRowLogo(name: string): Promise<void> {
    if (!this.caps.list.columns.includes('logo')) return;
    await expect(
      this.rows.filter({ hasText: name }).getByRole('img', { name: `${name} logo` }),
    ).toBeVisible();
  }

  async assertActiveOrganization(name: string): Promise<void> {
    await expect(this.page.getByText('Active organization:')).toContainText(name);
  }

  async openActiveOrganization(name: string): Promise<void> {
    await this.page.getByText('Active organization:').getByRole('link', { name }).click();
  }

  async assertNoMatch(search: string): Promise<void> {
    await expect(this.page.getByText(`No organizations match “${search}”`)).toBeVisible();
  }

  async openCreateDialog(): Promise<OrgFormDialog> {
    await this.createButton.first().click();
    const dialog = new OrgFormDialog(this.page, this.caps, 'create');
    await dialog.assertOpen();
    return dialog;
  }
}
