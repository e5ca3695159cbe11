import { expect, test } from '../../fixtures';
import { createOrg } from '../../data';
import { GlobalSearch } from '../../pages/global-search.page';

test.describe('Find fast', () => {
  test('Ctrl+K finds an organization by name and by id, and Enter opens it', async ({
    page,
    api,
    orgList,
    orgDetail,
    unique,
  }) => {
    const org = await createOrg(api, 'Find', unique);
    await orgList.goTo();
    const search = new GlobalSearch(page);

    await search.openWithShortcut();
    await search.type(unique);
    await expect(search.result(new RegExp(org.name))).toBeVisible();
    await search.chooseWithKeyboard();
    await orgDetail.assertTitle(org.name);

    await search.openWithShortcut();
    await search.type(org.id);
    await expect(search.result(new RegExp(org.name))).toBeVisible();
    await search.result(new RegExp(org.name)).click();
    await orgDetail.assertTitle(org.name);
  });

  test('finds a member’s organization by their email, where the provider can say which orgs a user is in', async ({
    page,
    api,
    caps,
    orgList,
    unique,
  }) => {
    test.skip(
      !caps.people.userOrganizations,
      'this provider cannot say which orgs a user belongs to',
    );
    const org = await createOrg(api, 'Member Find', unique);
    const [user] = (await api.users?.search({ search: '', limit: 50 })) ?? [];
    await api.members?.add?.(org.id, {
      userId: user?.id ?? '',
      roles: [(await api.roles?.list(org.id))?.[0]?.key ?? ''],
    });
    await orgList.goTo();
    const search = new GlobalSearch(page);
    await search.openWithShortcut();
    await search.type(user?.email ?? '');
    await search.result(new RegExp(`Member of ${org.name}`)).click();
    await expect(page).toHaveURL(new RegExp(`/orgs/${org.id}/members\\?q=`));
    await expect(
      page.getByRole('table', { name: 'Members' }).getByText(user?.email ?? ''),
    ).toBeVisible();
  });
});
