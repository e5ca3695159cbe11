import { expect, test } from '../../fixtures';
import { assertToast } from '../../widgets/snackbar';

test.describe('Organizations: the whole journey', () => {
  test('create, edit, find, open and delete an organization', async ({
    page,
    orgList,
    orgDetail,
    unique,
  }) => {
    const name = `E2E Org ${unique}`;
    const renamed = `E2E Renamed ${unique}`;

    await orgList.goTo();
    await orgList.assertLoaded();

    const create = await orgList.openCreateDialog();
    await create.fillIdentity(name, `e2e-${unique}`);
    await create.submit();
    await orgDetail.acknowledgeOneTimeSecretIfAny(name);
    await assertToast(page, `Created ${name}`);
    await orgDetail.assertTitle(name);
    await orgDetail.assertSlug(`e2e-${unique}`);

    const edit = await orgDetail.openEditDialog();
    await expect(edit.nameInput).toHaveValue(name);
    await edit.fillName(renamed);
    await edit.submit();
    await edit.assertClosed();
    await assertToast(page, `Saved ${renamed}`);
    await orgDetail.assertTitle(renamed);

    await orgList.goTo();
    await orgList.search(unique);
    await orgList.assertSearchHonesty();
    await orgList.assertRow(renamed);
    expect(await orgList.rowNames()).toEqual([renamed]);
    await orgList.clickRowOf(renamed);
    await orgDetail.assertTitle(renamed);

    await orgDetail.delete(renamed);
    await assertToast(page, `Deleted ${renamed}`);
    await expect(orgList.heading).toBeVisible();
    await orgList.search(unique);
    await orgList.assertNoMatch(unique);
  });

  test('pages through the list and keeps the page in the URL', async ({ page, orgList, caps }) => {
    await orgList.goTo();
    const first = await orgList.rowNames();
    expect(first.length).toBeGreaterThan(0);
    await orgList.goToNextPage();
    await expect(page).toHaveURL(/[?&]page=2/);
    await expect.poll(() => orgList.rowNames()).not.toEqual(first);
    const second = await orgList.rowNames();
    // Orgs other tests create in between push page 1's last rows onto page 2: a shift shows as a
    // few rows that end page 1 and begin page 2, never as rows from anywhere else.
    const shifted = second.filter((name) => first.includes(name));
    expect(shifted.length).toBeLessThan(first.length / 2);
    expect(second.slice(0, shifted.length)).toEqual(shifted);
    expect(first.slice(first.length - shifted.length)).toEqual(shifted);

    // Other tests create orgs meanwhile, so the rows may shift: the page itself must survive a reload.
    await page.reload();
    await orgList.assertLoaded();
    await expect(page).toHaveURL(/[?&]page=2/);
    await orgList.assertPageRange(new RegExp(`^${caps.list.defaultPageSize + 1}–`));
  });

  test('sorts by name, on the server or in the browser, and says which', async ({
    page,
    orgList,
    caps,
  }) => {
    test.skip(!caps.list.sortFields.includes('name'), 'this provider cannot sort by name');
    await orgList.goTo();
    await orgList.assertLoaded();
    await orgList.sortBy('Name');
    await expect(page).toHaveURL(/[?&]sort=name/);
    await orgList.assertSortedByName();
    await orgList.assertSortHonesty('name');
  });
});

test.describe('Organizations: the detail header', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('shows the dates the provider keeps and copies the id and the slug', async ({
    api,
    caps,
    connectionId,
    orgDetail,
    unique,
  }) => {
    const slug = `e2e-head-${unique}`;
    const { organization } = await api.organizations.create({
      name: `E2E Header ${unique}`,
      ...(caps.slug?.onCreate ? { slug } : {}),
      fields: {},
    });
    const org = await api.organizations.get(organization.id);
    await orgDetail.goTo(connectionId, org.id);
    await orgDetail.assertTitle(org.name);

    await orgDetail.assertHeaderDate('Created', org.createdAt);
    await orgDetail.assertHeaderDate('Updated', org.updatedAt);
    await orgDetail.assertCopiesIds(org, caps.slug?.onCreate ? slug : null);
  });
});
