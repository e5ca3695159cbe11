import { expect, test } from '../../fixtures';
import { OrgBrandingPage } from '../../pages/org-branding.page';
import { OrgMetadataPage } from '../../pages/org-metadata.page';
import { solidPng } from '../../images';
import { assertToast } from '../../widgets/snackbar';

const PNG = solidPng(64, 64);

test.describe('Organizations: logo and metadata', () => {
  test('uploads a logo that then shows in the header and the list, refuses a text file, and removes it', async ({
    page,
    api,
    caps,
    connectionId,
    orgDetail,
    orgList,
    unique,
  }) => {
    test.skip(caps.logo === null, 'this provider keeps no logo');
    const { organization } = await api.organizations.create({
      name: `E2E Logo ${unique}`,
      fields: {},
    });
    const uploads: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'PUT' && request.url().includes('/logo'))
        uploads.push(request.url());
    });
    await orgDetail.goTo(connectionId, organization.id, 'branding');
    const branding = new OrgBrandingPage(page, caps);

    await branding.chooseFile({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('not an image'),
    });
    await branding.assertRefused('notes.txt is not an accepted image type');
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
    await branding.assertCurrentLogo(organization.name);
    await orgDetail.assertHeaderLogo(organization.name);

    await orgList.goTo(`?q=${unique}`);
    await orgList.assertRowLogo(organization.name);

    await orgDetail.goTo(connectionId, organization.id, 'branding');
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
