import { expect, type Locator, type Page } from '@playwright/test';
import type { Capabilities } from '../../src/api/capabilities';
import { OrgFormDialog } from '../widgets/org-form.dialog';

export class OrgDetailPage {
  readonly heading: Locator;
  readonly editButton: Locator;
  readonly deleteButton: Locator;
  /** The line under the title: slug, id, dates, member count. */
  readonly facts: Locator;

  constructor(
    readonly page: Page,
    private readonly caps: Capabilities,
  ) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.editButton = page.getByRole('button', { name: 'Edit', exact: true });
    this.deleteButton = page.getByRole('button', { name: 'Delete', exact: true });
    this.facts = page.getByRole('group', { name: 'Organization facts' });
  }

  async goTo(connectionId: string, orgId: string, tab = 'overview'): Promise<void> {
    await this.page.goto(`/c/${connectionId}/orgs/${encodeURIComponent(orgId)}/${tab}`);
  }

  async assertTitle(name: string): Promise<void> {
    await expect(this.heading).toHaveText(name);
  }

  async tabNames(): Promise<string[]> {
    return this.page
      .getByRole('tablist', { name: 'Organization sections' })
      .getByRole('tab')
      .allTextContents();
  }

  /** Opens a tab and waits until its content has stopped loading. */
  async openTab(name: string): Promise<void> {
    await this.page.getByRole('tab', { name, exact: true }).click();
    await expect(this.page.getByRole('tab', { name, exact: true })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(this.page.getByRole('tabpanel')).toBeVisible();
    await expect(this.page.locator('[aria-busy="true"]')).toHaveCount(0);
    await expect(this.page.getByRole('progressbar')).toHaveCount(0);
  }

  async assertHeaderLogo(orgName: string): Promise<void> {
    await expect(this.page.getByRole('img', { name: `${orgName} logo` }).first()).toBeVisible();
  }

  /** The header's "Created …" / "Updated …" date, or its absence where the provider has none. */
  async assertHeaderDate(label: 'Created' | 'Updated', iso: string | null): Promise<void> {
    const fact = this.facts.getByText(new RegExp(`^${label} `));
    if (iso === null) {
      await expect(fact).toHaveCount(0);
      return;
    }
    await expect(fact.locator('time')).toHaveAttribute('datetime', iso);
  }

  /**
   * The header copies the id, and the slug/key/handle where the org has one (`expectedSlug`: the
   * one it was created with, where the provider takes it on create).
   */
  async assertCopiesIds(
    org: { readonly id: string; readonly slug: string | null },
    expectedSlug: string | null,
  ): Promise<void> {
    await this.assertCopies(this.caps.idLabel, org.id);
    if (expectedSlug !== null) expect(org.slug).toBe(expectedSlug);
    if (this.caps.slug && org.slug !== null)
      await this.assertCopies(this.caps.slug.label.toLowerCase(), org.slug);
    else await expect(this.facts.getByRole('button', { name: /^Copy / })).toHaveCount(1);
  }

  /** Clicks a header copy button and checks what reached the clipboard. */
  async assertCopies(what: string, value: string): Promise<void> {
    await this.facts.getByRole('button', { name: `Copy organization ${what}` }).click();
    await expect(
      this.page.getByRole('alert').filter({ hasText: `Copied organization ${what.toLowerCase()}` }),
    ).toBeVisible();
    await expect.poll(() => this.page.evaluate(() => navigator.clipboard.readText())).toBe(value);
  }

  /** Usage counts and bars against the plan's limits. */
  async assertUsage(): Promise<void> {
    const usage = this.page.getByRole('region', { name: 'Usage' });
    await expect(usage.getByText('Projects')).toBeVisible();
    await expect(usage.getByRole('progressbar', { name: /^Monthly active users: / })).toBeVisible();
    await expect(usage.getByRole('progressbar', { name: /^Tenants: / })).toBeVisible();
  }

  async assertField(term: string, value: string | RegExp): Promise<void> {
    const summary = this.page.getByRole('region', { name: 'Summary' });
    await expect(summary.getByRole('definition').filter({ hasText: value }).first()).toBeVisible();
    await expect(summary.getByRole('term').filter({ hasText: term }).first()).toBeVisible();
  }

  async openEditDialog(): Promise<OrgFormDialog> {
    await this.editButton.click();
    const dialog = new OrgFormDialog(this.page, this.caps, 'edit');
    await dialog.assertOpen();
    return dialog;
  }

  /** Deletes through the confirmation, which names the org and wants its name typed. */
  async delete(name: string): Promise<void> {
    await this.deleteButton.click();
    const dialog = this.page.getByRole('dialog', { name: `Delete ${name}?` });
    await expect(dialog.getByText(this.caps.deleteConsequence)).toBeVisible();
    const confirm = dialog.getByRole('button', { name: `Delete ${name}` });
    await expect(confirm).toBeDisabled();
    await dialog.getByRole('textbox', { name: `Type “${name}” to confirm` }).fill(name);
    await confirm.click();
    await expect(dialog).toBeHidden();
  }

  /** Where the provider returns a one-time credential on create, it must be shown once. */
  async acknowledgeOneTimeSecretIfAny(orgName: string): Promise<void> {
    if (!this.caps.createReturnsSecret) return;
    const value = await this.acknowledgeOneTimeSecret(orgName);
    expect(value.length).toBeGreaterThan(10);
  }

  async assertSlug(slug: string): Promise<void> {
    if (!this.caps.slug?.onCreate) return;
    await expect(this.page.getByText(`${this.caps.slug.label}: ${slug}`)).toBeVisible();
  }

  /** Permit's create answer carries an org API key, shown once. */
  async acknowledgeOneTimeSecret(orgName: string): Promise<string> {
    const dialog = this.page.getByRole('dialog', { name: `Organization API key for ${orgName}` });
    await expect(dialog.getByText('This key is shown only once.', { exact: false })).toBeVisible();
    const value = await dialog.getByRole('textbox', { name: 'Organization API key' }).inputValue();
    const done = dialog.getByRole('button', { name: 'Done' });
    await expect(done).toBeDisabled();
    await dialog.getByRole('checkbox', { name: 'I have copied the key' }).check();
    await done.click();
    await expect(dialog).toBeHidden();
    return value;
  }
}
