import { beforeEach, describe, expect, it } from 'vitest';
import { ImageStore } from '../../images';
import { SandboxStore } from '../../store';
import type { SandboxVendor } from '../../vendor';
import { ACTIVE_INVITES, INVITES_PER_DAY } from './invite-routes';
import { createKindeSandbox } from './routes';
import { seedKinde } from './state';

const ORIGIN = 'http://sandbox.test';
const START = Date.UTC(2026, 2, 1, 12);
const HOUR = 3_600_000;
const seed = seedKinde();

let clock: number;
let kinde: SandboxVendor;

beforeEach(() => {
  clock = START;
  kinde = createKindeSandbox({
    store: new SandboxStore({ dataDir: null }),
    now: () => clock,
    images: new ImageStore(null),
  });
});

interface Row {
  id: string;
  code: string;
  email: string;
  name: string;
  key: string;
  roles: string[];
  joined_on: string;
  accepted_on: string | null;
  is_default_role: boolean;
}

/** The parts of Kinde's bodies these tests read; a body of another shape fails their assertions. */
interface Body {
  errors?: { code: string; message: string; field?: string }[];
  organization?: { code: string };
  organization_users?: Row[];
  invites?: Row[];
  invite?: Row;
  users?: Row[];
  results?: (Row & { properties: object })[];
  roles?: Row[];
  next_token?: string | null;
}

interface Reply {
  status: number;
  headers: Headers;
  body: Body;
  text: string;
}

async function call(
  method: string,
  path: string,
  options: { json?: unknown; form?: Record<string, string>; token?: string } = {},
): Promise<Reply> {
  const headers = new Headers({ authorization: `Bearer ${options.token ?? 'sandbox-token'}` });
  let body: string | undefined;
  if (options.json !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(options.json);
  } else if (options.form) {
    headers.set('content-type', 'application/x-www-form-urlencoded');
    body = new URLSearchParams(options.form).toString();
  }
  const response = await kinde.app.fetch(
    new Request(`${ORIGIN}${path}`, { method, headers, ...(body === undefined ? {} : { body }) }),
  );
  const text = await response.text();
  let parsed: Body = {};
  try {
    parsed = text === '' ? {} : (JSON.parse(text) as Body);
  } catch {
    parsed = {};
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}

async function newOrg(): Promise<string> {
  const { body } = await call('POST', '/api/v1/organization', { json: { name: 'People' } });
  return body.organization?.code ?? '';
}

const invite = (org: string, email: string, extra: Record<string, unknown> = {}) =>
  call('POST', `/api/v1/organization/${org}/invites`, {
    json: { email, roles: ['member'], ...extra },
  });

const firstError = (reply: Reply) => reply.body.errors?.[0];
const pairs = (rows: Row[] | undefined) => (rows ?? []).map((row) => [row.id, row.roles]);
const field = <K extends keyof Row>(rows: Row[] | undefined, key: K) =>
  (rows ?? []).map((row) => row[key]);

function roleId(key: string): string {
  return seed.roles.find((role) => role.key === key)?.id ?? '';
}

describe('Kinde sandbox: org users', () => {
  it('adds users in bulk, with the default role when none is sent', async () => {
    const org = await newOrg();
    const [a, b] = seed.users.map((user) => user.id);
    const added = await call('POST', `/api/v1/organizations/${org}/users`, {
      json: {
        users: [{ id: a, roles: ['admin'], permissions: ['read:billing'] }, { id: b }, { id: a }],
      },
    });
    expect(added.status).toBe(200);
    expect(added.body).toEqual({ code: 'OK', message: 'Success', users_added: [a, b] });
    const listed = await call('GET', `/api/v1/organizations/${org}/users`);
    expect(pairs(listed.body.organization_users)).toEqual([
      [a, ['admin']],
      [b, ['member']],
    ]);
    expect(listed.body.organization_users?.[0]?.joined_on).toBe('2026-03-01T12:00:00Z');
    const byPermission = await call(
      'GET',
      `/api/v1/organizations/${org}/users?permissions=read:billing&roles=admin`,
    );
    expect(field(byPermission.body.organization_users, 'id')).toEqual([a]);
  });

  it('refuses the whole bulk add when one entry is wrong, naming each problem', async () => {
    const org = await newOrg();
    const [a] = seed.users.map((user) => user.id);
    await call('POST', `/api/v1/organizations/${org}/users`, { json: { users: [{ id: a }] } });
    const refused = await call('POST', `/api/v1/organizations/${org}/users`, {
      json: {
        users: [
          { id: 'kp_unknown', roles: ['owner'] },
          { id: seed.users[5]?.id, permissions: ['fly'] },
          { id: a },
        ],
      },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.map((e) => e.code)).toEqual([
      'USER_NOT_FOUND',
      'ROLE_NOT_FOUND',
      'PERMISSION_NOT_FOUND',
      'USER_ALREADY_IN_ORGANIZATION',
    ]);
    const listed = await call('GET', `/api/v1/organizations/${org}/users`);
    expect(listed.body.organization_users).toHaveLength(1);
    const empty = await call('POST', `/api/v1/organizations/${org}/users`, { json: {} });
    expect(empty.body).toEqual({
      errors: [{ code: 'USERS_REQUIRED', message: 'No users provided', field: 'users' }],
    });
  });

  it('PATCH adds roles without taking any, adds newcomers, removes on operation "delete"', async () => {
    const org = await newOrg();
    const [a, b, c] = seed.users.map((user) => user.id);
    await call('POST', `/api/v1/organizations/${org}/users`, {
      json: { users: [{ id: a, roles: ['support'] }, { id: b }] },
    });
    const patched = await call('PATCH', `/api/v1/organizations/${org}/users`, {
      json: {
        users: [
          { id: a, roles: ['billing', 'support'] },
          { id: b, operation: 'delete' },
          { id: c, roles: ['manager'] },
          { id: seed.users[9]?.id, operation: 'delete' },
        ],
      },
    });
    expect(patched.body).toEqual({
      message: 'Success',
      code: 'OK',
      users_added: [c],
      users_updated: [a],
      users_removed: [b],
    });
    const listed = await call('GET', `/api/v1/organizations/${org}/users`);
    expect(pairs(listed.body.organization_users)).toEqual([
      [a, ['support', 'billing']],
      [c, ['manager']],
    ]);
    const badOperation = await call('PATCH', `/api/v1/organizations/${org}/users`, {
      json: { users: [{ id: a, operation: 'suspend' }] },
    });
    expect(firstError(badOperation)?.code).toBe('INVALID_OPERATION');
  });

  it('answers an unknown org on the users list with a 400 ORGANIZATION_NOT_FOUND on org_code', async () => {
    const { status, body } = await call('GET', '/api/v1/organizations/org_00000000000/users');
    expect(status).toBe(400);
    expect(body).toEqual({
      errors: [
        { code: 'ORGANIZATION_NOT_FOUND', message: 'Organization not found', field: 'org_code' },
      ],
    });
  });

  it('gives roles idempotently by id, and refuses taking one the member does not hold', async () => {
    const org = await newOrg();
    const userId = seed.users[3]?.id ?? '';
    await call('POST', `/api/v1/organizations/${org}/users`, {
      json: { users: [{ id: userId, roles: ['member'] }] },
    });
    const path = `/api/v1/organizations/${org}/users/${userId}/roles`;
    for (let i = 0; i < 2; i++) {
      const given = await call('POST', path, { json: { role_id: roleId('admin') } });
      expect(given.body).toEqual({ code: 'OK', message: 'Success' });
    }
    expect(field((await call('GET', path)).body.roles, 'key')).toEqual(['member', 'admin']);
    expect(firstError(await call('POST', path, { json: {} }))).toEqual({
      code: 'ROLE_REQUIRED',
      message: 'No role ID provided',
      field: 'role_id',
    });
    const notHeld = await call('DELETE', `${path}/${roleId('billing')}`);
    expect(notHeld.status).toBe(400);
    expect(firstError(notHeld)?.code).toBe('ROLE_NOT_FOUND');
    const stranger = await call(
      'GET',
      `/api/v1/organizations/${org}/users/${seed.users[4]?.id ?? ''}/roles`,
    );
    expect(firstError(stranger)?.code).toBe('ORGANIZATION_USER_NOT_FOUND');
  });

  it('needs the read:users and read:roles scopes for the directory endpoints', async () => {
    const response = await kinde.app.fetch(
      new Request(`${ORIGIN}/oauth2/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: 'sandbox',
          client_secret: 'sandbox-secret',
          scope: 'read:organizations read:roles',
        }).toString(),
      }),
    );
    const { access_token: token } = (await response.json()) as { access_token: string };
    expect((await call('GET', '/api/v1/roles', { token })).status).toBe(200);
    expect((await call('GET', '/api/v1/users', { token })).status).toBe(403);
    expect((await call('GET', '/api/v1/search/users', { token })).status).toBe(403);
  });
});

describe('Kinde sandbox: org invites', () => {
  it('lists newest first by default and pages with next_token', async () => {
    const org = await newOrg();
    for (let i = 0; i < 3; i++) {
      await invite(org, `p${i}@example.com`);
      clock += 1000;
    }
    const first = await call('GET', `/api/v1/organization/${org}/invites?page_size=2`);
    expect(field(first.body.invites, 'email')).toEqual(['p2@example.com', 'p1@example.com']);
    const second = await call(
      'GET',
      `/api/v1/organization/${org}/invites?next_token=${encodeURIComponent(first.body.next_token ?? '')}`,
    );
    expect(field(second.body.invites, 'email')).toEqual(['p0@example.com']);
    expect(second.body).not.toHaveProperty('next_token');
    const byEmail = await call('GET', `/api/v1/organization/${org}/invites?sort=email_asc`);
    expect(byEmail.body.invites?.[0]?.email).toBe('p0@example.com');
    const badFlag = await call('GET', `/api/v1/organization/${org}/invites?include_revoked=yes`);
    expect(firstError(badFlag)).toMatchObject({ code: 'INVALID_VALUE', field: 'include_revoked' });
  });

  it('answers GET of one invite flat, and keeps a revoked invite for include_revoked', async () => {
    const org = await newOrg();
    const created = await invite(org, 'flat@example.com', { last_name: 'Flat', send_email: true });
    expect(created.status).toBe(201);
    const code = created.body.invite?.code ?? '';
    const read = await call('GET', `/api/v1/organization/${org}/invites/${code}`);
    expect(read.body).toEqual({
      message: 'Success',
      id: code,
      code,
      email: 'flat@example.com',
      first_name: null,
      last_name: 'Flat',
      full_name: 'Flat',
      created_on: '2026-03-01T12:00:00Z',
      is_sent: true,
      accepted_on: null,
      roles: [{ key: 'member', name: 'Member' }],
      is_revoked: false,
      invite_link: `${ORIGIN}/sandbox/kinde/team_invitation?code=${code}`,
    });
    expect((await call('DELETE', `/api/v1/organization/${org}/invites/${code}`)).status).toBe(200);
    const twice = await call('DELETE', `/api/v1/organization/${org}/invites/${code}`);
    expect(firstError(twice)?.code).toBe('INVITATION_ALREADY_REVOKED');
    const other = await newOrg();
    const elsewhere = await call('GET', `/api/v1/organization/${other}/invites/${code}`);
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body).toEqual({
      errors: { code: 'INVITATION_NOT_FOUND', message: 'Invitation not found' },
    });
  });

  it('refuses an invite for a member’s e-mail', async () => {
    const org = await newOrg();
    const user = seed.users[7];
    await call('POST', `/api/v1/organizations/${org}/users`, {
      json: { users: [{ id: user?.id }] },
    });
    const refused = await invite(org, user?.email ?? '');
    expect(firstError(refused)).toMatchObject({
      code: 'USER_ALREADY_IN_ORGANIZATION',
      field: 'email',
    });
  });

  it('caps invites per rolling 24 hours, counting revoked ones, and frees the window as it slides', async () => {
    const org = await newOrg();
    for (let i = 0; i < INVITES_PER_DAY; i++) {
      expect((await invite(org, `cap${i}@example.com`)).status).toBe(201);
      if (i === 0) clock += 2 * HOUR;
    }
    const first = await call('GET', `/api/v1/organization/${org}/invites?sort=created_on_asc`);
    await call(
      'DELETE',
      `/api/v1/organization/${org}/invites/${first.body.invites?.[0]?.code ?? ''}`,
    );
    const refused = await invite(org, 'over@example.com');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('ratelimit-reset')).toBe(String(22 * 3600));
    expect(firstError(refused)?.code).toBe('INVITE_RATE_LIMIT_EXCEEDED');
    clock = START + 24 * HOUR + 1000;
    expect((await invite(org, 'over@example.com')).status).toBe(201);
    expect((await invite(org, 'over2@example.com')).status).toBe(429);
  });

  it('caps active invites, whatever the day', async () => {
    const org = await newOrg();
    for (let i = 0; i < ACTIVE_INVITES; i++) {
      if (i > 0 && i % INVITES_PER_DAY === 0) clock += 25 * HOUR;
      expect((await invite(org, `active${i}@example.com`)).status).toBe(201);
    }
    clock += 25 * HOUR;
    const refused = await invite(org, 'one-more@example.com');
    expect(refused.status).toBe(400);
    expect(firstError(refused)?.code).toBe('ACTIVE_INVITE_LIMIT_EXCEEDED');
  });

  it('accepts through the invite link: a new user joins with the invite’s roles', async () => {
    const org = await newOrg();
    const created = await invite(org, 'Newcomer@Example.com', {
      roles: ['billing'],
      first_name: 'Nia',
    });
    const code = created.body.invite?.code ?? '';
    const page = await call('GET', `/team_invitation?code=${code}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('newcomer@example.com');
    clock += HOUR;
    const accepted = await call('POST', '/team_invitation', { form: { code } });
    expect(accepted.status).toBe(200);
    const members = await call('GET', `/api/v1/organizations/${org}/users`);
    expect(members.body.organization_users).toMatchObject([
      {
        email: 'newcomer@example.com',
        first_name: 'Nia',
        roles: ['billing'],
        joined_on: '2026-03-01T13:00:00Z',
      },
    ]);
    const found = await call('GET', '/api/v1/users?email=newcomer@example.com');
    expect(found.body.users).toHaveLength(1);
    const listed = await call('GET', `/api/v1/organization/${org}/invites?include_accepted=true`);
    expect(listed.body.invites?.[0]?.accepted_on).toBe('2026-03-01T13:00:00Z');
    expect((await call('POST', '/team_invitation', { form: { code } })).status).toBe(400);
    expect((await call('GET', '/team_invitation?code=inv_nope')).status).toBe(404);
  });

  it('drops an org’s invites with the org', async () => {
    const org = await newOrg();
    const created = await invite(org, 'gone@example.com');
    await call('DELETE', `/api/v1/organization/${org}`);
    const code = created.body.invite?.code ?? '';
    expect((await call('GET', `/team_invitation?code=${code}`)).status).toBe(404);
  });
});

describe('Kinde sandbox: users and roles', () => {
  it('searches users by part of an e-mail or name, with starting_after / ending_before cursors', async () => {
    const all = await call('GET', '/api/v1/search/users?query=*&page_size=5');
    expect(all.body.results).toHaveLength(5);
    expect(all.body.results?.[0]).toMatchObject({ id: seed.users[0]?.id, properties: {} });
    const ids = field(all.body.results, 'id');
    const after = await call(
      'GET',
      `/api/v1/search/users?page_size=2&starting_after=${ids[1] ?? ''}`,
    );
    expect(field(after.body.results, 'id')).toEqual(ids.slice(2, 4));
    const before = await call(
      'GET',
      `/api/v1/search/users?page_size=2&ending_before=${ids[3] ?? ''}`,
    );
    expect(field(before.body.results, 'id')).toEqual(ids.slice(1, 3));
    const person = seed.users[10];
    const byName = await call(
      'GET',
      `/api/v1/search/users?page_size=500&query=${encodeURIComponent(`${person?.first_name ?? ''} ${person?.last_name ?? ''}`)}`,
    );
    expect(field(byName.body.results, 'id')).toContain(person?.id);
  });

  it('lists roles with is_default_role, sorted by key or name', async () => {
    const { body } = await call('GET', '/api/v1/roles?sort=name_desc');
    expect(field(body.roles, 'name')).toEqual(['Support', 'Member', 'Manager', 'Billing', 'Admin']);
    expect(body.roles?.filter((role) => role.is_default_role)).toEqual([
      expect.objectContaining({ key: 'member' }),
    ]);
    expect(body).not.toHaveProperty('next_token');
  });
});

describe('Kinde sandbox: people seed', () => {
  const userEmails = new Map(seed.users.map((user) => [user.email, user.id]));
  const isMember = (orgCode: string, email: string) =>
    seed.memberships.some((row) => row.orgCode === orgCode && row.userId === userEmails.get(email));

  it('keeps invites consistent with memberships: accepted ones joined, pending ones did not', () => {
    const accepted = seed.invites.filter((row) => row.accepted_on !== null);
    const pending = seed.invites.filter((row) => row.accepted_on === null && !row.is_revoked);
    expect(accepted.length).toBeGreaterThan(50);
    expect(pending.length).toBeGreaterThan(100);
    expect(seed.invites.some((row) => row.is_revoked)).toBe(true);
    for (const row of accepted) {
      expect(isMember(row.orgCode, row.email)).toBe(true);
      expect(row.created_on < (row.accepted_on ?? '')).toBe(true);
    }
    for (const row of pending) expect(isMember(row.orgCode, row.email)).toBe(false);
  });

  it('uses unique inv_ codes, known role keys, known orgs and dates within 2023–2026', () => {
    const orgs = new Set(seed.orgs.map((org) => org.code));
    const roles = new Set(seed.roles.map((role) => role.key));
    expect(new Set(seed.invites.map((row) => row.code)).size).toBe(seed.invites.length);
    for (const row of seed.invites) {
      expect(row.code).toMatch(/^inv_[0-9a-f]{12}$/);
      expect(orgs.has(row.orgCode)).toBe(true);
      for (const key of row.roles) expect(roles.has(key)).toBe(true);
      expect(row.created_on >= '2023-01-01' && row.created_on < '2027-01-01').toBe(true);
    }
  });

  it('gives some members direct permissions and suspends a few users', () => {
    const permissions = new Set(seed.permissions.map((permission) => permission.key));
    const direct = seed.memberships.filter((row) => row.permissions);
    expect(direct.length).toBeGreaterThan(0);
    for (const row of direct)
      for (const key of row.permissions ?? []) expect(permissions.has(key)).toBe(true);
    expect(seed.users.filter((user) => user.is_suspended).length).toBeGreaterThan(0);
  });
});
