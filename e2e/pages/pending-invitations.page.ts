import { expect, type Locator, type Page } from '@playwright/test';

/**
 * A scan asks every org of the connection in turn (Kinde's sandbox holds ~270, more as tests
 * add theirs): on a busy two-core machine that takes longer than one ordinary expectation.
 */
const SCAN_TIMEOUT_MS = 30_000;

/** Pending invitations across every org of a connection. */
export class PendingInvitationsPage {
  readonly table: Locator;
  readonly lookAtAll: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Pending invitations' });
    this.lookAtAll = page.getByRole('button', { name: /^Look at all / });
  }

  /** Opens the page filtered by `email`; waits for the answer (the browser's scan or the index's). */
  async goTo(connectionId: string, email: string): Promise<void> {
    await this.page.goto(`/c/${connectionId}/invitations?q=${encodeURIComponent(email)}`);
    await expect(
      this.page
        .getByRole('status')
        .filter({ hasText: /Orgdeck looked at|from Orgdeck’s index/ })
        .first(),
    ).toBeVisible({ timeout: SCAN_TIMEOUT_MS });
  }

  row(email: string): Locator {
    return this.table.getByRole('row').filter({ hasText: email });
  }

  /** Finds the invitation, asking the page to look through every org when its first pass stopped short. */
  async assertInvitation(email: string, orgName: string): Promise<void> {
    if (await this.lookAtAll.isVisible()) await this.lookAtAll.click();
    await expect(this.row(email)).toContainText(orgName, { timeout: SCAN_TIMEOUT_MS });
  }

  columnHeader(name: string): Locator {
    return this.table.getByRole('columnheader', { name });
  }

  async sortBy(column: string): Promise<void> {
    await this.columnHeader(column).getByRole('button', { name: column }).click();
  }

  /** The emails of the rows shown, top to bottom. */
  async emails(): Promise<string[]> {
    const cells = this.table.getByRole('row').locator('td:first-child');
    return cells.allInnerTexts();
  }

  /** Opens the revoke confirmation for `email`'s invitation. */
  async openRevoke(email: string): Promise<Locator> {
    await this.page.getByRole('button', { name: `Revoke the invitation to ${email}` }).click();
    const dialog = this.page.getByRole('dialog', { name: `Revoke the invitation to ${email}?` });
    await expect(dialog).toBeVisible();
    return dialog;
  }
}
