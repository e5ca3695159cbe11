import { expect, type Locator, type Page } from '@playwright/test';

/** An org's Members tab. */
export class MembersTab {
  readonly region: Locator;
  readonly table: Locator;
  readonly searchBox: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Members' });
    this.table = this.region.getByRole('table', { name: 'Members' });
    this.searchBox = this.region.getByRole('textbox', { name: 'Search members' });
  }

  async goTo(connectionId: string, orgId: string, query = ''): Promise<void> {
    await this.page.goto(`/c/${connectionId}/orgs/${encodeURIComponent(orgId)}/members${query}`);
    await expect(this.searchBox).toBeVisible();
  }

  row(text: string): Locator {
    return this.table.getByRole('row').filter({ hasText: text });
  }

  /** The members whose rows offer an Actions menu, in the order the table shows them. */
  async rowActionNames(): Promise<string[]> {
    const buttons = this.table.getByRole('button', { name: /^Actions for / });
    const names = await buttons.evaluateAll((all) =>
      all.map((button) => button.getAttribute('aria-label') ?? ''),
    );
    return names.map((name) => name.replace(/^Actions for /, ''));
  }

  async search(text: string): Promise<void> {
    await this.searchBox.fill(text);
    await expect(this.page).toHaveURL(
      new RegExp(`[?&]q=${encodeURIComponent(text).replace(/\./g, '\\.')}`),
    );
  }

  async assertMember(email: string, role?: string): Promise<void> {
    const row = this.row(email);
    await expect(row).toBeVisible();
    if (role) await expect(row.getByText(role, { exact: true })).toBeVisible();
  }

  async assertNotMember(email: string): Promise<void> {
    await expect(this.row(email)).toHaveCount(0);
  }

  /** Adds an existing user found by the picker (or typed by ID where the provider cannot search users). */
  async addMember(
    user: { readonly search: string; readonly option: RegExp } | { readonly id: string },
    role: string | null,
  ): Promise<void> {
    await this.region.getByRole('button', { name: 'Add member' }).click();
    const dialog = this.page.getByRole('dialog', { name: /^Add a member to / });
    if ('id' in user) {
      await dialog.getByRole('textbox', { name: 'User ID' }).fill(user.id);
    } else {
      await dialog.getByRole('combobox', { name: 'User' }).fill(user.search);
      await this.page.getByRole('option', { name: user.option }).click();
    }
    if (role) await this.chooseRole(dialog, role);
    await dialog.getByRole('button', { name: /^Add / }).click();
    await expect(dialog).toBeHidden();
  }

  /** Picks several users in the add dialog, then adds them all with one click. */
  async addMembers(
    users: readonly { readonly search: string; readonly option: RegExp }[],
    role: string | null,
  ): Promise<Locator> {
    await this.region.getByRole('button', { name: 'Add member' }).click();
    const dialog = this.page.getByRole('dialog', { name: /^Add a member to / });
    for (const user of users) {
      await dialog.getByRole('combobox', { name: 'User' }).fill(user.search);
      await this.page.getByRole('option', { name: user.option }).click();
    }
    if (role) await this.chooseRole(dialog, role);
    await dialog.getByRole('button', { name: `Add ${users.length} users` }).click();
    return dialog;
  }

  async filterByPermission(name: string): Promise<void> {
    await this.region.getByRole('combobox', { name: 'Permission' }).click();
    await this.page.getByRole('option', { name, exact: true }).click();
  }

  /** Leaves exactly this role chosen, in a single- or multi-role picker. */
  private async chooseRole(dialog: Locator, role: string): Promise<void> {
    await dialog.getByRole('combobox', { name: /^Roles?/ }).click();
    const listbox = this.page.getByRole('listbox');
    const multiple = (await listbox.getAttribute('aria-multiselectable')) === 'true';
    const target = listbox.getByRole('option', { name: new RegExp(`^${role}`) });
    if (!multiple) {
      await target.click();
      return;
    }
    for (const option of await listbox.getByRole('option', { selected: true }).all()) {
      if (!(await option.textContent())?.startsWith(role)) await option.click();
    }
    if ((await target.getAttribute('aria-selected')) !== 'true') await target.click();
    await this.page.keyboard.press('Escape');
    await expect(listbox).toBeHidden();
  }

  async changeRole(email: string, role: string): Promise<void> {
    await this.row(email)
      .getByRole('button', { name: `Actions for ${email}` })
      .click();
    await this.page.getByRole('menuitem', { name: 'Change role…' }).click();
    const dialog = this.page.getByRole('dialog', { name: `Change the role of ${email}` });
    await this.chooseRole(dialog, role);
    await dialog.getByRole('button', { name: 'Save role' }).click();
    await expect(dialog).toBeHidden();
  }

  async remove(email: string, orgName: string): Promise<void> {
    await this.row(email)
      .getByRole('button', { name: `Actions for ${email}` })
      .click();
    await this.page.getByRole('menuitem', { name: 'Remove from organization…' }).click();
    const dialog = this.page.getByRole('dialog', { name: `Remove ${email} from ${orgName}?` });
    await dialog.getByRole('button', { name: `Remove ${email}` }).click();
    await expect(dialog).toBeHidden();
  }

  /** Finds the member by searching (long lists are virtualized) and selects them; selection persists. */
  async select(email: string): Promise<void> {
    await this.search(email);
    await this.table.getByRole('checkbox', { name: `Select ${email}` }).check();
  }

  /** Removes the selected members and returns the dialog, left open on its results. */
  async removeSelected(count: number, orgName: string): Promise<Locator> {
    await this.region.getByRole('button', { name: `Remove ${count} members` }).click();
    const dialog = this.page.getByRole('dialog', {
      name: `Remove ${count} members from ${orgName}?`,
    });
    await dialog.getByRole('button', { name: `Remove ${count} members` }).click();
    await expect(dialog.getByRole('button', { name: 'Done' })).toBeVisible();
    return dialog;
  }
}
