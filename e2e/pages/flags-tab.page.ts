import { expect, type Locator, type Page } from '@playwright/test';

/** An org's Feature flags tab. */
export class FlagsTab {
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.table = page
      .getByRole('region', { name: 'Feature flags' })
      .getByRole('table', { name: 'Feature flags' });
  }

  async goTo(connectionId: string, orgId: string): Promise<void> {
    await this.page.goto(`/c/${connectionId}/orgs/${encodeURIComponent(orgId)}/flags`);
    await expect(this.table).toBeVisible();
  }

  row(flagName: string): Locator {
    return this.table
      .getByRole('row')
      .filter({ has: this.page.getByText(flagName, { exact: true }) });
  }

  switchOf(flagName: string, orgName: string): Locator {
    return this.row(flagName).getByRole('switch', { name: `${flagName} for ${orgName}` });
  }

  async setValue(flagName: string, orgName: string, value: string): Promise<void> {
    await this.row(flagName)
      .getByRole('button', { name: new RegExp(`^Edit ${flagName} for `) })
      .click();
    const dialog = this.page.getByRole('dialog', { name: `Override ${flagName} for ${orgName}` });
    await dialog.getByRole('textbox').fill(value);
    await dialog.getByRole('button', { name: 'Save override' }).click();
    await expect(dialog).toBeHidden();
  }

  async assertValue(flagName: string, value: string): Promise<void> {
    await expect(this.row(flagName).getByRole('cell').nth(3)).toContainText(value);
  }

  async assertOverridden(flagName: string, overridden: boolean): Promise<void> {
    await expect(
      this.row(flagName).getByText(overridden ? 'Overridden' : 'Default', { exact: true }),
    ).toBeVisible();
  }

  async reset(flagName: string): Promise<void> {
    await this.row(flagName)
      .getByRole('button', { name: `Reset ${flagName} to its default` })
      .click();
    await this.page
      .getByRole('dialog', { name: `Reset ${flagName} to its default?` })
      .getByRole('button', { name: `Reset ${flagName}` })
      .click();
  }

  async resetAll(orgName: string, expectedChanges: readonly string[]): Promise<void> {
    await this.page.getByRole('button', { name: 'Reset all overrides' }).click();
    const dialog = this.page.getByRole('dialog', {
      name: new RegExp(`^Reset all \\d+ overrides of ${orgName}\\?`),
    });
    const changes = dialog.getByRole('list', { name: 'Changes' });
    for (const name of expectedChanges) await expect(changes).toContainText(name);
    await dialog.getByRole('button', { name: /^Reset \d+ overrides$/ }).click();
    await expect(dialog).toBeHidden();
  }
}
