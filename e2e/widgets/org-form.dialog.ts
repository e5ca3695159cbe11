import { expect, type Locator, type Page } from '@playwright/test';
import type { Capabilities } from '../../src/api/capabilities';

/** The create/edit organization dialog. */
export class OrgFormDialog {
  readonly dialog: Locator;

  constructor(
    page: Page,
    private readonly caps: Capabilities,
    mode: 'create' | 'edit',
  ) {
    this.dialog = page.getByRole('dialog', { name: mode === 'create' ? /^Create a / : /^Edit / });
  }

  get nameInput(): Locator {
    return this.dialog.getByRole('textbox', { name: 'Name', exact: true });
  }

  get slugInput(): Locator {
    return this.dialog.getByRole('textbox', { name: this.caps.slug?.label ?? 'Slug', exact: true });
  }

  async fillName(name: string): Promise<void> {
    await this.nameInput.fill(name);
  }

  async fillSlug(slug: string): Promise<void> {
    await this.slugInput.fill(slug);
  }

  /** Name, plus the slug where this provider takes one when creating. */
  async fillIdentity(name: string, slug: string): Promise<void> {
    await this.fillName(name);
    if (this.caps.slug?.onCreate) await this.fillSlug(slug);
  }

  async submit(): Promise<void> {
    await this.dialog.getByRole('button', { name: /^(Create organization|Save changes)$/ }).click();
  }

  async assertOpen(): Promise<void> {
    await expect(this.dialog).toBeVisible();
  }

  async assertClosed(): Promise<void> {
    await expect(this.dialog).toBeHidden();
  }

  /** A message shown on the form (client validation or the provider's refusal). */
  async assertMessage(text: string | RegExp): Promise<void> {
    await expect(this.dialog.getByText(text).first()).toBeVisible();
  }
}
