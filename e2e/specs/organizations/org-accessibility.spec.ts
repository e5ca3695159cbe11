import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '../../fixtures';

function describe(violations: { id: string; nodes: { target: unknown[] }[] }[]): string[] {
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test.describe('Organizations: accessibility', () => {
  test('the list, the detail page and every tab it shows pass an axe scan', async ({
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
    expect(describe((await new AxeBuilder({ page }).analyze()).violations)).toEqual([]);

    await orgDetail.goTo(connectionId, organization.id);
    await orgDetail.assertTitle(organization.name);
    expect(describe((await new AxeBuilder({ page }).analyze()).violations)).toEqual([]);

    for (const tab of await orgDetail.tabNames()) {
      await orgDetail.openTab(tab);
      expect(describe((await new AxeBuilder({ page }).analyze()).violations), `${tab} tab`).toEqual(
        [],
      );
    }
  });
});
