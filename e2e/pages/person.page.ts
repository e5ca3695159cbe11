import { expect, type Page } from '@playwright/test';

/** A person across every connection (`/people/:email`). */
export class PersonPage {
  constructor(readonly page: Page) {}

  async assertShowing(email: string): Promise<void> {
    await expect(
      this.page.getByRole('heading', { level: 1, name: new RegExp(email) }),
    ).toBeVisible();
  }

  async assertInvitedTo(connectionLabel: RegExp, orgName: string): Promise<void> {
    await expect(
      this.page
        .getByRole('region', { name: connectionLabel })
        .getByRole('table', { name: /^Pending invitations on / })
        .getByRole('link', { name: orgName }),
    ).toBeVisible();
  }

  async assertMemberOf(orgName: string): Promise<void> {
    await expect(
      this.page
        .getByRole('table', { name: /^Memberships on / })
        .getByRole('link', { name: orgName }),
    ).toBeVisible();
  }

  async openOrg(orgName: string): Promise<void> {
    await this.page
      .getByRole('table', { name: /^Memberships on / })
      .getByRole('link', { name: orgName })
      .click();
  }
}
