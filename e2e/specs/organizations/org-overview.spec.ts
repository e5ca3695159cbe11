import { test } from '../../fixtures';
import { OverviewPage } from '../../pages/overview.page';

test.describe('Overview', () => {
  test('shows the connection’s counts and renders its charts', async ({
    page,
    api,
    caps,
    connectionId,
    unique,
  }) => {
    // A change through the console, so the audit log has an entry of this test's own.
    const { organization } = await api.organizations.create({
      name: `E2E Overview ${unique}`,
      ...(caps.slug?.onCreate ? { slug: `e2e-overview-${unique}` } : {}),
      fields: {},
    });
    await api.organizations.update(organization.id, { name: `E2E Overview ${unique} renamed` });

    const overview = new OverviewPage(page);
    await overview.goTo(connectionId);
    const figure = /^\d[\d,.\s]*\+?$/;
    await overview.assertCount('Organizations', figure);
    await overview.assertCountOrSampleIf(caps.people.members !== null, 'Members', figure);
    await overview.assertCountOrSampleIf(
      caps.people.invitations !== null,
      'Pending invitations',
      figure,
    );
    await overview.assertChart('Largest organizations');
    await overview.assertChartIf(
      caps.list.columns.includes('createdAt'),
      'Organizations created per month',
    );
    await overview.assertUsageIf(caps.stats && caps.activeOrganization);
    await overview.assertRecentChanges(caps.list.columns.includes('createdAt'));
  });
});
