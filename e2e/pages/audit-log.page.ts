import { expect, type Locator, type Page } from '@playwright/test';
import type { AuditOutcome } from '../../src/api/audit';

/** How the log words each outcome. */
const OUTCOME_WORDS: Record<AuditOutcome, string> = {
  success: 'Succeeded',
  partial: 'Partly done',
  refused: 'Refused',
  failure: 'Failed',
};

export class AuditLogPage {
  readonly table: Locator;
  readonly pages: Locator;
  readonly filters: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Audit log' });
    this.pages = page.getByRole('navigation', { name: 'Audit log pages' });
    this.filters = page.getByRole('form', { name: 'Filter the audit log' });
  }

  async goTo(query = ''): Promise<void> {
    await this.page.goto(`/audit${query}`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  }

  row(text: string): Locator {
    return this.table.getByRole('row').filter({ hasText: text });
  }

  async assertEntry(
    target: string,
    expected: { actor: string; outcome: AuditOutcome },
  ): Promise<void> {
    const row = this.row(target);
    await expect(row).toContainText(expected.actor);
    await expect(row).toContainText(OUTCOME_WORDS[expected.outcome]);
  }

  async chooseConnection(label: string | RegExp): Promise<void> {
    await this.filters.getByRole('combobox', { name: 'Connection' }).click();
    await this.page.getByRole('option', { name: label }).click();
  }

  /** Opens the Operation picker and types; returns the listbox of matching operations. */
  async searchOperation(text: string): Promise<Locator> {
    await this.filters.getByRole('combobox', { name: 'Operation' }).fill(text);
    const list = this.page.getByRole('listbox');
    await expect(list).toBeVisible();
    return list;
  }

  button(name: 'Newest' | 'Newer' | 'Older'): Locator {
    return this.pages.getByRole('button', { name, exact: true });
  }
}
