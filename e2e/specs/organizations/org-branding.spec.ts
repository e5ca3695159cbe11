import { expect, test } from '../../fixtures';
import { OrgBrandingPage } from '../../pages/org-branding.page';
import { OrgMetadataPage } from '../../pages/org-metadata.page';
import { ShellPage } from '../../pages/shell.page';
import { solidPng } from '../../images';
import { assertToast } from '../../widgets/snackbar';

const PNG = solidPng(64, 64);

test.describe('Organizations: logo and metadata', () => {
  test('uploads a logo that then shows in the header and the list, refuses a text file, and removes it', async ({
    page,
    api,
    caps,
    orgDetail,
    orgList,
    unique,
  }) => {
    test.skip(caps.logo === null, 'this provider keeps no logo');
    const { organization } = await api.organizations.create({
      name: `E2E Logo ${unique}`,
      fields: {},
    });
    // Any logo write: Clerk PUTs …/logo, Kinde POSTs …/logos/{type}.
    const uploads: string[] = [];
    page.on('request', (request) => {
      if (request.method() !== 'GET' && request.url().includes('/logo'))
        uploads.push(`${request.method()} ${request.url()}`);
    });
    const shell = new ShellPage(page);
    const branding = new OrgBrandingPage(page, caps);

    // The list first, so the console holds it with the org still showing its initials; from here
    // on every step is in-app navigation, and the page must never load again.
    await orgList.goTo(`?q=${unique}`);
    await orgList.assertRow(organization.name);
    await orgList.assertNoRowLogo(organization.name);
    const loadedAt = await page.evaluate(() => performance.timeOrigin);
    await orgList.openOrg(organization.name);
    await orgDetail.openTab('Branding');

    await branding.chooseFile({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('not an image'),
    });
    await branding.assertRefused('notes.txt is not an accepted image type');
    await branding.dropFile({
      name: 'dropped.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('not an image either'),
    });
    await branding.assertRefused('dropped.txt is not an accepted image type');
    await branding.chooseFile({ name: 'tiny.png', mimeType: 'image/png', buffer: solidPng(8, 8) });
    await branding.assertRefused('tiny.png is 8×8 pixels; a logo needs at least 32×32.');
    await branding.chooseFile({
      name: 'huge.png',
      mimeType: 'image/png',
      buffer: Buffer.alloc(11 * 1024 * 1024, 1),
    });
    await branding.assertRefused(/^huge\.png is 11\.0 MB; the limit is [\d.]+ MB\.$/);
    expect(uploads).toEqual([]);

    await branding.upload({ name: 'logo.png', mimeType: 'image/png', buffer: PNG });
    await assertToast(page, `Uploaded a new ${branding.what} for ${organization.name}`);
    expect(uploads).toHaveLength(1);
    await branding.assertCurrentLogo(organization.name);
    await orgDetail.assertHeaderLogo(organization.name);

    await shell.breadcrumb.getByRole('link', { name: 'Organizations', exact: true }).click();
    await expect(orgList.heading).toBeVisible();
    await orgList.search(unique);
    await orgList.assertRowLogo(organization.name);
    await orgList.openOrg(organization.name);
    await orgDetail.assertHeaderLogo(organization.name);
    // Still the same document: nothing above was a reload.
    expect(await page.evaluate(() => performance.timeOrigin)).toBe(loadedAt);

    await orgDetail.openTab('Branding');
    await branding.remove(organization.name);
    await assertToast(page, `Removed the ${branding.what} of ${organization.name}`);
    await expect(branding.region.getByText('No logo')).toBeVisible();
  });

  test('merges metadata with a nested key and a null removal, and the preview matches what is saved', async ({
    page,
    api,
    caps,
    connectionId,
    orgDetail,
    unique,
  }) => {
    test.skip(
      !caps.metadata?.editable || !caps.metadata.merge,
      'this provider cannot merge metadata',
    );
    const { organization } = await api.organizations.create({
      name: `E2E Metadata ${unique}`,
      fields: {},
    });
    await orgDetail.goTo(connectionId, organization.id, 'metadata');
    const metadata = new OrgMetadataPage(page);

    // `constructor` is an ordinary key to Clerk; a merge that looked up inherited names would
    // drop it from the preview of the next patch while the provider keeps it.
    await metadata.typeMergePatch(
      'Public',
      '{"plan": "pro", "limits": {"seats": 10, "projects": 3}, "constructor": "kept"}',
    );
    await metadata.save();
    await assertToast(page, `Saved metadata of ${organization.name}`);
    await metadata.assertCurrent('Public', {
      plan: 'pro',
      limits: { seats: 10, projects: 3 },
      constructor: 'kept',
    });

    // A null removes an existing key, and inside a new subtree (`crm`) it is simply not stored.
    await metadata.typeMergePatch(
      'Public',
      '{"limits": {"seats": null}, "region": "eu", "crm": {"id": 7, "legacy": null}}',
    );
    await metadata.assertRemoves('Public', 'limits.seats');
    const preview = await metadata.previewOf('Public');
    expect(preview).toEqual({
      plan: 'pro',
      limits: { projects: 3 },
      constructor: 'kept',
      region: 'eu',
      crm: { id: 7 },
    });
    await metadata.save();
    await metadata.assertCurrent('Public', preview);
    const saved = await api.organizations.get(organization.id);
    expect(saved.metadata?.public).toEqual(preview);
  });
});
