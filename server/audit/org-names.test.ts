import { afterAll, describe, expect, it, vi } from 'vitest';
import { indexedApp, type IndexedApp } from '../connection-index/testing';
import type { Store } from '../store/store';
import { openTestPgliteStore } from '../store/test-stores';
import { entry } from './entry-fixture';
import { orgNameKey, withOrgNames, type OrgNameLookup } from './org-names';
import type { AuditQueryResult } from './store';

const page = (items: AuditQueryResult['items']): AuditQueryResult => ({
  items,
  total: items.length,
});

describe('withOrgNames', () => {
  it('adds the name of each org the lookup knows, once per org, and leaves the others as ids', async () => {
    const lookup = vi.fn<OrgNameLookup>(() =>
      Promise.resolve(new Map([[orgNameKey('clerk', 'org_1'), 'Acme']])),
    );
    const result = await withOrgNames(
      page([
        entry(1),
        entry(2),
        entry(3, { target: { orgId: 'org_1' } }),
        entry(4, { target: {} }),
      ]),
      lookup,
    );
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(lookup.mock.calls[0]?.[0]).toEqual([
      { connectionId: 'clerk', orgId: 'org_1' },
      { connectionId: 'clerk', orgId: 'org_2' },
    ]);
    expect(result.items.map((item) => item.target)).toEqual([
      { orgId: 'org_1', orgName: 'Acme' },
      { orgId: 'org_2' },
      { orgId: 'org_1', orgName: 'Acme' },
      {},
    ]);
  });

  it('keys names by connection: the same org id on another connection stays unnamed', async () => {
    const result = await withOrgNames(
      page([entry(1), entry(2, { connectionId: 'kinde', target: { orgId: 'org_1' } })]),
      () => Promise.resolve(new Map([[orgNameKey('clerk', 'org_1'), 'Acme']])),
    );
    expect(result.items.map((item) => item.target.orgName)).toEqual(['Acme', undefined]);
  });

  it('answers the ids alone when the lookup fails, and does not ask when no entry names an org', async () => {
    const failed = await withOrgNames(page([entry(1)]), () =>
      Promise.reject(new Error('index down')),
    );
    expect(failed.items[0]?.target).toEqual({ orgId: 'org_1' });
    const lookup = vi.fn<OrgNameLookup>(() => Promise.resolve(new Map()));
    await withOrgNames(page([entry(1, { target: {} })]), lookup);
    expect(lookup).not.toHaveBeenCalled();
  });
});

describe('GET /api/audit with the connection index', () => {
  let store: Store | null = null;
  let app: IndexedApp | null = null;
  afterAll(async () => {
    await app?.server.close();
    await store?.close();
  });

  it('names the org a create made (the index mirrors it by write-through), without the browser', async () => {
    store = await openTestPgliteStore();
    app = await indexedApp(store);
    const permit = await app.adapter('permit', 'permit');
    const { organization } = await permit.organizations.create({
      name: 'Audit Names Acme',
      slug: 'audit-names-acme',
      fields: {},
    });
    const log = await app.json<AuditQueryResult>(
      `/api/audit?connection=permit&org=${encodeURIComponent(organization.id)}`,
    );
    expect(log.items.map((item) => [item.operationId, item.target])).toEqual([
      ['createOrganization', { orgId: organization.id, orgName: 'Audit Names Acme' }],
    ]);
  }, 60_000);
});
