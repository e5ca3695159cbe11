import { expect, test } from '../../fixtures';
import { roleNames } from '../../data';
import { InvitationsTab } from '../../pages/invitations-tab.page';
import { PendingInvitationsPage } from '../../pages/pending-invitations.page';
import { assertToast } from '../../widgets/snackbar';

test.describe('Invitations: CSV import and the all-orgs view', () => {
  test('imports a CSV after a dry run, and the invitation is then found from the pending-invitations page', async ({
    orgUnless,
    page,
    api,
    caps,
    connectionId,
    unique,
  }) => {
    const org = await orgUnless(
      !caps.people.invitations,
      'this provider keeps no invitations',
      'Import',
    );
    const { basicKey } = await roleNames(api, org.id);
    const good = `csv-${unique}@example.com`;
    const csv = ['email,role', `${good},${basicKey ?? ''}`, 'broken-address,', `${good},`].join(
      '\n',
    );
    const invitations = new InvitationsTab(page);
    await invitations.goTo(connectionId, org.id);
    const dialog = await invitations.importCsv({
      name: 'people.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await expect(dialog.getByRole('status').filter({ hasText: 'Dry run' })).toHaveText(
      /1 will be invited, 2 will not be sent/,
    );
    await invitations.assertCheck(dialog, 'broken-address', 'Not a valid email address');
    await invitations.assertCheck(dialog, good, 'Listed more than once');
    await dialog.getByRole('button', { name: 'Invite 1 person' }).click();
    await expect(dialog.getByRole('button', { name: 'Done' })).toBeVisible();
    await assertToast(page, `Imported people.csv: 1 of 1 invited`);
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Download results' }).click();
    expect((await download).suggestedFilename()).toMatch(/results\.csv$/);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await invitations.assertPending(good);
    // Kinde emails an invitation only when asked (its default is not to): the import asks.
    const imported = (await api.invitations?.listAll(org.id, ['pending']))?.items.find(
      (invitation) => invitation.email === good,
    );
    expect(imported?.details.find((detail) => detail.key === 'is_sent')?.value ?? true).toBe(true);

    const pending = new PendingInvitationsPage(page);
    await pending.goTo(connectionId, good);
    await pending.assertInvitation(good, org.name);
  });
});
