import { expect, test } from '../../fixtures';
import { removableMembers, roleNames } from '../../data';
import { GlobalSearch } from '../../pages/global-search.page';
import { InvitationsTab } from '../../pages/invitations-tab.page';
import { MembersTab } from '../../pages/members-tab.page';

/**
 * The support desk's main path with the keyboard only: find the org with Ctrl+K, open its
 * members, remove one, invite two people. After each step focus must be somewhere useful, never
 * on the page body.
 */
test.describe('Keyboard: the support desk path', () => {
  test('find org → members → remove → invite two, with focus where the next step starts', async ({
    page,
    api,
    caps,
    connectionId,
    unique,
    baseURL,
    orgDetail,
  }) => {
    test.skip(
      !caps.people.members?.remove || !caps.people.invitations,
      'this provider cannot remove members and invite people',
    );
    test.setTimeout(120_000);
    const { org, members: people } = await removableMembers(
      api,
      connectionId,
      baseURL ?? '',
      2,
      unique,
    );
    const [leaving] = people.map((person) => person.email);
    const { basic } = await roleNames(api, org.id);
    await page.goto(`/c/${connectionId}/overview`);
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();

    // Find the org: Ctrl+K, type, Enter. Focus lands on the org's heading, which is announced.
    const search = new GlobalSearch(page);
    await search.openWithShortcut();
    await expect(search.field).toBeFocused();
    await page.keyboard.type(org.name);
    await expect(search.result(new RegExp(org.name))).toHaveAttribute('aria-selected', 'true');
    await search.chooseWithKeyboard();
    await expect(orgDetail.heading).toHaveText(org.name);
    await expect(orgDetail.heading).toBeFocused();

    // Members tab: choosing a tab keeps focus on it (it is not a new page).
    const membersTab = page.getByRole('tab', { name: 'Members', exact: true });
    await membersTab.focus();
    await page.keyboard.press('Enter');
    await expect(membersTab).toHaveAttribute('aria-selected', 'true');
    await expect(membersTab).toBeFocused();

    // Remove one member from its row menu; focus moves to the row that is now in its place (the
    // next row, or the one before it at the end). Which row that is depends on the provider's
    // order and on who else belongs to the org (the creator, where the provider adds them).
    const members = new MembersTab(page);
    await members.assertMember(leaving ?? '');
    const order = await members.rowActionNames();
    const at = order.indexOf(leaving ?? '');
    const successor = order[at + 1] ?? order[at - 1];
    expect(successor, 'another member stays in the list').toBeDefined();
    await members
      .row(leaving ?? '')
      .getByRole('button', { name: `Actions for ${leaving}` })
      .focus();
    await page.keyboard.press('Enter');
    const removeItem = page.getByRole('menuitem', { name: 'Remove from organization…' });
    await removeItem.focus();
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('dialog', { name: `Remove ${leaving} from ${org.name}?` });
    await confirm.getByRole('button', { name: `Remove ${leaving}` }).focus();
    await page.keyboard.press('Enter');
    await expect(confirm).toBeHidden();
    await members.assertNotMember(leaving ?? '');
    await expect(
      members.table.getByRole('button', { name: `Actions for ${successor ?? ''}`, exact: true }),
    ).toBeFocused();

    // Invite two: after Send, focus is on the outcome; Done returns it to "Invite people".
    const invitationsTab = page.getByRole('tab', { name: 'Invitations', exact: true });
    await invitationsTab.focus();
    await page.keyboard.press('Enter');
    await expect(invitationsTab).toBeFocused();
    const invitations = new InvitationsTab(page);
    const dialog = await invitations.startInvite(
      `ann-${unique}@example.com\nben-${unique}@example.com`,
      caps.people.invitations?.roles ? basic : null,
    );
    await dialog.getByRole('button', { name: 'Send 2 invitations' }).focus();
    await page.keyboard.press('Enter');
    const outcome = dialog.getByRole('alert').filter({ hasText: '2 invited' });
    await expect(outcome).toBeFocused();
    await dialog.getByRole('button', { name: 'Done' }).focus();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(
      invitations.region.getByRole('button', { name: 'Invite people' }).first(),
    ).toBeFocused();
    await invitations.assertPending(`ann-${unique}@example.com`);
  });
});
