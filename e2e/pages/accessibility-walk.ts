import { expect, type Page } from '@playwright/test';
import type { Capabilities } from '../../src/api/capabilities';
import type { ProviderKind } from '../../src/api/domain';
import type { OrgAdminApi } from '../../src/api/org-admin-api';
import { createOrg, removableMembers } from '../data';
import { AxeScan } from '../widgets/axe';
import { AuditLogPage } from './audit-log.page';
import { FlagMatrixPage } from './flag-matrix.page';
import { GlobalSearch } from './global-search.page';
import { MembersTab } from './members-tab.page';
import type { OrgDetailPage } from './org-detail.page';
import type { OrgListPage } from './org-list.page';
import { OverviewPage } from './overview.page';
import { PendingInvitationsPage } from './pending-invitations.page';
import { RolesTab } from './roles-tab.page';

/**
 * Walks every view of the console, opening each dialog and menu that the provider's capabilities
 * (and the signed-in role) offer, and scans each with axe. What a view offers is read from the
 * page itself, so a provider without, say, CSV import simply has no such step. The org list, the
 * org page and each of its tabs must pass every axe rule (any impact); the other views fail on
 * serious and critical violations and the landmark rules.
 */
export class AccessibilityWalk {
  private readonly axe: AxeScan;

  constructor(
    readonly page: Page,
    private readonly caps: Capabilities,
    private readonly connectionId: ProviderKind,
    private readonly unique: string,
    private readonly orgListPage: OrgListPage,
    private readonly orgDetail: OrgDetailPage,
  ) {
    this.axe = new AxeScan(page, true);
  }

  private get dialog() {
    return this.page.getByRole('dialog');
  }

  private async escape(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.dialog).toHaveCount(0);
  }

  /** Clicks `opener` where it is offered and enabled, scans the dialog, closes it. */
  private async dialogFrom(opener: ReturnType<Page['getByRole']>, view: string): Promise<void> {
    if ((await opener.count()) === 0 || !(await opener.first().isEnabled())) return;
    await opener.first().click();
    await expect(this.dialog).toBeVisible();
    await this.axe.check(view);
    await this.escape();
  }

  /** An org of the test's own, with members where the provider keeps them. */
  async orgWithMembers(
    api: OrgAdminApi,
    baseURL: string,
  ): Promise<{ org: { id: string; name: string }; person: string }> {
    const { org, members } = this.caps.people.members
      ? await removableMembers(api, this.connectionId, baseURL, 2, this.unique)
      : { org: await createOrg(api, 'Axe', this.unique), members: [] };
    return { org, person: members[0]?.email ?? '' };
  }

  async assertConnectionPages(): Promise<void> {
    const { page, connectionId, axe } = this;
    await new OverviewPage(page).goTo(connectionId);
    await axe.check('Overview');
    if (this.caps.featureFlags) {
      const matrix = new FlagMatrixPage(page);
      await page.goto(`/c/${connectionId}/flags`);
      // Kinde's matrix asks every org of the page for its flags: slow on a busy machine.
      await expect(matrix.orgRows.first().getByRole('link')).toBeVisible({ timeout: 30_000 });
      await axe.check('Feature flag matrix');
    }
    if (this.caps.people.invitations) {
      await new PendingInvitationsPage(page).goTo(
        connectionId,
        `nobody-${this.unique}@example.com`,
      );
      await axe.check('Pending invitations');
    }
  }

  async assertOrgListAndSearch(orgName: string): Promise<void> {
    const { page, axe } = this;
    await this.orgListPage.goTo();
    await this.orgListPage.assertLoaded();
    await axe.check('Organizations', 'all');
    await this.dialogFrom(this.orgListPage.createButton, 'Create organization dialog');

    const search = new GlobalSearch(page);
    await search.openWithShortcut();
    await axe.check('Search dialog');
    await search.type(orgName);
    await expect(search.result(new RegExp(orgName))).toBeVisible();
    await axe.check('Search dialog with results');
    await this.escape();
  }

  async assertOrgTabs(org: { id: string; name: string }, person: string): Promise<void> {
    const { page, axe, orgDetail } = this;
    await orgDetail.goTo(this.connectionId, org.id);
    await orgDetail.assertTitle(org.name);
    await axe.check('Organization overview', 'all');
    await this.dialogFrom(orgDetail.editButton, 'Edit organization dialog');
    await this.dialogFrom(orgDetail.deleteButton, 'Delete organization dialog');
    for (const tab of await orgDetail.tabNames()) {
      await orgDetail.openTab(tab);
      await axe.check(`${tab} tab`, 'all');
      if (tab === 'Members') await this.membersDialogs(person);
      if (tab === 'Invitations') await this.invitationDialogs();
      if (tab === 'Roles') await this.rolesViews(person);
      if (tab === 'Feature flags')
        await this.dialogFrom(
          page.getByRole('button', { name: /^Edit .* for / }),
          'Flag override dialog',
        );
    }
  }

  /** Pages that do not depend on the connection's provider: walked once, not per provider. */
  async assertConsolePages(): Promise<void> {
    const { page, axe } = this;
    await new AuditLogPage(page).goTo();
    await axe.check('Audit log');
    await page.goto('/connections');
    await expect(page.getByRole('heading', { level: 1, name: 'Connections' })).toBeVisible();
    await axe.check('Connections');
    // Connections that act with each person's own token offer a dialog to give it.
    await this.dialogFrom(
      page.getByRole('button', { name: /^(Provide|Replace) your token$/ }),
      'Your access token dialog',
    );
    await page.goto('/nowhere');
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await axe.check('Page not found');
    await page.goto('/sign-in');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Orgdeck' })).toBeVisible();
    await axe.check('Sign in');
  }

  /**
   * Creating an org where the provider answers with a secret shown once (Permit's API key):
   * the dialog that shows it is scanned before it is closed.
   */
  async assertOneTimeSecretDialog(name: string): Promise<void> {
    const { page, axe } = this;
    await this.orgListPage.goTo();
    await this.orgListPage.createButton.click();
    const form = page.getByRole('dialog', { name: /^Create a / });
    await form.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
    const slug = this.caps.slug;
    if (slug?.onCreate)
      await form.getByRole('textbox', { name: slug.label, exact: true }).fill(`axe-${this.unique}`);
    await form.getByRole('button', { name: 'Create organization' }).click();
    const secret = page.getByRole('dialog', { name: new RegExp(` for ${name}$`) });
    await expect(secret).toBeVisible();
    await axe.check('One-time secret dialog');
  }

  private async membersDialogs(person: string): Promise<void> {
    const { page, axe } = this;
    const members = new MembersTab(page);
    await this.dialogFrom(
      members.region.getByRole('button', { name: 'Add member' }),
      'Add member dialog',
    );
    const actions = members.row(person).getByRole('button', { name: `Actions for ${person}` });
    if ((await actions.count()) === 0) return;
    await actions.click();
    await expect(page.getByRole('menu')).toBeVisible();
    await axe.check('Member row menu');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('menu')).toHaveCount(0);
    for (const item of ['Change role…', 'Remove from organization…']) {
      await actions.click();
      const menuItem = page.getByRole('menuitem', { name: item });
      if ((await menuItem.count()) === 0) {
        await page.keyboard.press('Escape');
        continue;
      }
      await menuItem.click();
      await expect(this.dialog).toBeVisible();
      await axe.check(`${item} dialog`);
      await this.escape();
    }
  }

  private async invitationDialogs(): Promise<void> {
    const { page, axe } = this;
    const region = page.getByRole('region', { name: 'Invitations' });
    const invite = region.getByRole('button', { name: 'Invite people' }).first();
    if (await invite.isEnabled()) {
      await invite.click();
      await this.dialog
        .getByRole('textbox', { name: 'Email addresses' })
        .fill(`axe-${this.unique}@example.com, not-an-email`);
      await expect(this.dialog.getByRole('row').filter({ hasText: 'not-an-email' })).toBeVisible();
      await axe.check('Invite dialog with checks');
      // Typed addresses make Escape ask first: that question is a dialog too.
      await page.keyboard.press('Escape');
      const discard = page.getByRole('dialog', { name: /^Discard/ });
      await expect(discard).toBeVisible();
      await axe.check('Discard the invitations? dialog');
      await discard.getByRole('button', { name: /^Discard/ }).click();
      await expect(this.dialog).toHaveCount(0);
    }
    await this.dialogFrom(region.getByRole('button', { name: 'Import CSV' }), 'Import CSV dialog');
  }

  private async rolesViews(person: string): Promise<void> {
    const { page, axe } = this;
    const roles = new RolesTab(page);
    // The list is virtualised against the window: find the member first, as a user would.
    await page.getByRole('textbox', { name: 'Find a member' }).fill(person);
    await roles.memberRow(person).getByRole('button').click();
    await expect(roles.card(person)).toBeVisible();
    await axe.check('Roles tab with a member chosen');
    const select = page.getByRole('checkbox', { name: `Select ${person}` });
    if ((await select.count()) === 0) return;
    await select.check();
    await this.dialogFrom(
      page.getByRole('button', { name: 'Change roles…' }),
      'Change roles in bulk dialog',
    );
  }
}
