import { expect, type Locator, type Page } from '@playwright/test';

/** The connection's flag matrix: flags as columns, the orgs of one list page as rows. */
export class FlagMatrixPage {
  readonly heading: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Feature flags' });
    this.table = page.getByRole('table', { name: 'Feature flag matrix' });
  }

  /** The body rows (organizations), once they are real rows rather than placeholders. */
  get orgRows(): Locator {
    return this.table.getByRole('rowgroup').nth(1).getByRole('row');
  }

  row(orgName: string): Locator {
    return this.orgRows.filter({
      has: this.page.getByRole('link', { name: orgName, exact: true }),
    });
  }

  /** The cell of one flag in one org's row (columns follow the header's flag names). */
  async cell(orgName: string, flagName: string): Promise<Locator> {
    // The flag columns arrive with the first row's flags: wait for this one before counting.
    const headerTexts = () => this.table.getByRole('columnheader').allTextContents();
    await expect.poll(async () => (await headerTexts()).includes(flagName)).toBe(true);
    const index = (await headerTexts()).indexOf(flagName);
    expect(index, `a "${flagName}" column`).toBeGreaterThan(0);
    return this.row(orgName)
      .getByRole('cell')
      .nth(index - 1);
  }

  async assertOverridden(orgName: string, flagName: string, overridden: boolean): Promise<void> {
    const cell = await this.cell(orgName, flagName);
    if (overridden)
      await expect(cell).toHaveAccessibleDescription('Overridden for this organization');
    else await expect(cell).not.toHaveAccessibleDescription('Overridden for this organization');
  }

  async setValue(orgName: string, flagName: string, value: string): Promise<void> {
    const cell = await this.cell(orgName, flagName);
    await cell.getByRole('button', { name: new RegExp(`^Edit ${flagName} for `) }).click();
    const dialog = this.page.getByRole('dialog', { name: `Override ${flagName} for ${orgName}` });
    await dialog.getByRole('textbox').fill(value);
    await dialog.getByRole('button', { name: 'Save override' }).click();
    await expect(dialog).toBeHidden();
  }
}
