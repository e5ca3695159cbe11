import { expect, type Locator, type Page } from '@playwright/test';

/** An org's Roles tab: members on the left, one member's access on the right. */
export class RolesTab {
  constructor(readonly page: Page) {}

  async goTo(connectionId: string, orgId: string, userId: string): Promise<void> {
    await this.page.goto(
      `/c/${connectionId}/orgs/${encodeURIComponent(orgId)}/roles?member=${encodeURIComponent(userId)}`,
    );
  }

  card(who: string): Locator {
    return this.page.getByRole('region', { name: `Access of ${who}` });
  }

  async assertRoles(who: string, roles: readonly string[]): Promise<void> {
    const list = this.card(who).getByRole('list', { name: `Roles of ${who}` });
    await expect(list.getByRole('listitem')).toHaveText(
      roles.map((role) => new RegExp(`^${role}`)),
    );
  }

  private async pick(who: string, label: string, option: string, button: string): Promise<void> {
    const card = this.card(who);
    await card.getByRole('combobox', { name: label }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
    await card.getByRole('button', { name: button }).click();
  }

  async addRole(who: string, role: string): Promise<void> {
    await this.pick(who, 'Add a role', role, 'Add role');
  }

  async changeRole(who: string, role: string): Promise<void> {
    await this.pick(who, 'Change role to', role, 'Change role');
  }

  async removeRole(who: string, role: string): Promise<void> {
    await this.card(who)
      .getByRole('button', { name: `Remove ${role} from ${who}` })
      .click();
  }

  permissionRow(who: string, permission: string): Locator {
    return this.card(who)
      .getByRole('table', { name: `Permissions of ${who}` })
      .getByRole('row')
      .filter({ hasText: permission });
  }

  async assertPermission(who: string, permission: string, source: string | RegExp): Promise<void> {
    await expect(this.permissionRow(who, permission)).toContainText(source);
  }

  async assertNoPermission(who: string, permission: string): Promise<void> {
    await expect(this.permissionRow(who, permission)).toHaveCount(0);
  }

  async grantPermission(who: string, permission: string): Promise<void> {
    await this.pick(who, 'Grant a permission', permission, 'Grant');
  }

  async withdrawPermission(who: string, permission: string): Promise<void> {
    await this.card(who)
      .getByRole('button', { name: `Withdraw the direct grant of ${permission} from ${who}` })
      .click();
  }

  /** A member's row in the list on the left (its secondary text lists their roles). */
  memberRow(who: string): Locator {
    return this.page
      .getByRole('list', { name: 'Members' })
      .getByRole('listitem')
      .filter({ hasText: who });
  }

  async selectMember(who: string): Promise<void> {
    await this.page.getByRole('checkbox', { name: `Select ${who}` }).check();
  }

  /** Opens the bulk dialog for the selected members and picks the action and role. */
  async openBulkGive(role: string): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Change roles…' }).click();
    const dialog = this.page.getByRole('dialog', { name: /^Change the roles of / });
    await dialog.getByRole('button', { name: 'Give role' }).click();
    await dialog.getByRole('combobox', { name: 'Role' }).click();
    await this.page.getByRole('option', { name: role, exact: true }).click();
    return dialog;
  }

  /** The diff/result row of one member in the bulk dialog: member, change, result. */
  bulkRow(dialog: Locator, who: string): Locator {
    return dialog
      .getByRole('table', { name: 'What will change' })
      .getByRole('row')
      .filter({ hasText: who });
  }
}
