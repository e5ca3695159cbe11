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

  async goTo(connectionId: string, email: string): Promise<void> {
    await this.page.goto(`/c/${connectionId}/invitations?q=${encodeURIComponent(email)}`);
    await expect(
      this.page.getByRole('status').filter({ hasText: 'Orgdeck looked at' }),
    ).toBeVisible({ timeout: SCAN_TIMEOUT_MS });
  }

  /** Finds the invitation, asking the page to look through every org when its first pass stopped short. */
  async assertInvitation(email: string, orgName: string): Promise<void> {
    if (await this.lookAtAll.isVisible()) await this.lookAtAll.click();
    await expect(this.table.getByRole('row').filter({ hasText: email })).toContainText(orgName, {
      timeout: SCAN_TIMEOUT_MS,
    });
  }
}
