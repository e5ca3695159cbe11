import { afterEach, describe, expect, it, vi } from 'vitest';
import { organizationFixture } from '../testing/organization';
import {
  fetchIndexedInvitations,
  fetchIndexedOrgs,
  fetchPerson,
  refreshIndex,
  searchPeople,
} from './connection-index';
import { ApiError } from './errors';

const calls: { url: string; method: string }[] = [];

function answer(status: number, body: unknown) {
  vi.stubGlobal(
    'fetch',
    vi.fn((input: string, init?: RequestInit) => {
      calls.push({ url: input, method: init?.method ?? 'GET' });
      return Promise.resolve(new Response(JSON.stringify(body), { status }));
    }),
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
  calls.length = 0;
});

const status = {
  connectionId: 'kinde',
  indexed: true,
  state: 'syncing',
  syncedAt: null,
  startedAt: '2026-12-06T22:00:00Z',
  progress: { phase: 'orgs', done: 500, total: null },
  counts: { orgs: 500, members: 0, invitations: 0 },
};

describe('connection index client', () => {
  it('asks the index for a search, sort and page as the contract names them', async () => {
    const org = organizationFixture({ id: 'org_3001', name: 'Late Org 3001' });
    answer(200, { items: [org], total: 1, syncedAt: '2026-12-06T22:05:00Z' });
    const page = await fetchIndexedOrgs('kinde', {
      search: ' late ',
      sort: { field: 'createdAt', direction: 'desc' },
      page: 2,
      pageSize: 25,
    });
    expect(calls[0]?.url).toBe(
      '/api/connections/kinde/index/orgs?search=late&sort=createdAt&order=desc&page=2&pageSize=25',
    );
    expect(page.items[0]?.name).toBe('Late Org 3001');
    expect(page.total).toBe(1);
  });

  it('asks for pending invitations of one org, filtered by text', async () => {
    answer(200, { items: [], total: 0, syncedAt: null });
    await fetchIndexedInvitations('kinde', {
      search: 'ann@',
      orgId: 'org_1',
      sort: null,
      page: 1,
      pageSize: 50,
    });
    expect(calls[0]?.url).toBe(
      '/api/connections/kinde/index/invitations?search=ann%40&orgId=org_1&status=pending&page=1&pageSize=50',
    );
  });

  it('starts a refresh with a POST and reads the status it answers', async () => {
    answer(202, status);
    const result = await refreshIndex('kinde');
    expect(calls[0]).toEqual({ url: '/api/connections/kinde/index/refresh', method: 'POST' });
    expect(result.progress?.done).toBe(500);
  });

  it('finds people by the start of an email', async () => {
    answer(200, {
      people: [
        {
          email: 'jane@acme.test',
          connections: [
            {
              connectionId: 'kinde',
              label: 'Kinde',
              syncedAt: null,
              memberships: [],
              invitations: [],
            },
          ],
        },
      ],
    });
    const people = await searchPeople('Jane@');
    expect(calls[0]?.url).toBe('/api/people?email=Jane%40&limit=20');
    expect(people.map((person) => person.email)).toEqual(['jane@acme.test']);
  });

  it('answers null for a person no connection knows', async () => {
    answer(404, { error: { code: 'not_found', message: 'No such person' } });
    expect(await fetchPerson('nobody@acme.test')).toBeNull();
  });

  it('rejects an answer that breaks the contract as bad_response naming the field', async () => {
    answer(200, { items: [], total: 'many', syncedAt: null });
    const error = await fetchIndexedOrgs('kinde', {
      search: '',
      sort: null,
      page: 1,
      pageSize: 25,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).kind).toBe('bad_response');
    expect((error as ApiError).message).toContain('total');
  });
});
