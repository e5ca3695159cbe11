import { expect, test } from '../../fixtures';
import { ShellPage } from '../../pages/shell.page';

const CONNECTIONS = [
  ['Kinde (sandbox)', 'kinde'],
  ['Clerk Backend API (sandbox)', 'clerk'],
  ['Clerk Frontend API (sandbox)', 'clerk-frontend'],
  ['NuMind (sandbox)', 'numind'],
  ['Permit.io (sandbox)', 'permit'],
] as const;

test.describe('Console shell', () => {
  test('opens on the first connection’s overview and switches to each of the five', async ({
    page,
    orgList,
  }) => {
    const shell = new ShellPage(page);
    await page.goto('/');
    await expect(page).toHaveURL(/\/c\/permit\/overview$/);
    await shell.assertConnection('Permit.io (sandbox)');

    for (const [label, id] of CONNECTIONS) {
      await shell.switchConnection(label);
      await expect(page).toHaveURL(new RegExp(`/c/${id}/orgs$`));
      await shell.assertConnection(label);
      await expect(orgList.table.getByRole('link').first()).toBeVisible();
    }
  });

  test('lists every connection with what its provider can do', async ({ page }) => {
    await page.goto('/connections');
    await expect(page.getByRole('heading', { level: 1, name: 'Connections' })).toBeVisible();
    for (const [label] of CONNECTIONS)
      await expect(page.getByRole('region', { name: label })).toBeVisible();
    await page
      .getByRole('region', { name: 'Kinde (sandbox)' })
      .getByRole('link', { name: 'Open organizations' })
      .click();
    await expect(page).toHaveURL(/\/c\/kinde\/orgs$/);
  });

  test('an unknown address says so and leads back', async ({ page }) => {
    await page.goto('/nowhere');
    await expect(page.getByText('Page not found')).toBeVisible();
    await page.getByRole('link', { name: 'Go to the console' }).click();
    await expect(page).toHaveURL(/\/c\/permit\/overview$/);
  });

  test('follows the system colour scheme and can be switched', async ({ page }) => {
    const shell = new ShellPage(page);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/c/permit/orgs');
    await expect(shell.themeToggle).toHaveAccessibleName(/follows the system/);
    await shell.assertColorScheme('dark');
    await shell.themeToggle.click();
    await shell.assertColorScheme('light');
    await shell.themeToggle.click();
    await shell.assertColorScheme('dark');
  });
});
