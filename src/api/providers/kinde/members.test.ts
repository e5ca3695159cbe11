import { describe, expect, it } from 'vitest';
import { ApiError } from '../../errors';
import { createHttpClient } from '../../http-client';
import organizationUsers from './__fixtures__/organization-users.json';
import roles from './__fixtures__/roles.json';
import { parseKindeError } from './errors';
import { createKindeMembers } from './members';
import { createRoleCatalogue } from './catalogues';

type Route = (url: URL, init: RequestInit | undefined) => Response;

/** A Kinde stand-in answering by path, recording the paths asked for. */
function kinde(routes: Record<string, Route>) {
  const seen: string[] = [];
  const fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input.toString());
    const key = `${init?.method ?? 'GET'} ${url.pathname}`;
    seen.push(key);
    const route = routes[key];
    return Promise.resolve(route ? route(url, init) : new Response('', { status: 404 }));
  };
  const http = createHttpClient({
    baseUrl: 'https://acme.kinde.test',
    parseError: parseKindeError,
    fetch,
  });
  return { http, seen };
}

const params = { page: 1, pageSize: 10, search: '', role: null, sort: null } as const;
const usersPath = 'GET /api/v1/organizations/org_1ccfb819462/users';

describe('Kinde members adapter', () => {
  it('reads role names from the catalogue once, reusing it for the next page', async () => {
    const { http, seen } = kinde({
      [usersPath]: () => Response.json(organizationUsers),
      'GET /api/v1/roles': () => Response.json(roles),
    });
    const members = createKindeMembers(http, createRoleCatalogue(http), { maxPageSize: 500 });
    const page = await members.list('org_1ccfb819462', params);
    await members.list('org_1ccfb819462', { ...params, page: 2 });
    expect(page.items[0]?.roles).toEqual([{ key: 'admin', name: 'Administrator' }]);
    expect(page.items).toHaveLength(2);
    expect(seen.filter((call) => call === 'GET /api/v1/roles')).toHaveLength(1);
  });

  it('shows role keys when the token may not read roles (403 without a body)', async () => {
    const { http } = kinde({
      [usersPath]: () => Response.json(organizationUsers),
      'GET /api/v1/roles': () => new Response('', { status: 403 }),
    });
    const members = createKindeMembers(http, createRoleCatalogue(http), { maxPageSize: 500 });
    const page = await members.list('org_1ccfb819462', params);
    expect(page.items[0]?.roles).toEqual([{ key: 'admin', name: 'admin' }]);
  });

  it('reports an add that Kinde answered without adding the user as a conflict', async () => {
    const { http } = kinde({
      'POST /api/v1/organizations/org_1ccfb819462/users': (_url, init) => {
        expect(JSON.parse(typeof init?.body === 'string' ? init.body : '')).toEqual({
          users: [{ id: 'kp_1' }],
        });
        return Response.json({ code: 'OK', message: 'Success', users_added: [] });
      },
    });
    const members = createKindeMembers(http, createRoleCatalogue(http), { maxPageSize: 500 });
    const error = await members.add('org_1ccfb819462', { userId: 'kp_1', roles: [] }).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).kind).toBe('conflict');
  });
});
