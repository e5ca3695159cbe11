import { expect, test } from '../../fixtures';

test.describe('Organizations: bad input gets a clear message and loses nothing', () => {
  test('a slug the provider would refuse is caught before anything is sent', async ({
    page,
    orgList,
    caps,
    unique,
  }) => {
    test.skip(
      !caps.slug?.onCreate || caps.slug.pattern === null,
      'this provider takes no patterned slug on create',
    );
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/upstream/'))
        sent.push(request.url());
    });
    await orgList.goTo();
    const dialog = await orgList.openCreateDialog();
    await dialog.fillName(`E2E Bad Slug ${unique}`);
    await dialog.fillSlug('Not a slug!');
    await dialog.submit();
    await dialog.assertMessage(caps.slug?.patternMessage ?? '');
    await dialog.assertOpen();
    expect(sent).toEqual([]);
  });

  test('a taken slug is refused by the provider, shown on the field, and the input is kept', async ({
    orgList,
    api,
    caps,
    unique,
  }) => {
    test.skip(!caps.slug?.onCreate, 'this provider takes no slug on create');
    const taken = `e2e-taken-${unique}`;
    await api.organizations.create({ name: `E2E Existing ${unique}`, slug: taken, fields: {} });

    await orgList.goTo();
    const dialog = await orgList.openCreateDialog();
    const name = `E2E Second ${unique}`;
    await dialog.fillName(name);
    await dialog.fillSlug(taken);
    await dialog.submit();
    await expect(dialog.slugInput).toHaveAttribute('aria-invalid', 'true');
    await dialog.assertOpen();
    await expect(dialog.nameInput).toHaveValue(name);
    await expect(dialog.slugInput).toHaveValue(taken);
  });

  test('a required name is asked for', async ({ orgList }) => {
    await orgList.goTo();
    const dialog = await orgList.openCreateDialog();
    await dialog.submit();
    await dialog.assertMessage('Name is required.');
  });
});
