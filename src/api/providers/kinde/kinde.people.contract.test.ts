import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedKinde } from '../../../../server/sandbox/providers/kinde/state';
import type { TestServer } from '../../../../server/testing/test-server';
import { runPeopleContract } from '../../contract/people-contract';
import type { OrgAdminApi } from '../../org-admin-api';
import type { Member } from '../../people';
import { createKindeApi } from './adapter';
import { kindeCapabilities } from './capabilities';
import {
  apiErrorOf as rejection,
  recordingAdapter,
  uniqueSuffix as suffix,
} from '../../contract/helpers';

/**
 * The sandbox seeds the same business on every start, so the tests can read what an org holds
 * from the seed and compare the API's answers with it (each describe starts its own server).
 */
const seed = seedKinde();

function membersOf(orgCode: string) {
  return seed.memberships.filter((row) => row.orgCode === orgCode);
}

/** The seeded org with the most members (100+). */
const bigOrg =
  seed.orgs
    .map((org) => ({ code: org.code, count: membersOf(org.code).length }))
    .sort((a, b) => b.count - a.count)[0]?.code ?? '';

runPeopleContract({
  connectionId: 'kinde',
  provider: 'kinde',
  createApi: createKindeApi,
  orgWithMembers: () => Promise.resolve(bigOrg),
});

const allMembers = { page: 1, pageSize: 500, search: '', role: null, sort: null } as const;

describe('kinde adapter: Kinde-specific people behaviour', () => {
  let server: TestServer;
  let api: OrgAdminApi;
  let calls: string[];

  beforeAll(async () => {
    ({ server, api, calls } = await recordingAdapter('kinde', createKindeApi));
  });
  afterAll(async () => {
    await server.close();
  });

  const members = () => {
    if (!api.members?.add || !api.members.remove || !api.members.setRoles)
      throw new Error('Kinde declares add, remove and setRoles');
    return api.members as Required<NonNullable<OrgAdminApi['members']>>;
  };
  const invitations = () => {
    if (!api.invitations?.revoke) throw new Error('Kinde declares invitations with revoke');
    return api.invitations as NonNullable<OrgAdminApi['invitations']> & {
      revoke: NonNullable<NonNullable<OrgAdminApi['invitations']>['revoke']>;
    };
  };
  const newOrg = async () =>
    (await api.organizations.create({ name: `People ${suffix()}`, fields: {} })).organization.id;
  const nonMembers = async (orgId: string, count: number) => {
    const inOrg = new Set((await members().listAll(orgId)).items.map((m) => m.userId));
    return seed.users
      .filter((user) => !inOrg.has(user.id))
      .slice(0, count)
      .map((user) => user.id);
  };

  /** What the users endpoint's filters should return for the big org, computed from the seed. */
  function expectedIds(roles: readonly string[], permissions: readonly string[]): string[] {
    return membersOf(bigOrg)
      .filter((row) => {
        const granted = new Set([
          ...(row.permissions ?? []),
          ...seed.roles
            .filter((role) => row.roles.includes(role.key))
            .flatMap((r) => r.permissions),
        ]);
        return (
          roles.every((key) => row.roles.includes(key)) &&
          permissions.every((key) => granted.has(key))
        );
      })
      .map((row) => row.userId)
      .sort();
  }

  async function filtered(roles: string, permissions: string): Promise<string[]> {
    const query = new URLSearchParams({ page_size: '500', roles, permissions });
    const response = await fetch(
      `${server.upstreamUrl('kinde')}/api/v1/organizations/${bigOrg}/users?${query.toString()}`,
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { organization_users: { id: string }[] };
    return body.organization_users.map((user) => user.id).sort();
  }

  it('filters org users by roles and permissions, all of which must match', async () => {
    const combos: [string[], string[]][] = [
      [['admin'], []],
      [['member', 'manager'], []],
      [[], ['manage:billing']],
      [[], ['read:billing', 'invite:users']],
      [['member'], ['read:audit_log']],
    ];
    for (const [roles, permissions] of combos) {
      const expected = expectedIds(roles, permissions);
      expect(await filtered(roles.join(','), permissions.join(','))).toEqual(expected);
    }
    expect(expectedIds(['admin'], []).length).toBeGreaterThan(0);
    expect(expectedIds(['member', 'manager'], []).length).toBeGreaterThan(0);
    expect(expectedIds([], ['manage:billing']).length).toBeLessThan(membersOf(bigOrg).length);
  });

  it('filters by a role through the adapter, naming roles from the catalogue', async () => {
    const page = await members().list(bigOrg, { ...allMembers, role: 'billing' });
    expect(page.items.map((m) => m.userId).sort()).toEqual(expectedIds(['billing'], []));
    for (const member of page.items)
      expect(member.roles).toContainEqual({ key: 'billing', name: 'Billing' });
  });

  it('walks the member cursors: pages of 7 are one page of 35, in name order', async () => {
    const sort = { field: 'name', direction: 'asc' } as const;
    const pages: Member[] = [];
    for (const page of [1, 2, 3, 4, 5]) {
      const result = await members().list(bigOrg, { ...allMembers, page, pageSize: 7, sort });
      expect(result.hasMore).toBe(true);
      expect(result.total).toBeNull();
      pages.push(...result.items);
    }
    const whole = await members().list(bigOrg, { ...allMembers, pageSize: 35, sort });
    expect(pages.map((m) => m.userId)).toEqual(whole.items.map((m) => m.userId));
    const names = whole.items.map((m) => (m.name ?? '').toLowerCase());
    expect(names).toEqual([...names].sort());

    calls.length = 0;
    await members().list(bigOrg, { ...allMembers, page: 6, pageSize: 7, sort });
    expect(calls.filter((url) => url.includes('/users?'))).toHaveLength(1);
    expect(calls.find((url) => url.includes('/users?'))).toContain('next_token=');
  });

  it.skipIf(kindeCapabilities.people.members?.serverSortFields.includes('joinedAt'))(
    'sends a join-date sort, which Kinde lacks, as no sort (the data layer sorts)',
    async () => {
      const plain = await members().list(bigOrg, { ...allMembers, pageSize: 20 });
      calls.length = 0;
      const byJoin = await members().list(bigOrg, {
        ...allMembers,
        pageSize: 20,
        sort: { field: 'joinedAt', direction: 'desc' },
      });
      expect(byJoin.items.map((m) => m.userId)).toEqual(plain.items.map((m) => m.userId));
      expect(calls.some((url) => url.includes('sort=joined'))).toBe(false);
    },
  );

  it.skipIf(kindeCapabilities.people.members?.search === 'server')(
    'sends no search, which Kinde lacks: the page is the unfiltered org users (the data layer searches)',
    async () => {
      const plain = await members().list(bigOrg, { ...allMembers, pageSize: 20 });
      calls.length = 0;
      const asked = await members().list(bigOrg, { ...allMembers, pageSize: 20, search: 'zz' });
      expect(asked.items.map((m) => m.userId)).toEqual(plain.items.map((m) => m.userId));
      expect(calls.some((url) => url.includes('zz'))).toBe(false);
    },
  );

  it('refuses adding a member twice as a conflict with Kinde’s message', async () => {
    const orgId = await newOrg();
    const [userId = ''] = await nonMembers(orgId, 1);
    await members().add(orgId, { userId, roles: ['support'] });
    const error = await rejection(members().add(orgId, { userId, roles: ['support'] }));
    expect(error.kind).toBe('conflict');
    expect(error.code).toBe('USER_ALREADY_IN_ORGANIZATION');
    expect(error.message).toBe(`User ${userId} is already a member of this organization`);
    expect(error.fieldErrors['userId']).toBe(error.message);
  });

  it('gives the default role to a user added without roles', async () => {
    const orgId = await newOrg();
    const [userId = ''] = await nonMembers(orgId, 1);
    await members().add(orgId, { userId, roles: [] });
    const member = (await members().listAll(orgId)).items.find((m) => m.userId === userId);
    expect(member?.roles).toEqual([{ key: 'member', name: 'Member' }]);
  });

  it('sets several roles exactly, then one, through the per-user role endpoints', async () => {
    const orgId = await newOrg();
    const [userId = ''] = await nonMembers(orgId, 1);
    await members().add(orgId, { userId, roles: ['member', 'support'] });
    await members().setRoles(orgId, userId, ['admin', 'billing', 'support']);
    const keys = async () =>
      (await members().listAll(orgId)).items
        .find((m) => m.userId === userId)
        ?.roles.map((role) => role.key)
        .sort();
    expect(await keys()).toEqual(['admin', 'billing', 'support']);
    calls.length = 0;
    await members().setRoles(orgId, userId, ['manager']);
    expect(await keys()).toEqual(['manager']);
    expect(calls.some((url) => /\/users\/[^/]+\/roles\/[0-9a-f-]{36}$/.test(url))).toBe(true);
  });

  it('refuses an unknown role key before changing anything', async () => {
    const orgId = await newOrg();
    const [userId = ''] = await nonMembers(orgId, 1);
    await members().add(orgId, { userId, roles: ['member'] });
    const error = await rejection(members().setRoles(orgId, userId, ['member', 'no_such_role']));
    expect(error.kind).toBe('validation');
    expect(error.message).toContain('no_such_role');
    const member = (await members().listAll(orgId)).items.find((m) => m.userId === userId);
    expect(member?.roles.map((role) => role.key)).toEqual(['member']);
  });

  describe('invitations', () => {
    /** A seeded org with pending, accepted and revoked invites. */
    const mixedOrg =
      seed.orgs.find((org) => {
        const invites = seed.invites.filter((row) => row.orgCode === org.code);
        return (
          invites.some((row) => row.is_revoked) &&
          invites.some((row) => row.accepted_on !== null) &&
          invites.filter((row) => !row.is_revoked && row.accepted_on === null).length >= 2
        );
      })?.code ?? '';
    const seeded = (test: (row: (typeof seed.invites)[number]) => boolean) =>
      seed.invites
        .filter((row) => row.orgCode === mixedOrg && test(row))
        .map((row) => row.code)
        .sort();
    const ids = (items: readonly { id: string }[]) => items.map((item) => item.id).sort();

    it('lists pending always, and revoked or accepted as well when asked (statusFilter plus-pending)', async () => {
      expect(kindeCapabilities.people.invitations?.statusFilter).toBe('plus-pending');
      const pending = seeded((row) => !row.is_revoked && row.accepted_on === null);
      const revoked = seeded((row) => row.is_revoked);
      const accepted = seeded((row) => row.accepted_on !== null);
      expect(ids((await invitations().listAll(mixedOrg, [])).items)).toEqual(pending);
      expect(ids((await invitations().listAll(mixedOrg, ['pending'])).items)).toEqual(pending);
      const revokedAsked = await invitations().listAll(mixedOrg, ['revoked']);
      expect(ids(revokedAsked.items)).toEqual([...pending, ...revoked].sort());
      expect(ids((await invitations().listAll(mixedOrg, ['accepted'])).items)).toEqual(
        [...pending, ...accepted].sort(),
      );
      const everything = await invitations().listAll(mixedOrg, ['pending', 'accepted', 'revoked']);
      expect(ids(everything.items)).toEqual([...pending, ...revoked, ...accepted].sort());
    });

    it('asks Kinde with include_revoked / include_accepted and pages with its cursor', async () => {
      calls.length = 0;
      const page = await invitations().list(mixedOrg, {
        page: 1,
        pageSize: 1,
        statuses: ['revoked'],
      });
      expect(page.items).toHaveLength(1);
      expect(page.total).toBeNull();
      expect(page.hasMore).toBe(true);
      expect(calls.some((url) => url.includes('include_revoked=true'))).toBe(true);
      expect(calls.every((url) => !url.includes('include_accepted=true'))).toBe(true);

      const first = await invitations().list(mixedOrg, {
        page: 1,
        pageSize: 1,
        statuses: ['pending', 'accepted'],
      });
      expect(first.total).toBeNull();
      expect(first.hasMore).toBe(true);
    });

    it('creates an invite with names, roles and its link, newest first in the list', async () => {
      const orgId = await newOrg();
      const email = `named-${suffix()}@example.com`;
      const created = await invitations().create(orgId, {
        email,
        roles: ['manager', 'billing'],
        firstName: 'Ada',
        lastName: 'Lovelace',
        sendEmail: true,
      });
      expect(created).toMatchObject({
        email,
        status: 'pending',
        expiresAt: null,
        roles: [
          { key: 'manager', name: 'Manager' },
          { key: 'billing', name: 'Billing' },
        ],
      });
      expect(created?.url).toMatch(/\/sandbox\/kinde\/team_invitation\?code=inv_[0-9a-f]{12}$/);
      expect(created?.details).toContainEqual({ key: 'is_sent', value: true });
      expect(created?.details).toContainEqual({ key: 'full_name', value: 'Ada Lovelace' });
      await invitations().create(orgId, {
        email: `later-${suffix()}@example.com`,
        roles: ['member'],
      });
      const listed = await invitations().list(orgId, { page: 1, pageSize: 10, statuses: [] });
      expect(listed.items.map((item) => item.id)[1]).toBe(created?.id);
    });

    it('accepting through the invite link makes a member with the invite’s roles', async () => {
      const orgId = await newOrg();
      const email = `joiner-${suffix()}@example.com`;
      const created = await invitations().create(orgId, { email, roles: ['support'] });
      const accept = await fetch(created?.url ?? '', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ code: created?.id ?? '' }).toString(),
      });
      expect(accept.status).toBe(200);
      const member = (await members().listAll(orgId)).items.find((m) => m.email === email);
      expect(member?.roles).toEqual([{ key: 'support', name: 'Support' }]);
      const accepted = await invitations().listAll(orgId, ['accepted']);
      expect(accepted.items.map((item) => item.id)).toEqual([created?.id]);
      const error = await rejection(invitations().revoke(orgId, created?.id ?? ''));
      expect(error.kind).toBe('conflict');
      expect(error.code).toBe('INVITATION_ALREADY_ACCEPTED');
    });

    it('refuses too-long e-mails and names with the spec’s codes, on the form fields', async () => {
      const orgId = await newOrg();
      const long = `${'a'.repeat(250)}@example.com`;
      const email = await rejection(
        invitations().create(orgId, { email: long, roles: ['member'] }),
      );
      expect(email).toMatchObject({ kind: 'validation', code: 'EMAIL_TOO_LONG' });
      expect(email.fieldErrors['email']).toBeTruthy();
      const first = await rejection(
        invitations().create(orgId, {
          email: 'a@example.com',
          roles: ['member'],
          firstName: 'F'.repeat(65),
        }),
      );
      expect(first).toMatchObject({ kind: 'validation', code: 'FIRST_NAME_TOO_LONG' });
      expect(first.fieldErrors['firstName']).toBeTruthy();
      const last = await rejection(
        invitations().create(orgId, {
          email: 'a@example.com',
          roles: ['member'],
          firstName: 'F'.repeat(64),
          lastName: 'L'.repeat(65),
        }),
      );
      expect(last).toMatchObject({ kind: 'validation', code: 'LAST_NAME_TOO_LONG' });
      expect(last.fieldErrors['lastName']).toBeTruthy();
    });

    it('refuses a second pending invite for the same e-mail as a conflict on the email field', async () => {
      const orgId = await newOrg();
      const email = `twice-${suffix()}@example.com`;
      await invitations().create(orgId, { email, roles: ['member'] });
      const error = await rejection(
        invitations().create(orgId, { email: email.toUpperCase(), roles: ['member'] }),
      );
      expect(error.kind).toBe('conflict');
      expect(error.fieldErrors['email']).toBe(error.message);
    });

    it('stops an org at its 24-hour invite cap with a 429 and the time until it frees up', async () => {
      const orgId = await newOrg();
      for (let i = 0; i < 50; i++) {
        await invitations().create(orgId, {
          email: `cap-${i}-${suffix()}@example.com`,
          roles: ['member'],
        });
      }
      const error = await rejection(
        invitations().create(orgId, { email: `over-${suffix()}@example.com`, roles: ['member'] }),
      );
      expect(error.kind).toBe('rate_limited');
      expect(error.status).toBe(429);
      expect(error.code).toBe('INVITE_RATE_LIMIT_EXCEEDED');
      expect(error.message).toContain('24 hours');
      expect(error.retryAfterMs).toBeGreaterThan(23 * 3_600_000);
      expect(error.retryAfterMs).toBeLessThanOrEqual(24 * 3_600_000);
    });
  });
});
