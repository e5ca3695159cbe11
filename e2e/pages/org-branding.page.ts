import { expect, type Locator, type Page } from '@playwright/test';
import type { Capabilities } from '../../src/api/capabilities';

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
  readonly dropZone: Locator;
  /** "logo", or "light logo" where the provider keeps light and dark ones. */
  readonly what: string;

  constructor(
    readonly page: Page,
    caps: Capabilities,
  ) {
    this.what = caps.logo?.variants[0] === 'light' ? 'light logo' : 'logo';
    const title = this.what.charAt(0).toUpperCase() + this.what.slice(1);
    this.region = page.getByRole('region', { name: title, exact: true });
    this.chooseButton = this.region.getByRole('button', { name: 'Choose an image' });
    this.removeButton = this.region.getByRole('button', { name: `Remove ${this.what}` });
    this.dropZone = this.region.getByRole('group', { name: `Drop a new ${this.what}` });
  }

  async chooseFile(file: FileSpec): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.chooseButton.click();
    await (await chooser).setFiles(file);
  }

  /** Drops a file on the drop zone, as dragging it from the desktop does. */
  async dropFile(file: FileSpec): Promise<void> {
    const dataTransfer = await this.page.evaluateHandle(
      ({ name, mimeType, bytes }) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([new Uint8Array(bytes)], name, { type: mimeType }));
        return transfer;
      },
      { name: file.name, mimeType: file.mimeType, bytes: [...file.buffer] },
    );
    await this.dropZone.dispatchEvent('drop', { dataTransfer });
  }

  async upload(file: FileSpec): Promise<void> {
    await this.chooseFile(file);
    await expect(
      this.region.getByRole('img', { name: new RegExp(`^Preview of the new ${this.what}`) }),
    ).toBeVisible();
    await this.region.getByRole('button', { name: `Upload ${file.name}` }).click();
  }

  async assertRefused(message: string | RegExp): Promise<void> {
    await expect(this.region.getByRole('alert').filter({ hasText: message })).toBeVisible();
    await expect(this.region.getByRole('button', { name: /^Upload / })).toBeDisabled();
  }

  async assertCurrentLogo(orgName: string): Promise<void> {
    await expect(
      this.region.getByRole('img', { name: `Current ${this.what} of ${orgName}` }),
    ).toBeVisible();
  }

  async remove(orgName: string): Promise<void> {
    await this.removeButton.click();
    const dialog = this.page.getByRole('dialog', {
      name: `Remove the ${this.what} of ${orgName}?`,
    });
    await dialog.getByRole('button', { name: `Remove ${this.what}` }).click();
    await expect(dialog).toBeHidden();
  }
}
