import { describe, expect, it } from 'vitest';
import { ApiError } from '../../errors';
import organizationUsers from './__fixtures__/organization-users.json';
import roles from './__fixtures__/roles.json';
import { createKindeMembers } from './members';
import { createRoleCatalogue } from './catalogues';
import { kindeStub as kinde } from './testing';

const limits = { maxPageSize: 500, maxUsersPerRequest: 100 };
const params = { page: 1, pageSize: 10, search: '', role: null, sort: null } as const;
const usersPath = 'GET /api/v1/organizations/org_1ccfb819462/users';

describe('Kinde members adapter', () => {
  it('reads role names from the catalogue once, reusing it for the next page', async () => {
    const { http, seen } = kinde({
      [usersPath]: () => Response.json(organizationUsers),
      'GET /api/v1/roles': () => Response.json(roles),
    });
    const members = createKindeMembers(http, createRoleCatalogue(http), limits);
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
    const members = createKindeMembers(http, createRoleCatalogue(http), limits);
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
    const members = createKindeMembers(http, createRoleCatalogue(http), limits);
    const error = await members.add('org_1ccfb819462', { userId: 'kp_1', roles: [] }).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).kind).toBe('conflict');
  });

  it('sends the role and permission filters as Kinde’s comma-separated query parameters', async () => {
    const queries: URLSearchParams[] = [];
    const { http } = kinde({
      [usersPath]: (url) => {
        queries.push(url.searchParams);
        return Response.json(organizationUsers);
      },
      'GET /api/v1/roles': () => Response.json(roles),
    });
    const members = createKindeMembers(http, createRoleCatalogue(http), limits);
    await members.list('org_1ccfb819462', { ...params, role: 'admin', permission: 'read:logs' });
    expect(queries[0]?.get('roles')).toBe('admin');
    expect(queries[0]?.get('permissions')).toBe('read:logs');
  });

  it('adds several users in one request per 2 (the limit given), each with its own outcome', async () => {
    const bodies: unknown[] = [];
    const { http } = kinde({
      'POST /api/v1/organizations/org_1/users': (_url, init) => {
        const body = JSON.parse(typeof init?.body === 'string' ? init.body : '') as {
          users: { id: string }[];
        };
        bodies.push(body);
        // Kinde leaves kp_2 out of users_added: that user alone is reported as not added.
        const added = body.users.map((user) => user.id).filter((id) => id !== 'kp_2');
        return Response.json({ code: 'OK', message: 'Success', users_added: added });
      },
    });
    const members = createKindeMembers(http, createRoleCatalogue(http), {
      ...limits,
      maxUsersPerRequest: 2,
    });
    const outcomes = await members.addMany('org_1', [
      { userId: 'kp_1', roles: ['admin'] },
      { userId: 'kp_2', roles: [] },
      { userId: 'kp_3', roles: [] },
    ]);
    expect(bodies).toEqual([
      { users: [{ id: 'kp_1', roles: ['admin'] }, { id: 'kp_2' }] },
      { users: [{ id: 'kp_3' }] },
    ]);
    expect(outcomes.map((outcome) => [outcome.userId, outcome.ok])).toEqual([
      ['kp_1', true],
      ['kp_2', false],
      ['kp_3', true],
    ]);
    const failed = outcomes[1];
    expect(failed && !failed.ok ? (failed.error as ApiError).kind : null).toBe('conflict');
  });

  it('tries each user alone when Kinde refuses the whole request, keeping its message', async () => {
    let calls = 0;
    const { http } = kinde({
      'POST /api/v1/organizations/org_1/users': (_url, init) => {
        calls += 1;
        const body = JSON.parse(typeof init?.body === 'string' ? init.body : '') as {
          users: { id: string }[];
        };
        if (body.users.some((user) => user.id === 'kp_gone')) {
          return Response.json(
            { errors: [{ code: 'USER_NOT_FOUND', message: 'User kp_gone not found' }] },
            { status: 400 },
          );
        }
        return Response.json({ users_added: body.users.map((user) => user.id) });
      },
    });
    const members = createKindeMembers(http, createRoleCatalogue(http), limits);
    const outcomes = await members.addMany('org_1', [
      { userId: 'kp_1', roles: [] },
      { userId: 'kp_gone', roles: [] },
    ]);
    expect(calls).toBe(3);
    expect(outcomes[0]).toEqual({ userId: 'kp_1', ok: true });
    const gone = outcomes[1];
    expect(gone?.ok).toBe(false);
    expect(gone && !gone.ok ? (gone.error as ApiError).message : '').toBe('User kp_gone not found');
  });

  it('gives every user of a request the same error when Kinde is unavailable', async () => {
    const { http } = kinde({
      'POST /api/v1/organizations/org_1/users': () => new Response('', { status: 503 }),
    });
    const members = createKindeMembers(http, createRoleCatalogue(http), limits);
    const outcomes = await members.addMany('org_1', [
      { userId: 'kp_1', roles: [] },
      { userId: 'kp_2', roles: [] },
    ]);
    expect(outcomes.map((outcome) => outcome.ok)).toEqual([false, false]);
  });
});
