import { expect, type Locator, type Page } from '@playwright/test';

/** The Connections page: one card per connection, and the user-token dialog. */
export class ConnectionsPage {
  readonly tokenDialog: Locator;
  readonly tokenInput: Locator;

  constructor(readonly page: Page) {
    this.tokenDialog = page.getByRole('dialog', { name: /^Your access token for / });
    this.tokenInput = this.tokenDialog.getByLabel('Access token');
  }

  async goTo(): Promise<void> {
    await this.page.goto('/connections');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Connections' })).toBeVisible();
  }

  card(label: string): Locator {
    return this.page.getByRole('region', { name: label, exact: true });
  }

  async openTokenDialog(label: string, action: 'Provide' | 'Replace'): Promise<void> {
    await this.card(label)
      .getByRole('button', { name: `${action} your token` })
      .click();
    await expect(this.tokenDialog).toBeVisible();
  }

  async saveToken(token: string): Promise<void> {
    await this.tokenInput.fill(token);
    await this.tokenDialog.getByRole('button', { name: 'Save token' }).click();
  }

  async forgetToken(): Promise<void> {
    await this.tokenDialog.getByRole('button', { name: 'Forget your token' }).click();
    await expect(this.tokenDialog).toBeHidden();
  }

  /** Runs the card's on-demand health check and returns its answer. */
  async checkHealth(label: string): Promise<Locator> {
    const card = this.card(label);
    await card.getByRole('button', { name: `Check ${label}` }).click();
    return card.getByRole('status');
  }
}
