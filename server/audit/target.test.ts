import { describe, expect, it } from 'vitest';
import { matchOperation } from '../../src/api/operations';
import { providerCatalog } from '../../src/api/providers/catalog';
import type { ProviderKind } from '../../src/api/domain';
import { auditTarget, createdOrgId } from './target';
import { fakeClerkKey } from '../testing/fake-secrets';

function match(provider: ProviderKind, method: string, path: string) {
  const found = matchOperation(providerCatalog[provider].operations, method, path);
  if (!found) throw new Error(`${method} ${path} is not an operation`);
  return found;
}

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).buffer;

describe('audit target', () => {
  it('takes the org and user from the path parameters of every provider', () => {
    expect(auditTarget(match('permit', 'DELETE', '/v2/orgs/acme'), undefined, undefined)).toEqual({
      orgId: 'acme',
    });
    expect(
      auditTarget(
        match('kinde', 'DELETE', '/api/v1/organizations/org_1/users/kp_2'),
        undefined,
        undefined,
      ),
    ).toEqual({ orgId: 'org_1', userId: 'kp_2' });
    expect(
      auditTarget(
        match('clerk', 'DELETE', '/v1/organizations/org_3/memberships/user_4'),
        undefined,
        undefined,
      ),
    ).toEqual({ orgId: 'org_3', userId: 'user_4' });
    expect(
      auditTarget(
        match('numind', 'DELETE', '/api/organizations/o5/members/u6'),
        undefined,
        undefined,
      ),
    ).toEqual({ orgId: 'o5', userId: 'u6' });
  });

  it('reads the invited emails of invitation creates (JSON, arrays, forms) and no other field', () => {
    const permit = match('permit', 'POST', '/v2/orgs/acme/invites');
    expect(
      auditTarget(
        permit,
        json([{ email: 'a@x.test', role: 'admin', notes: 'b@x.test' }]),
        'application/json',
      ),
    ).toEqual({ orgId: 'acme', email: 'a@x.test' });

    const bulk = match('clerk', 'POST', '/v1/organizations/org_1/invitations/bulk');
    expect(
      auditTarget(
        bulk,
        json([
          { email_address: 'a@x.test' },
          { email_address: 'b@x.test', public_metadata: { email: 'c@x.test' } },
        ]),
        'application/json',
      ).email,
    ).toBe('a@x.test, b@x.test, c@x.test');

    const form = match('clerk-frontend', 'POST', '/v1/organizations/org_1/invitations/bulk');
    const body = new TextEncoder().encode(
      'email_address=a%40x.test&email_address=b%40x.test&role=org%3Amember',
    ).buffer;
    expect(auditTarget(form, body, 'application/x-www-form-urlencoded').email).toBe(
      'a@x.test, b@x.test',
    );

    const numind = match('numind', 'POST', '/api/organizations/o1/members');
    expect(
      auditTarget(numind, json({ email: 'n@x.test' }), 'application/json; charset=utf-8').email,
    ).toBe('n@x.test');
  });

  it('never reads the body of other operations', () => {
    const update = match('clerk', 'PATCH', '/v1/organizations/org_1');
    expect(
      auditTarget(update, json({ name: 'x', email: 'secret@x.test' }), 'application/json'),
    ).toEqual({
      orgId: 'org_1',
    });
    const revoke = match('clerk', 'POST', '/v1/organizations/org_1/invitations/inv_1/revoke');
    expect(
      auditTarget(revoke, json({ email_address: 'a@x.test' }), 'application/json').email,
    ).toBeUndefined();
  });
});

describe('audit target users named in the body', () => {
  it('reads user_id of a Clerk Backend membership create (JSON)', () => {
    const create = match('clerk', 'POST', '/v1/organizations/org_1/memberships');
    expect(
      auditTarget(
        create,
        json({ user_id: 'user_2', role: 'org:member', public_metadata: { user_id: 'user_x' } }),
        'application/json',
      ),
    ).toEqual({ orgId: 'org_1', userId: 'user_2' });
  });

  it('reads user_id of a Clerk Frontend membership create (form)', () => {
    const create = match('clerk-frontend', 'POST', '/v1/organizations/org_1/memberships');
    const body = new TextEncoder().encode('user_id=user_3&role=org%3Amember').buffer;
    expect(auditTarget(create, body, 'application/x-www-form-urlencoded')).toEqual({
      orgId: 'org_1',
      userId: 'user_3',
    });
  });

  it('reads users[].id of Kinde bulk adds and updates, joined and without duplicates', () => {
    const add = match('kinde', 'POST', '/api/v1/organizations/org_1/users');
    expect(
      auditTarget(
        add,
        json({ users: [{ id: 'kp_1', roles: ['admin'] }, { id: 'kp:2' }, { id: 'kp_1' }] }),
        'application/json',
      ),
    ).toEqual({ orgId: 'org_1', userId: 'kp_1, kp:2' });
    const update = match('kinde', 'PATCH', '/api/v1/organizations/org_1/users');
    expect(
      auditTarget(
        update,
        json({ users: [{ id: 'kp_3', operation: 'delete' }] }),
        'application/json',
      ).userId,
    ).toBe('kp_3');
  });

  it('names at most 50 users', () => {
    const add = match('kinde', 'POST', '/api/v1/organizations/org_1/users');
    const users = Array.from({ length: 80 }, (_, index) => ({ id: `kp_${String(index)}` }));
    const named = auditTarget(add, json({ users }), 'application/json').userId?.split(', ');
    expect(named).toHaveLength(50);
    expect(named?.[49]).toBe('kp_49');
  });

  it('never records anything token-shaped or that is not an id', () => {
    const create = match('clerk', 'POST', '/v1/organizations/org_1/memberships');
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyXzEifQ.c2lnbmF0dXJlc2lnbmF0dXJl';
    for (const user_id of [jwt, fakeClerkKey('live', 'abcdefghijkl'), 'a b', '<script>', '', 42]) {
      expect(auditTarget(create, json({ user_id, role: 'r' }), 'application/json')).toEqual({
        orgId: 'org_1',
      });
    }
  });

  it('does not read user ids from other operations or other fields', () => {
    const invite = match('clerk', 'POST', '/v1/organizations/org_1/invitations');
    expect(
      auditTarget(
        invite,
        json({ email_address: 'a@x.test', inviter_user_id: 'user_9', user_id: 'user_8' }),
        'application/json',
      ),
    ).toEqual({ orgId: 'org_1', email: 'a@x.test' });
    // The path names the user; the body is not read for it.
    const role = match('kinde', 'POST', '/api/v1/organizations/org_1/users/kp_1/roles');
    expect(auditTarget(role, json({ role_id: 'r', user_id: 'kp_2' }), 'application/json')).toEqual({
      orgId: 'org_1',
      userId: 'kp_1',
    });
    const logo = match('clerk', 'PUT', '/v1/organizations/org_1/logo');
    expect(
      auditTarget(logo, new TextEncoder().encode('uploader_user_id=user_1').buffer, undefined),
    ).toEqual({ orgId: 'org_1' });
  });
});

describe('created org id', () => {
  const created = (provider: ProviderKind, path: string, body: unknown, status = 200) =>
    createdOrgId(provider, match(provider, 'POST', path), status, json(body));

  it('reads the new org from each provider’s create answer, as the console’s org id', () => {
    expect(created('permit', '/v2/orgs', { id: 'uuid-1', key: 'acme', api_key_id: 'k' })).toBe(
      'uuid-1',
    );
    expect(
      created('kinde', '/api/v1/organization', {
        code: 'OK',
        message: 'Success',
        organization: { code: 'org_2' },
      }),
    ).toBe('org_2');
    expect(created('clerk', '/v1/organizations', { object: 'organization', id: 'org_3' })).toBe(
      'org_3',
    );
    expect(
      created('clerk-frontend', '/v1/organizations', {
        response: { object: 'organization', id: 'org_4' },
        client: null,
      }),
    ).toBe('org_4');
    expect(created('numind', '/api/organizations', { id: 'o5', name: 'Acme' })).toBe('o5');
  });

  it('reads nothing from a failed create, another operation or an answer without an id', () => {
    expect(created('permit', '/v2/orgs', { id: 'uuid-1' }, 409)).toBeUndefined();
    expect(created('kinde', '/api/v1/organization', { code: 'OK' })).toBeUndefined();
    expect(created('clerk-frontend', '/v1/organizations', { id: 'org_4' })).toBeUndefined();
    expect(created('numind', '/api/organizations', { id: 42 })).toBeUndefined();
    expect(
      createdOrgId('permit', match('permit', 'POST', '/v2/orgs'), 200, new ArrayBuffer(0)),
    ).toBeUndefined();
    expect(
      createdOrgId(
        'permit',
        match('permit', 'PATCH', '/v2/orgs/acme'),
        200,
        json({ id: 'uuid-1' }),
      ),
    ).toBeUndefined();
  });
});
