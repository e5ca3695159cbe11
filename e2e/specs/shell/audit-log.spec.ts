import { expect, test } from '../../fixtures';
import { createOrg } from '../../data';
import { AuditLogPage } from '../../pages/audit-log.page';
import { AxeScan } from '../../widgets/axe';

/*
 * The Audit page's own UI (pickers, wording, names) is the same for every provider, so it runs
 * once, here in the shell project (on its Permit connection); each provider's Activity tab runs in
 * organizations/org-activity-paging.spec.ts.
 */
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

  test('opened directly, in a fresh page, names the org (the server knows it, not the browser)', async ({
    page,
    api,
    connectionId,
    unique,
  }) => {
    const org = await createOrg(api, 'Audit direct', unique);
    const name = `${org.name} renamed`;
    await api.organizations.update(org.id, { name });

    const audit = new AuditLogPage(page);
    await audit.goTo(`?connection=${connectionId}&org=${encodeURIComponent(org.id)}`);
    const updated = audit.row(`Updated ${name}`);
    await expect(updated.getByRole('link', { name })).toBeVisible();
    await expect(audit.row(`Created ${name}`)).toBeVisible();
    await expect(audit.table).not.toContainText(`Updated ${org.id}`);
  });
});
