import { expect, test } from '../../fixtures';

/**
 * The role catalogue (`GET /v1/organization_roles`) only fills the members tab's role menu: it is
 * not asked before the first screen, and asked once when the URL names the org by its slug (the
 * route loader and the panel read it under the same key, the org's id).
 */

const ROLES_CALL = /\/api\/connections\/clerk\/upstream\/v1\/organization_roles(?:\?|$)/;
const MEMBERS_PATH = '/c/clerk/orgs/globex-enterprise/members';

function countRoleCalls(page: import('@playwright/test').Page) {
  const counter = { calls: 0 };
  page.on('request', (request) => {
    if (ROLES_CALL.test(request.url())) counter.calls += 1;
  });
  return counter;
}

test.describe('Members tab: the role catalogue', () => {
  test('is asked when the role menu opens, not before', async ({ page }) => {
    const roles = countRoleCalls(page);
    await page.goto(MEMBERS_PATH);
    await expect(page.getByRole('row').nth(1)).toBeVisible();
    expect(roles.calls).toBe(0);

    await page.getByRole('combobox', { name: 'Role' }).click();
    await expect(page.getByRole('option', { name: 'Any role' })).toBeVisible();
    await expect.poll(() => roles.calls).toBe(1);
  });

  test('is asked once when the URL filters by a role of an org named by its slug', async ({
    page,
  }) => {
    const roles = countRoleCalls(page);
    const answered = page.waitForResponse(ROLES_CALL);
    await page.goto(`${MEMBERS_PATH}?role=org:admin`);
    await answered;
    await expect(page.getByRole('row').nth(1)).toBeVisible();
    await page.getByRole('combobox', { name: 'Role' }).click();
    await expect(page.getByRole('option', { name: 'Any role' })).toBeVisible();
    expect(roles.calls).toBe(1);
  });
});
