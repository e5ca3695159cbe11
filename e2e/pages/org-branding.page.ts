import { expect, type Locator, type Page } from '@playwright/test';

export interface FileSpec {
  readonly name: string;
  readonly mimeType: string;
  readonly buffer: Buffer;
}

/** The Branding tab: logo upload and removal. */
export class OrgBrandingPage {
  readonly region: Locator;
  readonly chooseButton: Locator;
  readonly removeButton: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Logo' });
    this.chooseButton = this.region.getByRole('button', { name: 'Choose an image' });
    this.removeButton = this.region.getByRole('button', { name: 'Remove logo' });
  }

  async chooseFile(file: FileSpec): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.chooseButton.click();
    await (await chooser).setFiles(file);
  }

  async upload(file: FileSpec): Promise<void> {
    await this.chooseFile(file);
    await expect(this.region.getByRole('img', { name: /^Preview of the new logo/ })).toBeVisible();
    await this.region.getByRole('button', { name: `Upload ${file.name}` }).click();
  }

  async assertRefused(message: string | RegExp): Promise<void> {
    await expect(this.region.getByRole('alert').filter({ hasText: message })).toBeVisible();
    await expect(this.region.getByRole('button', { name: 'Upload logo' })).toBeDisabled();
  }

  async assertCurrentLogo(orgName: string): Promise<void> {
    await expect(
      this.region.getByRole('img', { name: `Current logo of ${orgName}` }),
    ).toBeVisible();
  }

  async remove(orgName: string): Promise<void> {
    await this.removeButton.click();
    const dialog = this.page.getByRole('dialog', { name: `Remove the logo of ${orgName}?` });
    await dialog.getByRole('button', { name: 'Remove logo' }).click();
    await expect(dialog).toBeHidden();
  }
}
