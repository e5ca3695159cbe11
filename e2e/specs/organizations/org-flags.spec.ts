import { expect, injectFault, test } from '../../fixtures';
import { createOrg } from '../../data';
import { FlagsTab } from '../../pages/flags-tab.page';
import { assertToast } from '../../widgets/snackbar';

test.describe('Feature flag overrides', () => {
  test('overrides a boolean, an integer and a string flag, resets one, then resets all', async ({
    page,
    api,
    caps,
    connectionId,
    unique,
  }) => {
    test.skip(!caps.featureFlags?.resetAll, 'this provider keeps no flag overrides');
    const org = await createOrg(api, 'Flags', unique);
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
    page,
    api,
    caps,
    connectionId,
    baseURL,
    unique,
  }) => {
    test.skip(caps.featureFlags === null, 'this provider keeps no feature flags');
    const org = await createOrg(api, 'Flag Fault', unique);
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
});
