import { expect, test } from '../../fixtures';
import { OverviewPage } from '../../pages/overview.page';

test.describe('Overview', () => {
  test('shows the connection’s counts and renders its charts', async ({
    page,
    caps,
    connectionId,
  }) => {
    const overview = new OverviewPage(page);
    await overview.goTo(connectionId);
    await overview.assertCount('Organizations', /^\d[\d,.\s]*\+?$/);
    await overview.assertChart('Largest organizations');
    await overview.assertChartIf(
      caps.list.columns.includes('createdAt'),
      'Organizations created per month',
    );
    await overview.assertUsageIf(caps.stats && caps.activeOrganization);
    await expect(page.getByRole('region', { name: 'Recent changes' })).toBeVisible();
  });
});
