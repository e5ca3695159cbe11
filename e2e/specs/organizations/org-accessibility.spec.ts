import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '../../fixtures';

test.describe('Organizations: accessibility', () => {
  test('the list and the detail page pass an axe scan', async ({
    page,
    orgList,
    orgDetail,
    api,
    connectionId,
    unique,
  }) => {
    const { organization } = await api.organizations.create({
      name: `E2E Axe ${unique}`,
      ...(api.capabilities.slug?.onCreate ? { slug: `e2e-axe-${unique}` } : {}),
      fields: {},
    });
    await orgList.goTo();
    await orgList.assertLoaded();
    const list = await new AxeBuilder({ page }).analyze();
    expect(
      list.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);

    await orgDetail.goTo(connectionId, organization.id);
    await orgDetail.assertTitle(organization.name);
    const detail = await new AxeBuilder({ page }).analyze();
    expect(
      detail.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  });
});
