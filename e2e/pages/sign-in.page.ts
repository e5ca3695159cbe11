import { expect, type Page } from '@playwright/test';

export class SignInPage {
  constructor(readonly page: Page) {}

  async assertShown(): Promise<void> {
    await expect(
      this.page.getByRole('heading', { level: 1, name: 'Sign in to Orgdeck' }),
    ).toBeVisible();
  }

  async signIn(username: string, password: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Username' }).fill(username);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }

  /** Signs in from anywhere: the console sends people to the sign-in page when it requires it. */
  async signInAs(username: string): Promise<void> {
    await this.page.goto('/');
    await this.assertShown();
    await this.signIn(username, `${username}-e2e-password`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  }

  async signOut(userLabel: RegExp): Promise<void> {
    await this.page.getByRole('button', { name: userLabel }).click();
    await this.page.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
    await this.assertShown();
  }
}
