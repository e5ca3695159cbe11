import { expect, type Locator, type Page } from '@playwright/test';

/** An org's Invitations tab. */
export class InvitationsTab {
  readonly region: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Invitations' });
    this.table = this.region.getByRole('table', { name: 'Invitations' });
  }

  async goTo(connectionId: string, orgId: string): Promise<void> {
    await this.page.goto(`/c/${connectionId}/orgs/${encodeURIComponent(orgId)}/invitations`);
    await expect(this.region).toBeVisible();
  }

  row(email: string): Locator {
    return this.table.getByRole('row').filter({ hasText: email });
  }

  /** Opens the invite dialog, types the addresses and (where asked) picks a role; returns the dialog. */
  async startInvite(addresses: string, role: string | null): Promise<Locator> {
    await this.region.getByRole('button', { name: 'Invite people' }).first().click();
    const dialog = this.page.getByRole('dialog', { name: /^Invite people to / });
    await dialog.getByRole('textbox', { name: 'Email addresses' }).fill(addresses);
    if (role) {
      await dialog.getByRole('combobox', { name: /^Roles?/ }).click();
      await this.page.getByRole('option', { name: new RegExp(`^${role}`) }).click();
      if (await this.page.getByRole('listbox').isVisible())
        await this.page.keyboard.press('Escape');
    }
    return dialog;
  }

  /** Picks a role in one of the dialog's role pickers (single or multiple). */
  async pickRole(dialog: Locator, label: RegExp, role: string): Promise<void> {
    await dialog.getByRole('combobox', { name: label }).click();
    await this.page.getByRole('option', { name: new RegExp(`^${role}`) }).click();
    if (await this.page.getByRole('listbox').isVisible()) await this.page.keyboard.press('Escape');
  }

  async importCsv(file: { name: string; mimeType: string; buffer: Buffer }): Promise<Locator> {
    await this.region.getByRole('button', { name: 'Import CSV' }).click();
    const dialog = this.page.getByRole('dialog', { name: /^Import invitations to / });
    const chooser = this.page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: 'Choose a CSV file' }).click();
    await (await chooser).setFiles(file);
    return dialog;
  }

  async assertCheck(dialog: Locator, email: string, text: string): Promise<void> {
    await expect(dialog.getByRole('row').filter({ hasText: email }).getByText(text)).toBeVisible();
  }

  async send(dialog: Locator, count: number): Promise<void> {
    await dialog
      .getByRole('button', { name: `Send ${count} invitation${count === 1 ? '' : 's'}` })
      .click();
    await expect(dialog.getByRole('button', { name: 'Done' })).toBeVisible();
  }

  async assertPending(email: string): Promise<void> {
    await expect(this.row(email)).toBeVisible();
    await expect(this.row(email).getByText('Pending')).toBeVisible();
  }

  async revoke(email: string): Promise<void> {
    await this.row(email)
      .getByRole('button', { name: `Revoke the invitation to ${email}` })
      .click();
    const dialog = this.page.getByRole('dialog', { name: `Revoke the invitation to ${email}?` });
    await dialog.getByRole('button', { name: `Revoke invitation to ${email}` }).click();
    await expect(dialog).toBeHidden();
  }

  async assertGone(email: string): Promise<void> {
    await expect(this.row(email)).toHaveCount(0);
  }
}
