import { expect, test } from '../../fixtures';

test.describe('Organization list states', () => {
  test('a failed load says so and Retry recovers the list', async ({ page, orgList }) => {
    // Only this page's calls fail (a browser-side stand-in for a refusing provider), so tests
    // running alongside keep their sandbox.
    let refuse = true;
    await page.route('**/api/connections/*/upstream/**', async (route) => {
      if (refuse && route.request().method() === 'GET') {
        await route.fulfill({
          status: 403,
          contentType: 'application/json',
          body: JSON.stringify({ message: 'Forbidden' }),
        });
      } else {
        await route.fallback();
      }
    });
    await orgList.goTo();
    const failure = page.getByRole('alert').filter({ hasText: 'Could not load organizations' });
    await expect(failure).toBeVisible();
    await expect(orgList.table).toBeHidden();

    refuse = false;
    await failure.getByRole('button', { name: 'Retry' }).click();
    await orgList.assertLoaded();
    await expect(failure).toBeHidden();
  });

  test('a search that matches nothing says so and clearing it brings the list back', async ({
    page,
    orgList,
    unique,
  }) => {
    await orgList.goTo();
    await orgList.assertLoaded();
    const query = `no-such-org-${unique}`;
    await orgList.search(query);
    const empty = page.getByRole('status').filter({ hasText: `No organizations match “${query}”` });
    await expect(empty).toBeVisible();
    await empty.getByRole('button', { name: 'Clear search' }).click();
    await expect(page).not.toHaveURL(/[?&]q=/);
    await orgList.assertLoaded();
  });
});
