import { expect, test } from '../../fixtures';
import { FlagMatrixPage } from '../../pages/flag-matrix.page';
import { AxeScan } from '../../widgets/axe';

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`The flag matrix on a narrow screen, ${scheme} scheme`, () => {
    // Narrow enough that the flag columns cannot all fit beside the organization column.
    test.use({ colorScheme: scheme, viewport: { width: 800, height: 800 } });

    test('says how many columns lie to the right, keeps the org column put while scrolling, and marks overrides in words', async ({
      orgUnless,
      page,
      api,
      caps,
      connectionId,
      unique,
    }) => {
      const org = await orgUnless(
        caps.featureFlags === null,
        'this provider keeps no feature flags',
        `Matrix ${scheme}`,
      );
      const flags = (await api.featureFlags?.list(org.id)) ?? [];
      const flag = flags.find((item) => item.type === 'boolean') ?? flags[0];
      await api.featureFlags?.set(org.id, flag?.key ?? '', flag?.value !== true);

      await page.goto(`/c/${connectionId}/flags?q=${unique}`);
      const matrix = new FlagMatrixPage(page);
      const link = matrix.row(org.name).getByRole('link', { name: org.name });
      await expect(link).toBeVisible({ timeout: 30_000 });
      const cell = await matrix.cell(org.name, flag?.name ?? '');
      await expect(cell).toContainText('Overridden');
      await matrix.assertOverridden(org.name, flag?.name ?? '', true);

      const more = page.getByRole('button', { name: /^\d+ more columns?$/ });
      await expect(more).toBeVisible();
      const before = await link.boundingBox();
      await new AxeScan(page).check(`Flag matrix, narrow, ${scheme}`);
      // Each press scrolls about a screen, until nothing more is hidden (the cue then goes): the
      // last flag column is in view, and the org's name stays where it was.
      await expect(async () => {
        await more.click({ timeout: 2000 });
        await expect(more).toBeHidden({ timeout: 2000 });
      }).toPass();
      await expect(matrix.table.getByRole('columnheader').last()).toBeInViewport({ ratio: 1 });
      await expect.poll(async () => (await link.boundingBox())?.x).toBe(before?.x);
      await expect(link).toBeInViewport();
    });
  });
}
