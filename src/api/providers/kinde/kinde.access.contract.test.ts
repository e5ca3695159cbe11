import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedKinde } from '../../../../server/sandbox/providers/kinde/state';
import { startTestServer, type TestServer } from '../../../../server/testing/test-server';
import { runAccessContract } from '../../contract/access-contract';
import { ApiError } from '../../errors';
import type { OrgAdminApi } from '../../org-admin-api';
import { createKindeApi } from './adapter';
import { apiErrorOf as rejection, uniqueSuffix as suffix } from '../../contract/helpers';

/** The sandbox seeds the same business on every start: the tests read what it holds from the seed. */
const seed = seedKinde();

/** A new org with one seeded user in it, holding the `member` role. */
async function orgWithMember(api: OrgAdminApi, userIndex = 0) {
  const orgId = (await api.organizations.create({ name: `Access ${suffix()}`, fields: {} }))
    .organization.id;
  const userId = seed.users[userIndex]?.id ?? '';
  await api.members?.add?.(orgId, { userId, roles: ['member'] });
  return { orgId, userId };
}

runAccessContract({
  connectionId: 'kinde',
  provider: 'kinde',
  createApi: createKindeApi,
  orgAndMember: (api) => orgWithMember(api),
});

const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
]);
const SVG = '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"/>';

describe('kinde adapter: Kinde-specific access, flags, user orgs and logos', () => {
  let server: TestServer;
  let api: OrgAdminApi;

  beforeAll(async () => {
    server = await startTestServer();
    api = createKindeApi({ baseUrl: server.upstreamUrl('kinde') });
  });
  afterAll(async () => {
    await server.close();
  });

  const access = () => {
    const group = api.access;
    if (!group?.permissions || !group.addPermission || !group.removePermission || !group.addRole)
      throw new Error('Kinde declares editable roles and permissions');
    return group as Required<NonNullable<OrgAdminApi['access']>>;
  };
  const flags = () => {
    if (!api.featureFlags?.resetAll) throw new Error('Kinde declares feature flags with resetAll');
    return api.featureFlags as Required<NonNullable<OrgAdminApi['featureFlags']>>;
  };
  const logo = () => {
    if (!api.logo) throw new Error('Kinde declares logos');
    return api.logo;
  };
  const upstream = (path: string, init?: RequestInit) =>
    fetch(`${server.upstreamUrl('kinde')}${path}`, init);

  describe('bulk grants (PATCH …/users)', () => {
    /** An adapter that records each request's method and path. */
    const recording = () => {
      const seen: string[] = [];
      const recorded = createKindeApi({
        baseUrl: server.upstreamUrl('kinde'),
        fetch: (input, init) => {
          const url = new URL(input instanceof Request ? input.url : input.toString());
          seen.push(`${init?.method ?? 'GET'} ${url.pathname.replace(/^.*\/api\/v1/, '')}`);
          return fetch(input, init);
        },
      });
      return { seen, recorded };
    };

    it('gives two members a role and a permission in one PATCH, each confirmed', async () => {
      const { orgId, userId: first } = await orgWithMember(api, 2);
      const second = seed.users[3]?.id ?? '';
      await api.members?.add?.(orgId, { userId: second, roles: ['member'] });
      const { seen, recorded } = recording();
      const outcomes = await recorded.access?.grantMany?.(orgId, [
        { userId: first, roles: ['admin'], permissions: ['read:reports'] },
        { userId: second, roles: ['admin'], permissions: [] },
      ]);
      expect(outcomes).toEqual([
        { userId: first, ok: true },
        { userId: second, ok: true },
      ]);
      expect(seen).toEqual([`PATCH /organizations/${orgId}/users`]);
      for (const userId of [first, second]) {
        const roles = (await access().roles(orgId, userId)).map((role) => role.key);
        expect(roles.sort()).toEqual(['admin', 'member']);
      }
      const granted = (await access().permissions(orgId, first)).find(
        (p) => p.key === 'read:reports',
      );
      expect(granted?.sources).toContainEqual({ kind: 'direct' });
    });

    it('when Kinde refuses the PATCH, gives each member theirs alone, so only the bad one fails', async () => {
      const { orgId, userId: first } = await orgWithMember(api, 4);
      const second = seed.users[5]?.id ?? '';
      await api.members?.add?.(orgId, { userId: second, roles: ['member'] });
      const { seen, recorded } = recording();
      const outcomes = await recorded.access?.grantMany?.(orgId, [
        { userId: first, roles: ['admin'], permissions: [] },
        { userId: second, roles: [], permissions: ['no:such_permission'] },
      ]);
      expect(seen[0]).toBe(`PATCH /organizations/${orgId}/users`);
      expect(outcomes?.[0]).toEqual({ userId: first, ok: true });
      const failed = outcomes?.[1];
      expect(failed?.ok).toBe(false);
      expect(failed && !failed.ok ? failed.error : null).toBeInstanceOf(ApiError);
      expect((await access().roles(orgId, first)).map((role) => role.key)).toContain('admin');
    });
  });

  describe('permissions', () => {
    it('answers expand=roles with each permission’s granting roles, and a direct grant as a row without roles', async () => {
      const { orgId, userId } = await orgWithMember(api, 1);
      await access().addPermission(orgId, userId, 'read:reports');
      await access().addPermission(orgId, userId, 'manage:settings');
      const path = `/api/v1/organizations/${orgId}/users/${userId}/permissions`;
      const memberRole = seed.roles.find((role) => role.key === 'member');
      const byId = new Map(seed.permissions.map((p) => [p.key, p]));

      const expanded = (await (await upstream(`${path}?expand=roles`)).json()) as {
        permissions: { key: string; roles: unknown }[];
      };
      expect(expanded.permissions).toEqual([
        { ...byId.get('read:reports'), roles: [] },
        { ...byId.get('read:reports'), roles: [{ id: memberRole?.id, key: 'member' }] },
        { ...byId.get('read:projects'), roles: [{ id: memberRole?.id, key: 'member' }] },
        { ...byId.get('write:projects'), roles: [{ id: memberRole?.id, key: 'member' }] },
        { ...byId.get('manage:settings'), roles: [] },
      ]);

      const plain = (await (await upstream(path)).json()) as { permissions: object[] };
      expect(plain.permissions).toEqual(
        ['read:reports', 'read:projects', 'write:projects', 'manage:settings'].map((key) =>
          byId.get(key),
        ),
      );
      const unknownExpand = await upstream(`${path}?expand=users`);
      expect(unknownExpand.status).toBe(400);
    });

    it('lists a permission granted both directly and by a role with both sources, and keeps the role’s after the grant goes', async () => {
      const { orgId, userId } = await orgWithMember(api, 2);
      await access().addPermission(orgId, userId, 'read:reports');
      const both = (await access().permissions(orgId, userId)).find(
        (p) => p.key === 'read:reports',
      );
      expect(both).toEqual({
        key: 'read:reports',
        name: 'Read reports',
        sources: [{ kind: 'direct' }, { kind: 'role', role: { key: 'member', name: 'Member' } }],
      });
      await access().removePermission(orgId, userId, 'read:reports');
      const after = (await access().permissions(orgId, userId)).find(
        (p) => p.key === 'read:reports',
      );
      expect(after?.sources).toEqual([{ kind: 'role', role: { key: 'member', name: 'Member' } }]);
    });

    it('refuses to withdraw a permission the member holds only through a role, saying so', async () => {
      const { orgId, userId } = await orgWithMember(api, 3);
      const error = await rejection(access().removePermission(orgId, userId, 'read:projects'));
      expect(error).toMatchObject({
        kind: 'validation',
        status: 400,
        code: 'PERMISSION_NOT_FOUND',
      });
      expect(error.message).toContain('through a role');
    });

    it('lists the whole permission catalogue with names and ids', async () => {
      const listed = await api.permissions?.list();
      expect(listed).toEqual(
        seed.permissions.map((p) => ({
          key: p.key,
          name: p.name,
          description: p.description,
          id: p.id,
        })),
      );
    });

    it('refuses an unknown role or permission key before calling Kinde', async () => {
      const { orgId, userId } = await orgWithMember(api, 4);
      const role = await rejection(access().addRole(orgId, userId, 'no_such_role'));
      expect(role).toMatchObject({ kind: 'validation', status: null });
      expect(role.fieldErrors['roles']).toContain('no_such_role');
      const permission = await rejection(access().addPermission(orgId, userId, 'no:such'));
      expect(permission).toMatchObject({ kind: 'validation', status: null });
      expect(permission.fieldErrors['permission']).toContain('no:such');
    });

    it('takes roles away by key, through the role ids Kinde wants', async () => {
      const { orgId, userId } = await orgWithMember(api, 5);
      await access().addRole(orgId, userId, 'billing');
      await access().removeRole(orgId, userId, 'member');
      expect(await access().roles(orgId, userId)).toEqual([{ key: 'billing', name: 'Billing' }]);
      const members = await api.members?.listAll(orgId);
      expect(members?.items[0]?.roles).toEqual([{ key: 'billing', name: 'Billing' }]);
    });
  });

  describe('feature flags', () => {
    /** A seeded org with overrides, and what the seed says they are. */
    const seeded = seed.flagOverrides[0]?.orgCode ?? '';
    const seededOverrides = seed.flagOverrides.filter((row) => row.orgCode === seeded);

    it('shows the seeded overrides with the environment values as defaults, typed', async () => {
      const listed = await flags().list(seeded);
      expect(listed.map((flag) => flag.key)).toEqual(seed.featureFlags.map((flag) => flag.key));
      for (const flag of listed) {
        const record = seed.featureFlags.find((candidate) => candidate.key === flag.key);
        const override = seededOverrides.find((row) => row.flagKey === flag.key);
        const type = { str: 'string', int: 'integer', bool: 'boolean' }[record?.type ?? 'str'];
        const typed = (raw: string) =>
          type === 'integer' ? Number(raw) : type === 'boolean' ? raw === 'true' : raw;
        expect(flag).toMatchObject({
          name: flag.key,
          type,
          defaultValue: typed(record?.default_value ?? ''),
          value: typed(override?.value ?? record?.default_value ?? ''),
          overridden: override !== undefined,
        });
      }
    });

    it('refuses a mistyped override with INVALID_FEATURE_FLAG_VALUE on the value, and an unknown key as not found', async () => {
      const { orgId } = await orgWithMember(api, 6);
      const integer = await rejection(flags().set(orgId, 'max_seats', '12.5'));
      expect(integer).toMatchObject({
        kind: 'validation',
        status: 400,
        code: 'INVALID_FEATURE_FLAG_VALUE',
      });
      expect(integer.fieldErrors['value']).toBe(integer.message);
      const boolean = await rejection(flags().set(orgId, 'beta_dashboard', 'yes'));
      expect(boolean.code).toBe('INVALID_FEATURE_FLAG_VALUE');
      const unknown = await rejection(flags().set(orgId, 'no_such_flag', 'x'));
      expect(unknown).toMatchObject({
        kind: 'not_found',
        status: 400,
        code: 'FEATURE_FLAG_NOT_FOUND',
      });
      expect(unknown.message).toContain('no_such_flag');
      expect((await flags().list(orgId)).some((flag) => flag.overridden)).toBe(false);
    });

    it('removes every override of one org with DELETE …/feature_flags, leaving other orgs’ alone', async () => {
      const { orgId } = await orgWithMember(api, 7);
      await flags().set(orgId, 'theme', 'dark');
      await flags().set(orgId, 'csv_export', false);
      await flags().set(orgId, 'api_rate_limit', 1200);
      expect((await flags().list(orgId)).filter((flag) => flag.overridden)).toHaveLength(3);
      await flags().resetAll(orgId);
      const after = await flags().list(orgId);
      expect(after.every((flag) => !flag.overridden && flag.value === flag.defaultValue)).toBe(
        true,
      );
      expect((await flags().list(seeded)).filter((flag) => flag.overridden)).toHaveLength(
        seededOverrides.length,
      );
    });

    it('reads the values back as the types the console sends', async () => {
      const { orgId } = await orgWithMember(api, 8);
      await flags().set(orgId, 'max_seats', -3);
      await flags().set(orgId, 'sso_enforced', true);
      const byKey = new Map((await flags().list(orgId)).map((flag) => [flag.key, flag]));
      expect(byKey.get('max_seats')).toMatchObject({ value: -3, defaultValue: 10 });
      expect(byKey.get('sso_enforced')).toMatchObject({ value: true, defaultValue: false });
    });
  });

  describe('a user’s organizations', () => {
    const orgsOf = (userId: string) =>
      seed.memberships.filter((row) => row.userId === userId).map((row) => row.orgCode);
    const nameOf = (code: string) => seed.orgs.find((org) => org.code === code)?.name;

    it('names a few orgs one by one and many through the org list', async () => {
      // Past the users the other tests add to new orgs.
      const untouched = seed.users.slice(20);
      const few = untouched.find((user) => orgsOf(user.id).length === 2);
      const many = untouched.find((user) => orgsOf(user.id).length > 5);
      for (const user of [few, many]) {
        const codes = orgsOf(user?.id ?? '');
        expect(codes.length).toBeGreaterThan(0);
        const found = await api.users?.organizationsOf?.(user?.id ?? '');
        expect(found).toEqual(codes.map((code) => ({ id: code, name: nameOf(code) })));
      }
    });

    it('reports an unknown user as Kinde’s USER_NOT_FOUND', async () => {
      const error = await rejection(
        api.users?.organizationsOf?.('kp_unknown') ?? Promise.resolve(),
      );
      expect(error).toMatchObject({ status: 400, code: 'USER_NOT_FOUND' });
    });
  });

  describe('logos', () => {
    const newOrg = async () =>
      (await api.organizations.create({ name: `Logo ${suffix()}`, fields: {} })).organization.id;

    it('uploads a light and a dark logo, serves both, and removes one at a time', async () => {
      const orgId = await newOrg();
      expect(await logo().upload(orgId, new Blob([PNG]), 'light.png')).toBeNull();
      expect(
        await logo().upload(orgId, new Blob([SVG], { type: 'image/svg+xml' }), 'dark.svg', {
          variant: 'dark',
        }),
      ).toBeNull();
      const org = await api.organizations.get(orgId);
      expect(org.hasImage).toBe(true);
      const light = await fetch(org.imageUrl ?? '');
      expect(light.headers.get('content-type')).toBe('image/png');
      expect(new Uint8Array(await light.arrayBuffer())).toEqual(PNG);
      const dark = await fetch(org.imageUrlDark ?? '');
      expect(dark.headers.get('content-type')).toBe('image/svg+xml');
      expect(await dark.text()).toBe(SVG);

      const logos = (await (await upstream(`/api/v1/organizations/${orgId}/logos`)).json()) as {
        logos: { type: string; file_name: string; path: string }[];
      };
      expect(logos.logos.map(({ type, file_name }) => [type, file_name])).toEqual([
        ['light', 'light.png'],
        ['dark', 'dark.svg'],
      ]);

      await logo().remove(orgId, { variant: 'dark' });
      const lightOnly = await api.organizations.get(orgId);
      expect(lightOnly).toMatchObject({
        imageUrl: org.imageUrl,
        imageUrlDark: null,
        hasImage: true,
      });
      await logo().remove(orgId);
      expect(await api.organizations.get(orgId)).toMatchObject({ imageUrl: null, hasImage: false });
      // Nothing left to delete: Kinde answers 204, which is not an error.
      await logo().remove(orgId);
      const again = await upstream(`/api/v1/organizations/${orgId}/logos/light`, {
        method: 'DELETE',
      });
      expect(again.status).toBe(204);
    });

    it('refuses a file that is not an image and one over 1MB, on the logo field', async () => {
      const orgId = await newOrg();
      const text = await rejection(
        logo().upload(orgId, new Blob(['hello'], { type: 'image/png' }), 'fake.png'),
      );
      expect(text).toMatchObject({ kind: 'validation', status: 400, code: 'INVALID_FILE_TYPE' });
      expect(text.fieldErrors['logo']).toBe(text.message);
      const big = new Uint8Array((api.capabilities.logo?.maxBytes ?? 0) + 1);
      big.set(PNG);
      const large = await rejection(logo().upload(orgId, new Blob([big]), 'big.png'));
      expect(large).toMatchObject({ kind: 'validation', status: 400, code: 'FILE_TOO_LARGE' });
      expect((await api.organizations.get(orgId)).hasImage).toBe(false);
    });

    it('accepts a file of exactly the maximum size', async () => {
      const orgId = await newOrg();
      const exact = new Uint8Array(api.capabilities.logo?.maxBytes ?? 0);
      exact.set(PNG);
      await logo().upload(orgId, new Blob([exact]), 'exact.png', { variant: 'dark' });
      expect((await api.organizations.get(orgId)).imageUrlDark).not.toBeNull();
    });
  });
});
