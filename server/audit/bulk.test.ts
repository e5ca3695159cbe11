import { describe, expect, it } from 'vitest';
import type { ProviderKind } from '../../src/api/domain';
import { matchOperation } from '../../src/api/operations';
import { providerCatalog } from '../../src/api/providers/catalog';
import { bulkShortfall } from './bulk';

function match(provider: ProviderKind, method: string, path: string) {
  const found = matchOperation(providerCatalog[provider].operations, method, path);
  if (!found) throw new Error(`${method} ${path} is not an operation`);
  return found;
}

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).buffer;

describe('bulk shortfall', () => {
  const permitInvite = match('permit', 'POST', '/v2/orgs/acme/invites');
  const invite = (email: string) => ({ id: 'i', email, role: 'read', status: 'pending' });

  it('reads Permit’s failed invites: partial when some went out, failure when none did', () => {
    expect(
      bulkShortfall(
        'permit',
        permitInvite,
        200,
        json({
          success: [invite('a@x.test')],
          failed: [{ email: 'b@x.test', reason: 'An invite for b@x.test is already pending' }],
        }),
        [],
      ),
    ).toEqual({
      outcome: 'partial',
      error: '1 of 2 invitations not created: b@x.test: An invite for b@x.test is already pending',
    });
    expect(
      bulkShortfall(
        'permit',
        permitInvite,
        200,
        json({
          success: [],
          failed: [{ email: 'a@x.test', reason: 'nope' }, { email: 'b@x.test' }],
        }),
        [],
      ),
    ).toEqual({
      outcome: 'failure',
      error: '2 of 2 invitations not created: a@x.test: nope; b@x.test',
    });
  });

  it('finds nothing in Permit answers that invited everyone, or that are errors or not JSON', () => {
    const done = json({ success: [invite('a@x.test')], failed: [] });
    expect(bulkShortfall('permit', permitInvite, 200, done, [])).toBeUndefined();
    expect(
      bulkShortfall('permit', permitInvite, 200, json({ success: [invite('a@x.test')] }), []),
    ).toBeUndefined();
    const refused = json({ failed: [{ email: 'a@x.test', reason: 'x' }] });
    expect(bulkShortfall('permit', permitInvite, 422, refused, [])).toBeUndefined();
    expect(
      bulkShortfall('permit', permitInvite, 200, new TextEncoder().encode('<html>').buffer, []),
    ).toBeUndefined();
    // Another operation's answer is not read, whatever it holds.
    const update = match('permit', 'PATCH', '/v2/orgs/acme');
    expect(bulkShortfall('permit', update, 200, refused, [])).toBeUndefined();
  });

  it('names the Kinde users a bulk add or update answered without', () => {
    const add = match('kinde', 'POST', '/api/v1/organizations/org_1/users');
    expect(
      bulkShortfall('kinde', add, 200, json({ code: 'OK', users_added: ['kp_1'] }), [
        'kp_1',
        'kp_2',
        'kp_3',
      ]),
    ).toEqual({
      outcome: 'partial',
      error: "2 of 3 users not added (missing from Kinde's answer): kp_2; kp_3",
    });
    expect(
      bulkShortfall('kinde', add, 200, json({ code: 'OK', users_added: [] }), ['kp_1']),
    ).toMatchObject({ outcome: 'failure' });

    const update = match('kinde', 'PATCH', '/api/v1/organizations/org_1/users');
    const answer = json({
      users_added: ['kp_1'],
      users_updated: ['kp_2'],
      users_removed: ['kp_3'],
    });
    expect(bulkShortfall('kinde', update, 200, answer, ['kp_1', 'kp_2', 'kp_3'])).toBeUndefined();
    expect(bulkShortfall('kinde', update, 200, answer, ['kp_3', 'kp_4'])).toEqual({
      outcome: 'partial',
      error: "1 of 2 users not added, updated or removed (missing from Kinde's answer): kp_4",
    });
  });

  it('takes a Kinde answer without any list, or a failed call, as saying nothing', () => {
    const add = match('kinde', 'POST', '/api/v1/organizations/org_1/users');
    expect(
      bulkShortfall('kinde', add, 200, json({ code: 'OK', message: 'Success' }), ['kp_1']),
    ).toBeUndefined();
    expect(
      bulkShortfall('kinde', add, 400, json({ errors: [{ code: 'X', message: 'y' }] }), ['kp_1']),
    ).toBeUndefined();
  });

  it('leaves Clerk’s all-or-nothing bulk invitations to their status', () => {
    const bulk = match('clerk', 'POST', '/v1/organizations/org_1/invitations/bulk');
    expect(
      bulkShortfall('clerk', bulk, 200, json({ data: [], total_count: 0, failed: [{}] }), []),
    ).toBeUndefined();
  });

  it('names at most 20 items and says how many more there were', () => {
    const add = match('kinde', 'POST', '/api/v1/organizations/org_1/users');
    const ids = Array.from({ length: 25 }, (_, index) => `kp_${String(index)}`);
    const found = bulkShortfall('kinde', add, 200, json({ users_added: [] }), ids);
    expect(found?.error).toMatch(/^25 of 25 users not added .*: kp_0; .*kp_19; and 5 more$/);
    expect(found?.error).not.toContain('kp_20');
  });
});
