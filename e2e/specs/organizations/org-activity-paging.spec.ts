import { expect, test } from '../../fixtures';
import { createOrg } from '../../data';
import { AuditLogPage } from '../../pages/audit-log.page';
import { AxeScan } from '../../widgets/axe';

test.describe('An organization’s Activity tab', () => {
  test('words each change and pages by cursor: Older, then Newer back, with the cursor in the URL', async ({
    page,
    api,
    connectionId,
    unique,
    orgDetail,
  }) => {
    const org = await createOrg(api, 'Activity', unique);
    // With the create, 26 recorded changes: one more than a page of 25.
    for (let index = 1; index <= 25; index += 1)
      await api.organizations.update(org.id, { name: `${org.name} v${String(index)}` });
    const name = `${org.name} v25`;

    await orgDetail.goTo(connectionId, org.id, 'activity');
    const activity = new AuditLogPage(page);
    await expect(activity.table.getByRole('row')).toHaveCount(26);
    const newest = activity.table.getByRole('row').nth(1);
    await expect(newest).toContainText(`Updated ${name}`);
    await expect(newest.getByRole('link', { name })).toBeVisible();
    await expect(newest).toContainText('Succeeded');
    await expect(activity.button('Newer')).toBeDisabled();

    await activity.button('Older').click();
    await expect(page).toHaveURL(/[?&]before=\d+/);
    await expect(activity.table.getByRole('row')).toHaveCount(2);
    await expect(activity.button('Older')).toBeDisabled();

    await activity.button('Newer').click();
    await expect(page).not.toHaveURL(/before=/);
    await expect(activity.table.getByRole('row')).toHaveCount(26);
  });
});

test.describe('The audit log', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test.describe(`${scheme} scheme`, () => {
      test.use({ colorScheme: scheme });

      test('filters by connection and operation with pickers, and shows entries in words', async ({
        page,
        api,
        connectionId,
        unique,
        orgDetail,
      }) => {
        const org = await createOrg(api, `Audit ${scheme}`, unique);
        await api.organizations.update(org.id, { name: `${org.name} renamed` });
        const name = `${org.name} renamed`;
        const connection = (await (await page.request.get('/api/connections')).json()) as {
          id: string;
          label: string;
        }[];
        const label = connection.find((item) => item.id === connectionId)?.label ?? connectionId;

        // Opened from within the console, so the org's name is known to the log.
        await orgDetail.goTo(connectionId, org.id);
        await orgDetail.assertTitle(name);
        await page.getByRole('link', { name: 'Audit log', exact: true }).click();
        const audit = new AuditLogPage(page);
        await audit.chooseConnection(label);
        await expect(page).toHaveURL(new RegExp(`connection=${connectionId}`));
        const operations = await audit.searchOperation('Update an org');
        const axe = new AxeScan(page);
        await axe.check('Audit log with the operation picker open');
        await operations.getByRole('option', { name: /^Update an organization/ }).click();
        await expect(page).toHaveURL(/operation=updateOrganization/);

        const row = audit.row(`Updated ${name}`);
        await expect(row).toContainText(label);
        await expect(row.getByRole('link', { name })).toBeVisible();
        await expect(row).toContainText('Succeeded');
        await axe.check('Audit log filtered');
      });
    });
  }
});
