import { expect, test } from '../../fixtures';
import { createOrg } from '../../data';
import { AuditLogPage } from '../../pages/audit-log.page';

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
