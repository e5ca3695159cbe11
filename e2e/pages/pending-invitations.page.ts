import { expect, type Locator, type Page } from '@playwright/test';

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
    ).toBeVisible();
  }

  /** Finds the invitation, asking the page to look through every org when its first pass stopped short. */
  async assertInvitation(email: string, orgName: string): Promise<void> {
    if (await this.lookAtAll.isVisible()) await this.lookAtAll.click();
    await expect(this.table.getByRole('row').filter({ hasText: email })).toContainText(orgName);
  }
}
