import { expect, injectFault, test } from '../../fixtures';
import { createOrg } from '../../data';
import { FlagMatrixPage } from '../../pages/flag-matrix.page';
import { FlagsTab } from '../../pages/flags-tab.page';
import { assertToast } from '../../widgets/snackbar';

test.describe('Feature flag overrides', () => {
  test('overrides a boolean, an integer and a string flag, resets one, then resets all', async ({
    orgUnless,
    page,
    api,
    caps,
    connectionId,
    unique,
  }) => {
    const org = await orgUnless(
      !caps.featureFlags?.resetAll,
      'this provider keeps no flag overrides',
      'Flags',
    );
    const list = (await api.featureFlags?.list(org.id)) ?? [];
    const bool = list.find((flag) => flag.type === 'boolean');
    const int = list.find((flag) => flag.type === 'integer');
    const str = list.find((flag) => flag.type === 'string');
    expect([bool, int, str].every(Boolean)).toBe(true);
    const flags = new FlagsTab(page);
    await flags.goTo(connectionId, org.id);

    const toggle = flags.switchOf(bool?.name ?? '', org.name);
    const wasOn = await toggle.isChecked();
    await toggle.click();
    await expect(toggle).toBeChecked({ checked: !wasOn });
    await flags.assertOverridden(bool?.name ?? '', true);

    await flags.setValue(int?.name ?? '', org.name, '4242');
    await assertToast(page, `${int?.name ?? ''} is now 4242 for ${org.name}`);
    await flags.assertValue(int?.name ?? '', '4242');

    await flags.setValue(str?.name ?? '', org.name, `e2e-${unique}`);
    await flags.assertValue(str?.name ?? '', `e2e-${unique}`);
    await flags.assertOverridden(str?.name ?? '', true);

    await flags.reset(int?.name ?? '');
    await assertToast(page, `${int?.name ?? ''} is back to its default for ${org.name}`);
    await flags.assertOverridden(int?.name ?? '', false);

    await flags.resetAll(org.name, [bool?.name ?? '', str?.name ?? '']);
    await assertToast(page, /^Reset \d+ overrides of /);
    await flags.assertOverridden(str?.name ?? '', false);
    await flags.assertOverridden(bool?.name ?? '', false);
  });

  test('a boolean toggle the provider refuses rolls back and says why', async ({
    orgUnless,
    page,
    api,
    caps,
    connectionId,
    baseURL,
  }) => {
    const org = await orgUnless(
      caps.featureFlags === null,
      'this provider keeps no feature flags',
      'Flag Fault',
    );
    const bool = (await api.featureFlags?.list(org.id))?.find((flag) => flag.type === 'boolean');
    await injectFault(baseURL ?? '', {
      vendor: connectionId,
      method: 'PATCH',
      // Scoped to this test's org: a parallel test toggles the same flag on its own org.
      path: `/**/${org.id}/feature_flags/${bool?.key ?? ''}`,
      status: 500,
    });
    const flags = new FlagsTab(page);
    await flags.goTo(connectionId, org.id);
    const toggle = flags.switchOf(bool?.name ?? '', org.name);
    const wasOn = await toggle.isChecked();
    await toggle.click();
    await assertToast(page, new RegExp(`^${bool?.name ?? ''} was not changed for ${org.name}: `));
    await expect(toggle).toBeChecked({ checked: wasOn });
    await flags.assertOverridden(bool?.name ?? '', false);
  });

  test('the flag matrix shows the listed orgs side by side and edits a cell in place', async ({
    orgUnless,
    page,
    api,
    caps,
    orgList,
    unique,
  }) => {
    const first = await orgUnless(
      caps.featureFlags === null,
      'this provider keeps no feature flags',
      'Matrix One',
    );
    const second = await createOrg(api, 'Matrix Two', unique);
    const flagList = (await api.featureFlags?.list(first.id)) ?? [];
    const bool = flagList.find((flag) => flag.type === 'boolean') ?? flagList[0];
    const int = flagList.find((flag) => flag.type === 'integer') ?? flagList[0];
    expect([bool?.type, int?.type]).toEqual(['boolean', 'integer']);
    const boolName = bool?.name ?? '';
    const intName = int?.name ?? '';

    // The matrix opens on the org list's own page: same search, same orgs.
    await orgList.goTo(`?q=${unique}`);
    await orgList.assertLoaded();
    await page.getByRole('link', { name: 'Compare flags' }).click();
    await expect(page).toHaveURL(new RegExp(`/flags\\?q=${unique}$`));
    const matrix = new FlagMatrixPage(page);
    await expect(matrix.heading).toBeVisible();
    await expect(matrix.orgRows).toHaveCount(2);
    await expect(matrix.row(first.name)).toBeVisible();
    await expect(matrix.row(second.name)).toBeVisible();

    // A boolean toggles in place; only that org's cell becomes overridden.
    const toggle = matrix
      .row(first.name)
      .getByRole('switch', { name: `${boolName} for ${first.name}` });
    const wasOn = await toggle.isChecked();
    await toggle.click();
    await expect(toggle).toBeChecked({ checked: !wasOn });
    await matrix.assertOverridden(first.name, boolName, true);
    await matrix.assertOverridden(second.name, boolName, false);

    // A typed value edits through its dialog, and the provider keeps it.
    await matrix.setValue(second.name, intName, '31337');
    await assertToast(page, `${intName} is now 31337 for ${second.name}`);
    const cell = await matrix.cell(second.name, intName);
    await expect(cell).toContainText('31337');
    await matrix.assertOverridden(second.name, intName, true);
    const saved = (await api.featureFlags?.list(second.id))?.find((flag) => flag.key === int?.key);
    expect(saved?.value).toBe(31337);
    expect(saved?.overridden).toBe(true);
  });
});
