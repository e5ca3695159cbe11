import { expect, test } from '../../fixtures';
import { createOrg, removableMembers, roleNames } from '../../data';
import { InvitationsTab } from '../../pages/invitations-tab.page';
import { MembersTab } from '../../pages/members-tab.page';
import { ShellPage } from '../../pages/shell.page';
import {
  assertNoInnerSideScroll,
  assertNoSideScroll,
  assertSelectTextFits,
  assertWithinWidth,
  PHONE_VIEWPORT,
} from '../../widgets/phone';

/**
 * The support desk on a 412 px phone: the organization list, an org's members and the invite
 * dialog fit the screen (the page never scrolls sideways) and every action stays in reach.
 */
test.describe('On a phone', () => {
  // Kinde: members that can be added, invitations with roles, and the most org tabs.
  test.use({ viewport: PHONE_VIEWPORT, hasTouch: true, connectionId: 'kinde' });

  test('the organization list fits and each organization opens', async ({
    page,
    api,
    unique,
    orgList,
  }) => {
    const org = await createOrg(api, 'Phone list', unique);
    await orgList.goTo(`?q=${encodeURIComponent(org.name)}`);
    await orgList.assertLoaded();
    await assertNoSideScroll(page);
    const shell = new ShellPage(page);
    await assertWithinWidth(page, shell.connectionSwitcher);
    await assertSelectTextFits(shell.connectionSwitcher);
    const link = orgList.table.getByRole('link', { name: org.name, exact: true });
    await assertWithinWidth(page, link);
    await link.click();
    await expect(page.getByRole('heading', { level: 1, name: org.name })).toBeVisible();
    await assertNoSideScroll(page);
  });

  test('members: rows fit, each row’s actions are in reach, every tab can be reached', async ({
    page,
    api,
    connectionId,
    baseURL,
    unique,
  }) => {
    const { org, members: people } = await removableMembers(
      api,
      connectionId,
      baseURL ?? '',
      2,
      unique,
    );
    const person = people[0]?.email ?? '';
    const members = new MembersTab(page);
    await members.goTo(connectionId, org.id);
    await members.assertMember(person);
    await assertNoSideScroll(page);
    await assertNoInnerSideScroll(members.region);
    const actions = members.row(person).getByRole('button', { name: `Actions for ${person}` });
    await assertWithinWidth(page, actions);
    await actions.click();
    await expect(page.getByRole('menuitem', { name: 'Remove from organization…' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('menu')).toHaveCount(0);

    // The tabs scroll sideways inside their bar; the last one can be brought into view and opened.
    const tabs = page.getByRole('tablist');
    const last = tabs.getByRole('tab').last();
    await last.scrollIntoViewIfNeeded();
    await assertWithinWidth(page, last);
    await last.click();
    await expect(last).toHaveAttribute('aria-selected', 'true');
    await assertNoSideScroll(page);
  });

  test('the invite dialog fits and long addresses wrap inside it', async ({
    orgUnless,
    page,
    api,
    connectionId,
    caps,
    unique,
  }) => {
    const org = await orgUnless(
      !caps.people.invitations,
      'this provider keeps no invitations',
      'Phone invite',
    );
    const { basic } = await roleNames(api, org.id);
    const invitations = new InvitationsTab(page);
    await invitations.goTo(connectionId, org.id);
    const long = `a-very-long-mailbox-name-for-a-phone-${unique}@subdomain.example-company.com`;
    const dialog = await invitations.startInvite(
      `${long}\nshort-${unique}@example.com`,
      caps.people.invitations?.roles ? basic : null,
    );
    await expect(dialog.getByText(long).first()).toBeVisible();
    await assertNoSideScroll(page);
    const send = dialog.getByRole('button', { name: 'Send 2 invitations' });
    await assertWithinWidth(page, send);
    await assertNoInnerSideScroll(dialog);
  });
});
