import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../../server/testing/test-server';
import { runOrganizationContract } from '../../contract/organization-contract';
import type { OrgAdminApi } from '../../org-admin-api';
import { createKindeApi } from './adapter';
import { kindeCapabilities } from './capabilities';
import {
  apiErrorOf as rejection,
  recordingAdapter,
  uniqueSuffix as suffix,
} from '../../contract/helpers';

runOrganizationContract({
  connectionId: 'kinde',
  provider: 'kinde',
  createApi: createKindeApi,
  minimumSeeded: 250,
});

describe('kinde adapter: Kinde-specific behaviour', () => {
  let server: TestServer;
  let api: OrgAdminApi;
  let calls: string[];

  beforeAll(async () => {
    ({ server, api, calls } = await recordingAdapter('kinde', createKindeApi));
  });
  afterAll(async () => {
    await server.close();
  });

  it('walks the cursors: three pages of 25 are one page of 75, in the same order', async () => {
    const sort = { field: 'name', direction: 'asc' } as const;
    const pages = [];
    for (const page of [1, 2, 3]) {
      pages.push(await api.organizations.list({ page, pageSize: 25, search: '', sort }));
    }
    const whole = await api.organizations.list({ page: 1, pageSize: 75, search: '', sort });
    expect(whole.items).toHaveLength(75);
    expect(pages.flatMap((page) => page.items.map((org) => org.id))).toEqual(
      whole.items.map((org) => org.id),
    );
    expect(pages.every((page) => page.hasMore && page.total === null)).toBe(true);
  });

  it('opens page N+1 after page N with one call, reusing the remembered cursor', async () => {
    await api.organizations.list({ page: 1, pageSize: 7, search: '', sort: null });
    await api.organizations.list({ page: 2, pageSize: 7, search: '', sort: null });
    calls.length = 0;
    const third = await api.organizations.list({ page: 3, pageSize: 7, search: '', sort: null });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toContain('next_token=');
    expect(third.items).toHaveLength(7);
  });

  it('reaches a far page by walking the cursors from the first', async () => {
    calls.length = 0;
    const fourth = await api.organizations.list({ page: 4, pageSize: 9, search: '', sort: null });
    expect(calls).toHaveLength(4);
    const all = await api.organizations.listAll();
    expect(fourth.items.map((org) => org.id)).toEqual(all.items.slice(27, 36).map((org) => org.id));
  });

  it('answers a page past the end with no items and no more pages', async () => {
    const page = await api.organizations.list({ page: 3, pageSize: 500, search: '', sort: null });
    expect(page.items).toEqual([]);
    expect(page.hasMore).toBe(false);
  });

  it('re-reads the org after an update, so changed extra fields come back', async () => {
    const { organization } = await api.organizations.create({
      name: `Update Fields ${suffix()}`,
      fields: { external_id: 'crm-1', is_auto_membership_enabled: false },
    });
    expect(organization.fields['external_id']).toBe('crm-1');
    const updated = await api.organizations.update(organization.id, {
      fields: {
        external_id: 'crm-2',
        is_auto_membership_enabled: true,
        button_color: '#0056F1',
        theme_code: 'dark',
      },
    });
    expect(updated.fields['external_id']).toBe('crm-2');
    expect(updated.fields['is_auto_membership_enabled']).toBe(true);
    expect(updated.fields['button_color']).toBe('#0056F1');
    expect(updated.fields['theme_code']).toBe('dark');
    expect(updated.details.find((field) => field.key === 'button_color')?.value).toEqual({
      raw: '#0056F1',
      hex: '#0056F1',
      hsl: 'hsl(219, 100%, 47%)',
    });
  });

  it('creates with the documented extra fields and reads them back', async () => {
    const handle = `acme_${suffix()}`;
    const { organization } = await api.organizations.create({
      name: 'Acme Corp',
      slug: handle,
      fields: {
        external_id: 'crm-991',
        is_auto_membership_enabled: true,
        link_color: '#fff',
        sender_name: '',
      },
    });
    expect(organization.id).toMatch(/^org_[0-9a-f]{11}$/);
    expect(organization.slug).toBe(handle);
    expect(organization.createdAt).not.toBeNull();
    expect(organization.fields).toMatchObject({
      external_id: 'crm-991',
      is_auto_membership_enabled: true,
      link_color: '#ffffff',
      sender_name: null,
      allowed_domains: [],
      is_suspended: false,
    });
  });

  it('suspends through the update-only fields and sets allowed domains', async () => {
    const { organization } = await api.organizations.create({
      name: `Suspend Me ${suffix()}`,
      fields: {},
    });
    const updated = await api.organizations.update(organization.id, {
      fields: { is_suspended: true, allowed_domains: 'acme.test, mail.acme.test' },
    });
    expect(updated.fields['is_suspended']).toBe(true);
    expect(updated.fields['allowed_domains']).toEqual(['acme.test', 'mail.acme.test']);
    expect(updated.details.find((field) => field.key === 'suspended_on')?.value).toEqual(
      expect.any(String),
    );
  });

  it('refuses a taken handle on the slug field', async () => {
    const handle = `taken_${suffix()}`;
    await api.organizations.create({ name: 'First', slug: handle, fields: {} });
    const error = await rejection(
      api.organizations.create({ name: 'Second', slug: handle, fields: {} }),
    );
    expect(error.status).toBe(400);
    expect(error.kind).toBe('conflict');
    expect(error.code).toBe('HANDLE_ALREADY_EXISTS');
    expect(error.fieldErrors['slug']).toBeTruthy();
  });

  it('removes a handle when the update clears it (DELETE …/handle), keeping the rest', async () => {
    const handle = `clear_${suffix()}`;
    const { organization } = await api.organizations.create({
      name: `Handle ${handle}`,
      slug: handle,
      fields: {},
    });
    expect(organization.slug).toBe(handle);
    const updated = await api.organizations.update(organization.id, {
      name: `Renamed ${handle}`,
      slug: null,
    });
    expect(updated.slug).toBeNull();
    expect(updated.name).toBe(`Renamed ${handle}`);
    expect((await api.organizations.get(organization.id)).slug).toBeNull();
  });

  it('reports GET /api/v1/organization for an unknown code as not_found', async () => {
    const error = await rejection(api.organizations.get('org_00000000000'));
    expect(error.kind).toBe('not_found');
    expect(error.code).toBe('ORGANIZATION_NOT_FOUND');
  });

  it('refuses to delete the default organization', async () => {
    const all = await api.organizations.listAll();
    const defaultOrg = all.items.find((org) =>
      org.details.some((d) => d.key === 'is_default' && d.value === true),
    );
    expect(defaultOrg?.name).toBe('Default Organization');
    const error = await rejection(api.organizations.delete(defaultOrg?.id ?? ''));
    expect(error.kind).toBe('validation');
    expect(error.code).toBe('CANNOT_DELETE_DEFAULT_ORGANIZATION');
  });

  it('reads the 404 object envelope of a delete of an unknown org as not_found', async () => {
    const error = await rejection(api.organizations.delete('org_00000000000'));
    expect(error.status).toBe(404);
    expect(error.kind).toBe('not_found');
    expect(error.message).toBe('Organization not found');
  });

  it.skipIf(kindeCapabilities.list.search === 'server')(
    'sends no search, which Kinde lacks: the page is its unfiltered list (the data layer searches)',
    async () => {
      const plain = await api.organizations.list({ page: 1, pageSize: 10, search: '', sort: null });
      const asked = await api.organizations.list({
        page: 1,
        pageSize: 10,
        search: 'default organization',
        sort: null,
      });
      expect(asked.items.map((org) => org.id)).toEqual(plain.items.map((org) => org.id));
      expect(asked.total).toBe(plain.total);
    },
  );

  it.skipIf(kindeCapabilities.list.serverSortFields.includes('createdAt'))(
    'sends a sort by a field Kinde cannot sort by as no sort',
    async () => {
      const plain = await api.organizations.list({ page: 1, pageSize: 10, search: '', sort: null });
      const byDate = await api.organizations.list({
        page: 1,
        pageSize: 10,
        search: '',
        sort: { field: 'createdAt', direction: 'desc' },
      });
      expect(byDate.items.map((org) => org.id)).toEqual(plain.items.map((org) => org.id));
    },
  );
});
