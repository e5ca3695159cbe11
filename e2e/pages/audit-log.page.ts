import { expect, type Page } from '@playwright/test';
import type { AuditOutcome } from '../../src/api/audit';

export class AuditLogPage {
  constructor(readonly page: Page) {}

  async goTo(query = ''): Promise<void> {
    await this.page.goto(`/audit${query}`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  }

  async assertEntry(
    target: string,
    expected: { actor: string; outcome: AuditOutcome },
  ): Promise<void> {
    const row = this.page
      .getByRole('table', { name: 'Audit log' })
      .getByRole('row')
      .filter({ hasText: target });
    await expect(row).toContainText(expected.actor);
    await expect(row).toContainText(expected.outcome);
  }
}
