import { expect, test } from '../../fixtures';
import { createOrg } from '../../data';
import { ShellPage } from '../../pages/shell.page';

test.describe('Context outside a connection', () => {
  test('Audit log and an unknown page keep the last connection: picker, navigation and Ctrl+K', async ({
    page,
  }) => {
    const shell = new ShellPage(page);
    await page.goto('/c/kinde/orgs');
    await shell.assertConnection('Kinde (sandbox)');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Audit log' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
    await expect(shell.connectionSwitcher.locator('option:checked')).toHaveText('Kinde (sandbox)');
    await expect(nav.getByRole('link', { name: 'Organizations' })).toHaveAttribute(
      'href',
      '/c/kinde/orgs',
    );
    await page.goto('/no-such-page');
    await expect(nav.getByRole('link', { name: 'Overview' })).toHaveAttribute(
      'href',
      '/c/kinde/overview',
    );
    await page.keyboard.press('Control+K');
    await expect(page).toHaveURL(/\/c\/kinde\/overview$/);
    await expect(page.getByRole('dialog')).toBeVisible();
  });

  test('an unknown tab says so and links the tabs that exist', async ({ page, api, unique }) => {
    const org = await createOrg(api, 'Tabs', unique);
    await page.goto(`/c/permit/orgs/${org.id}/no-such-tab`);
    await expect(page.getByText('No such tab')).toBeVisible();
    const tabs = page.getByRole('navigation', { name: 'Tabs of this organization' });
    await tabs.getByRole('link', { name: 'Overview' }).click();
    await expect(page).toHaveURL(new RegExp(`/orgs/${org.id}(/overview)?$`));
    await expect(page.getByRole('heading', { level: 1, name: org.name })).toBeVisible();
  });
});
