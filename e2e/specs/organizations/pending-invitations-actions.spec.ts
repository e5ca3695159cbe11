import { expect, test } from '../../fixtures';
import type { OrgAdminApi } from '../../../src/api/org-admin-api';
import { createOrg, roleNames } from '../../data';
import { PendingInvitationsPage } from '../../pages/pending-invitations.page';
import { AxeScan } from '../../widgets/axe';
import { assertToast } from '../../widgets/snackbar';

/** A new org with one pending invitation per letter: `a-<tag>@example.com`, … */
async function orgWithInvitations(
  api: OrgAdminApi,
  label: string,
  tag: string,
  letters: readonly string[],
) {
  const org = await createOrg(api, label, tag);
  const { basicKey } = await roleNames(api, org.id);
  const emails = letters.map((letter) => `${letter}-${tag}@example.com`);
  for (const email of emails)
    await api.invitations?.create(org.id, { email, roles: basicKey ? [basicKey] : [] });
  return { org, emails };
}

test.describe('Pending invitations across organizations', () => {
  test.beforeEach(({ caps }) => {
    test.skip(!caps.people.invitations, 'this provider keeps no invitations');
  });

  test('sorts by column (the default sort shows its arrow) and keeps the sort in the URL', async ({
    page,
    api,
    connectionId,
    unique,
  }) => {
    const tag = `sort-${unique}`;
    const { org, emails } = await orgWithInvitations(api, 'Pending sort', tag, ['b', 'c', 'a']);
    const pending = new PendingInvitationsPage(page);
    await pending.goTo(connectionId, tag);
    await pending.assertInvitation(`a-${tag}@example.com`, org.name);
    await expect(pending.columnHeader('Sent')).toHaveAttribute('aria-sort', 'descending');

    await pending.sortBy('Email');
    await expect(pending.columnHeader('Email')).toHaveAttribute('aria-sort', 'ascending');
    await expect(page).toHaveURL(/sort=email&order=asc/);
    await expect.poll(() => pending.emails()).toEqual([...emails].sort());
    await expect(page.getByRole('status').filter({ hasText: /1–3 of 3/ })).toBeVisible();

    await pending.sortBy('Email');
    await expect(page).toHaveURL(/sort=email&order=desc/);
    await expect.poll(() => pending.emails()).toEqual([...emails].sort().reverse());
  });

  test('revokes after a confirmation that names the effect, then focuses the next row', async ({
    page,
    api,
    connectionId,
    unique,
  }) => {
    const tag = `revoke-${unique}`;
    const { org, emails } = await orgWithInvitations(api, 'Pending revoke', tag, ['a', 'b']);
    const [first = '', second = ''] = emails;
    const pending = new PendingInvitationsPage(page);
    await pending.goTo(connectionId, tag);
    await pending.assertInvitation(second, org.name);
    await pending.sortBy('Email');
    await expect.poll(() => pending.emails()).toEqual([first, second]);

    const dialog = await pending.openRevoke(first);
    await expect(dialog).toContainText(`will no longer be able to join ${org.name}`);
    await dialog.getByRole('button', { name: 'Revoke invitation' }).click();
    await assertToast(page, `Revoked the invitation to ${first}`);
    await expect(pending.row(first)).toHaveCount(0);
    await expect(pending.row(second)).toBeFocused();
  });

  test('resends an invitation and says so', async ({ page, api, caps, connectionId, unique }) => {
    test.skip(!caps.people.invitations?.resend, 'this provider cannot resend invitations');
    const tag = `resend-${unique}`;
    const { org, emails } = await orgWithInvitations(api, 'Pending resend', tag, ['a']);
    const [email = ''] = emails;
    const pending = new PendingInvitationsPage(page);
    await pending.goTo(connectionId, tag);
    await pending.assertInvitation(email, org.name);
    await page.getByRole('button', { name: `Resend the invitation to ${email}` }).click();
    await assertToast(page, `Resent the invitation to ${email}`);
    await expect(pending.row(email)).toBeVisible();
  });

  test.describe('copy link', () => {
    test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

    test('copies an invitation’s accept link where the provider has one', async ({
      page,
      api,
      caps,
      connectionId,
      unique,
    }) => {
      test.skip(!caps.people.invitations?.link, 'this provider’s invitations carry no link');
      const tag = `link-${unique}`;
      const { org, emails } = await orgWithInvitations(api, 'Pending link', tag, ['a']);
      const [email = ''] = emails;
      const pending = new PendingInvitationsPage(page);
      await pending.goTo(connectionId, tag);
      await pending.assertInvitation(email, org.name);
      await page.getByRole('button', { name: `Copy the invitation link for ${email}` }).click();
      await assertToast(page, `Copied the invitation link for ${email}`);
      const sent = (await api.invitations?.listAll(org.id, ['pending']))?.items.find(
        (invitation) => invitation.email === email,
      );
      expect(sent?.url).toBeTruthy();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(sent?.url);
    });
  });

  // Both schemes in one test: the scheme is switched in place for each view (AxeScan), so the
  // data is set up and the page and dialog opened once.
  test('has no serious accessibility violation with rows and with the revoke dialog open, light and dark', async ({
    page,
    api,
    connectionId,
    unique,
  }) => {
    const tag = `axe-${unique}`;
    const { org, emails } = await orgWithInvitations(api, 'Pending axe', tag, ['a']);
    const [email = ''] = emails;
    const pending = new PendingInvitationsPage(page);
    await pending.goTo(connectionId, tag);
    await pending.assertInvitation(email, org.name);
    const axe = new AxeScan(page, true);
    await axe.check('Pending invitations with rows');
    const dialog = await pending.openRevoke(email);
    await axe.check('Revoke invitation dialog');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
  });
});
