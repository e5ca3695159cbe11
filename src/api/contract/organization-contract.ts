import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../server/testing/test-server';
import type { CreateOrgInput, Organization, ProviderKind } from '../domain';
import type { OrgAdminApi } from '../org-admin-api';
import type { AdapterOptions } from '../providers/shared';
import {
  apiErrorOf as expectApiError,
  declaredAdapter,
  undeclared,
  uniqueSuffix as unique,
} from './helpers';

export interface OrganizationContractOptions {
  /** Sandbox connection id (also the sandbox mount). */
  readonly connectionId: string;
  readonly provider: ProviderKind;
  readonly createApi: (options: AdapterOptions) => OrgAdminApi;
  /** Orgs the sandbox seeds for this provider at least. */
  readonly minimumSeeded: number;
  /** Provider-specific extras for the create body (e.g. extra fields). */
  readonly extraCreateFields?: CreateOrgInput['fields'];
}

/**
 * One contract for every adapter, run over real HTTP through the gateway to the sandbox. What it
 * checks depends on the adapter's declared capabilities, never on the provider's name.
 */
export function runOrganizationContract(options: OrganizationContractOptions): void {
  describe(`${options.provider} adapter: organizations contract`, () => {
    const declared = declaredAdapter(options.createApi);
    let server: TestServer;
    let api: OrgAdminApi;

    beforeAll(async () => {
      server = await startTestServer();
      api = options.createApi({ baseUrl: server.upstreamUrl(options.connectionId) });
    });
    afterAll(async () => {
      await server.close();
    });

    const caps = () => api.capabilities;
    const createInput = (): CreateOrgInput => {
      const id = unique();
      const slug = caps().slug;
      return {
        name: `Contract Org ${id}`,
        ...(slug?.onCreate ? { slug: `contract-${id}` } : {}),
        fields: { ...options.extraCreateFields },
      };
    };
    const create = async (): Promise<Organization> =>
      (await api.organizations.create(createInput())).organization;

    it('declares the provider it adapts', () => {
      expect(api.provider).toBe(options.provider);
      expect(caps().provider).toBe(options.provider);
    });

    it('lists a first page of seeded organizations within the page size', async () => {
      const page = await api.organizations.list({ page: 1, pageSize: 10, search: '', sort: null });
      expect(page.items.length).toBeGreaterThan(0);
      expect(page.items.length).toBeLessThanOrEqual(10);
      for (const org of page.items) {
        expect(org.id).not.toBe('');
        expect(org.name).not.toBe('');
      }
      if (caps().list.total) expect(page.total).toBeGreaterThanOrEqual(options.minimumSeeded);
      else expect(page.total).toBeNull();
    });

    it('pages forward without repeating organizations', async () => {
      const first = await api.organizations.list({ page: 1, pageSize: 5, search: '', sort: null });
      const second = await api.organizations.list({ page: 2, pageSize: 5, search: '', sort: null });
      expect(first.hasMore).toBe(true);
      expect(second.page).toBe(2);
      const firstIds = new Set(first.items.map((org) => org.id));
      expect(second.items.length).toBeGreaterThan(0);
      for (const org of second.items) expect(firstIds.has(org.id)).toBe(false);
    });

    it('loads every organization for browser-side search and sort', async () => {
      const all = await api.organizations.listAll();
      expect(all.complete).toBe(true);
      expect(all.items.length).toBeGreaterThanOrEqual(options.minimumSeeded);
      expect(new Set(all.items.map((org) => org.id)).size).toBe(all.items.length);
    });

    it.skipIf(declared.capabilities.list.search !== 'server')(
      'searches on the server when it declares server search (needs server search)',
      async () => {
        const created = await create();
        const token = created.name.split(' ').pop() ?? '';
        const page = await api.organizations.list({
          page: 1,
          pageSize: 10,
          search: token,
          sort: null,
        });
        expect(page.items.map((org) => org.id)).toContain(created.id);
        for (const org of page.items) {
          const haystack = `${org.name} ${org.slug ?? ''} ${org.id}`.toLowerCase();
          expect(haystack).toContain(token.toLowerCase());
        }
      },
    );

    it('sorts on the server by each declared server sort field', async () => {
      for (const field of caps().list.serverSortFields) {
        for (const direction of ['asc', 'desc'] as const) {
          const page = await api.organizations.list({
            page: 1,
            pageSize: 20,
            search: '',
            sort: { field, direction },
          });
          const values = page.items.map((org) =>
            field === 'name'
              ? org.name.toLowerCase()
              : field === 'createdAt'
                ? org.createdAt
                : org.memberCount,
          );
          const sorted = [...values].sort((a, b) => {
            if (a === b) return 0;
            if (a === null) return 1;
            if (b === null) return -1;
            return (a < b ? -1 : 1) * (direction === 'asc' ? 1 : -1);
          });
          expect(values, `${field} ${direction}`).toEqual(sorted);
        }
      }
    });

    it('creates an organization and reads it back', async () => {
      const input = createInput();
      const result = await api.organizations.create(input);
      expect(result.organization.name).toBe(input.name);
      if (input.slug) expect(result.organization.slug).toBe(input.slug);
      const read = await api.organizations.get(result.organization.id);
      expect(read.id).toBe(result.organization.id);
      expect(read.name).toBe(input.name);
      expect(read.details.length).toBeGreaterThan(0);
      if (caps().createReturnsSecret) expect(result.oneTimeSecret?.value).toBeTruthy();
      else expect(result.oneTimeSecret).toBeNull();
    });

    it.skipIf(!declared.capabilities.slug?.lookup)(
      'opens an organization by its slug where the provider allows it (needs slug lookup)',
      async () => {
        const created = await create();
        const read = await api.organizations.get(created.slug ?? '');
        expect(read.id).toBe(created.id);
      },
    );

    it('renames an organization and returns the updated org', async () => {
      const created = await create();
      const name = `Renamed Org ${unique()}`;
      const updated = await api.organizations.update(created.id, { name });
      expect(updated.id).toBe(created.id);
      expect(updated.name).toBe(name);
      expect((await api.organizations.get(created.id)).name).toBe(name);
    });

    it('deletes an organization, after which it is not found', async () => {
      const created = await create();
      await api.organizations.delete(created.id);
      const error = await expectApiError(api.organizations.get(created.id));
      expect(error.kind).toBe('not_found');
    });

    it('reports an unknown organization as not_found with the provider message', async () => {
      const error = await expectApiError(api.organizations.get('org_does_not_exist_0000'));
      expect(error.kind).toBe('not_found');
      expect(error.message.length).toBeGreaterThan(0);
    });

    it.skipIf(!declared.capabilities.slug?.onCreate || declared.capabilities.slug.pattern === null)(
      'maps a slug the provider refuses onto the slug field (needs a slug pattern on create)',
      async () => {
        const slug = caps().slug;
        if (!slug?.onCreate || slug.pattern === null) throw undeclared();
        const error = await expectApiError(
          api.organizations.create({
            name: `Bad Slug ${unique()}`,
            slug: 'Not a slug!',
            fields: {},
          }),
        );
        expect(error.kind).toBe('validation');
        expect(error.fieldErrors['slug']).toBeTruthy();
      },
    );

    it.skipIf(!declared.capabilities.slug?.onCreate)(
      'maps a taken slug onto the slug field (needs a slug on create)',
      async () => {
        const slug = caps().slug;
        if (!slug?.onCreate) throw undeclared();
        const created = await create();
        const error = await expectApiError(
          api.organizations.create({
            name: `Dup ${unique()}`,
            slug: created.slug ?? '',
            fields: {},
          }),
        );
        expect(['conflict', 'validation']).toContain(error.kind);
        expect(error.fieldErrors['slug']).toBeTruthy();
      },
    );

    it('reports a 429 as rate_limited with the retry delay the provider gave', async () => {
      await server.addFault({
        vendor: options.connectionId,
        method: 'GET',
        path: '/**',
        status: 429,
        retryAfterSeconds: 7,
        times: 1,
      });
      const error = await expectApiError(
        api.organizations.list({ page: 1, pageSize: 5, search: '', sort: null }),
      );
      expect(error.kind).toBe('rate_limited');
      expect(error.status).toBe(429);
      expect(error.retryAfterMs).toBe(7000);
    });

    it('reports a provider failure as unavailable', async () => {
      await server.addFault({
        vendor: options.connectionId,
        method: 'GET',
        path: '/**',
        status: 503,
        times: 1,
      });
      const error = await expectApiError(
        api.organizations.list({ page: 1, pageSize: 5, search: '', sort: null }),
      );
      expect(error.kind).toBe('unavailable');
      expect(error.status).toBe(503);
    });

    it('cancels a call when its signal aborts', async () => {
      await server.addFault({
        vendor: options.connectionId,
        method: 'GET',
        path: '/**',
        latencyMs: 2000,
        times: 1,
      });
      const controller = new AbortController();
      const pending = api.organizations.list(
        { page: 1, pageSize: 5, search: '', sort: null },
        { signal: controller.signal },
      );
      setTimeout(() => controller.abort(), 50);
      const error = await expectApiError(pending);
      expect(error.kind).toBe('aborted');
    });
  });
}
