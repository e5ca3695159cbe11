import { expect, test } from '../../fixtures';

test.describe('Organizations: active organization and usage', () => {
  test('marks the active organization and shows its usage against its limits', async ({
    page,
    api,
    caps,
    orgList,
    orgDetail,
  }) => {
    test.skip(
      !caps.activeOrganization || !caps.stats,
      'this provider has no active organization or stats',
    );
    const active = await api.activeOrganization?.get();
    expect(active).toBeDefined();
    await orgList.goTo();
    await orgList.assertActiveOrganization(active?.name ?? '');
    await orgList.openActiveOrganization(active?.name ?? '');
    await orgDetail.assertTitle(active?.name ?? '');
    await expect(page.getByText('Active organization', { exact: true })).toBeVisible();
    await orgDetail.assertUsage();
  });
});
