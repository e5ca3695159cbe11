import {
  ApiError,
  Environments,
  init,
  Organizations,
  Permissions,
  Roles,
  Search,
  Users,
} from '@kinde/management-api-js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestServer, type TestServer } from '../../../testing/test-server';
import { seedKinde } from './state';

/**
 * Kinde's own SDK against the sandbox, unchanged. What it needs (read from its dist code):
 * - `init({kindeDomain, clientId, clientSecret})` prefixes "https://" to a domain without it, but
 *   only for the audience it checks tokens against; the base URL and the token URL use the
 *   domain exactly as given, so an `http://…/sandbox/kinde` domain works as is.
 * - It gets tokens with `POST {domain}/oauth2/token` (form: grant_type=client_credentials,
 *   scope="", client_id, client_secret, audience={domain}/api) and reuses one only while its `aud`
 *   contains that "https://"-prefixed audience: over plain http it fetches a token per call.
 * - `KINDE_DOMAIN` / `KINDE_MANAGEMENT_CLIENT_*` in the environment would take precedence, so the
 *   test clears them.
 * - The installed 0.18.0 has the org invite calls (`getOrganizationInvites`,
 *   `createOrganizationInvite`, `getOrganizationInvite`, `deleteOrganizationInvite`) and sends
 *   `includeRevoked`/`includeAccepted` as `include_revoked`/`include_accepted`.
 * - It also has the per-user permission calls, the org feature-flag calls, the environment's
 *   (`Environments.getEnvironementFeatureFlags`, spelled so), `Permissions.getPermissions`,
 *   `Users.getUserData` and the org logo calls (`readOrganizationLogo`, `addOrganizationLogo`
 *   sending `formData.logo` as multipart, `deleteOrganizationLogo`, which resolves on a 204).
 */
describe('@kinde/management-api-js against the Kinde sandbox', () => {
  let server: TestServer;
  let tokenRequests = 0;

  beforeAll(async () => {
    vi.stubEnv('KINDE_DOMAIN', '');
    vi.stubEnv('KINDE_MANAGEMENT_CLIENT_ID', '');
    vi.stubEnv('KINDE_MANAGEMENT_CLIENT_SECRET', '');
    server = await startTestServer();
    const realFetch = globalThis.fetch;
    vi.stubGlobal('fetch', (input: RequestInfo | URL, requestInit?: RequestInit) => {
      if (String(input instanceof Request ? input.url : input).endsWith('/oauth2/token'))
        tokenRequests++;
      return realFetch(input, requestInit);
    });
    init({
      kindeDomain: `${server.origin}/sandbox/kinde`,
      clientId: 'sandbox',
      clientSecret: 'sandbox-secret',
    });
  });
  afterAll(async () => {
    vi.unstubAllGlobals();
    vi.unstubAllEnvs();
    await server.close();
  });

  it('obtains a client-credentials token from /oauth2/token', async () => {
    const before = tokenRequests;
    await Organizations.getOrganizations({ pageSize: 1 });
    expect(tokenRequests).toBeGreaterThan(before);
  });

  it('lists organizations and follows next_token to the next page', async () => {
    const first = await Organizations.getOrganizations({ pageSize: 5, sort: 'name_asc' });
    expect(first.code).toBe('OK');
    expect(first.organizations).toHaveLength(5);
    expect(first.next_token).toBeTruthy();
    const second = await Organizations.getOrganizations({
      pageSize: 5,
      nextToken: first.next_token ?? null,
    });
    expect(second.organizations).toHaveLength(5);
    const firstCodes = new Set(first.organizations?.map((org) => org.code));
    expect(second.organizations?.some((org) => firstCodes.has(org.code))).toBe(false);
    const names = [...(first.organizations ?? []), ...(second.organizations ?? [])].map((org) =>
      (org.name ?? '').toLowerCase(),
    );
    expect(names).toEqual([...names].sort());
  });

  it('creates, reads, updates, clears the handle of and deletes an organization', async () => {
    const handle = `sdk_${Math.random().toString(36).slice(2, 8)}`;
    const created = await Organizations.createOrganization({
      requestBody: { name: 'SDK Org', handle, external_id: 'sdk-1', button_color: '#0056F1' },
    });
    expect(created.code).toBe('OK');
    const code = created.organization?.code ?? '';
    expect(code).toMatch(/^org_[0-9a-f]{11}$/);

    const read = await Organizations.getOrganization({ code });
    expect(read).toMatchObject({
      code,
      name: 'SDK Org',
      handle,
      external_id: 'sdk-1',
      is_default: false,
    });
    expect(read.button_color).toEqual({
      raw: '#0056F1',
      hex: '#0056F1',
      hsl: 'hsl(219, 100%, 47%)',
    });

    const updated = await Organizations.updateOrganization({
      orgCode: code,
      requestBody: { name: 'SDK Org renamed', is_auto_membership_enabled: true },
    });
    expect(updated).toEqual({ code: 'OK', message: 'Success' });
    expect(await Organizations.getOrganization({ code })).toMatchObject({
      name: 'SDK Org renamed',
      is_auto_membership_enabled: true,
    });

    expect(await Organizations.deleteOrganizationHandle({ orgCode: code })).toEqual({
      code: 'OK',
      message: 'Success',
    });
    expect((await Organizations.getOrganization({ code })).handle).toBeNull();

    expect(await Organizations.deleteOrganization({ orgCode: code })).toEqual({
      code: 'OK',
      message: 'Success',
    });
    const gone = await Organizations.getOrganization({ code }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(gone).toBeInstanceOf(ApiError);
    expect((gone as ApiError).status).toBe(400);
    expect((gone as ApiError).body).toEqual({
      errors: [
        { code: 'ORGANIZATION_NOT_FOUND', message: 'Organization not found', field: 'code' },
      ],
    });
  });

  it('surfaces the 404 envelope of a delete of an unknown org as the SDK error', async () => {
    const error = await Organizations.deleteOrganization({ orgCode: 'org_00000000000' }).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(404);
    expect((error as ApiError).message).toBe('The specified resource was not found');
  });

  describe('organization users, invites, users and roles', () => {
    const seed = seedKinde();

    async function sdkError(promise: Promise<unknown>): Promise<ApiError> {
      const error = await promise.then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(ApiError);
      return error as ApiError;
    }

    async function newOrg(): Promise<string> {
      const created = await Organizations.createOrganization({
        requestBody: { name: 'SDK People' },
      });
      return created.organization?.code ?? '';
    }

    it('lists org users with the roles filter and follows next_token', async () => {
      const orgCode =
        seed.orgs.find(
          (org) => seed.memberships.filter((row) => row.orgCode === org.code).length >= 30,
        )?.code ?? '';
      const first = await Organizations.getOrganizationUsers({
        orgCode,
        pageSize: 10,
        sort: 'email_asc',
      });
      expect(first.code).toBe('OK');
      expect(first.organization_users).toHaveLength(10);
      expect(Object.keys(first.organization_users?.[0] ?? {})).toEqual([
        'id',
        'email',
        'full_name',
        'last_name',
        'first_name',
        'picture',
        'joined_on',
        'last_accessed_on',
        'is_suspended',
        'roles',
      ]);
      const second = await Organizations.getOrganizationUsers({
        orgCode,
        nextToken: first.next_token ?? null,
      });
      const emails = [
        ...(first.organization_users ?? []),
        ...(second.organization_users ?? []),
      ].map((user) => user.email ?? '');
      expect(emails).toEqual([...emails].sort());
      const admins = await Organizations.getOrganizationUsers({
        orgCode,
        pageSize: 500,
        roles: 'admin',
      });
      expect(admins.organization_users?.length).toBeGreaterThan(0);
      expect(admins.organization_users?.every((user) => user.roles?.includes('admin'))).toBe(true);
    });

    it('adds, updates (roles added, never taken) and removes org users', async () => {
      const orgCode = await newOrg();
      const [a = '', b = ''] = seed.users.slice(0, 2).map((user) => user.id);
      const added = await Organizations.addOrganizationUsers({
        orgCode,
        requestBody: { users: [{ id: a, roles: ['member'] }, { id: b }] },
      });
      expect(added).toEqual({ code: 'OK', message: 'Success', users_added: [a, b] });

      const updated = await Organizations.updateOrganizationUsers({
        orgCode,
        requestBody: {
          users: [
            { id: a, roles: ['billing'] },
            { id: b, operation: 'delete' },
          ],
        },
      });
      expect(updated).toEqual({
        message: 'Success',
        code: 'OK',
        users_added: [],
        users_updated: [a],
        users_removed: [b],
      });
      const listed = await Organizations.getOrganizationUsers({ orgCode });
      expect(listed.organization_users?.map((user) => [user.id, user.roles])).toEqual([
        [a, ['member', 'billing']],
      ]);

      expect(await Organizations.removeOrganizationUser({ orgCode, userId: a })).toEqual({
        code: 'OK',
        message: 'Success',
      });
      const again = await sdkError(Organizations.removeOrganizationUser({ orgCode, userId: a }));
      expect(again.status).toBe(400);
      expect(again.body).toMatchObject({ errors: [{ code: 'ORGANIZATION_USER_NOT_FOUND' }] });
    });

    it('refuses more than 100 users in one request', async () => {
      const orgCode = await newOrg();
      const error = await sdkError(
        Organizations.addOrganizationUsers({
          orgCode,
          requestBody: { users: seed.users.slice(0, 101).map((user) => ({ id: user.id })) },
        }),
      );
      expect(error.status).toBe(400);
      expect(error.body).toMatchObject({ errors: [{ code: 'TOO_MANY_USERS', field: 'users' }] });
    });

    it('reads, adds and deletes a member’s roles by role id', async () => {
      const orgCode = await newOrg();
      const userId = seed.users[2]?.id ?? '';
      await Organizations.addOrganizationUsers({
        orgCode,
        requestBody: { users: [{ id: userId, roles: ['member'] }] },
      });
      const roles = await Roles.getRoles({ sort: 'key_asc', pageSize: 50 });
      expect(roles.roles?.map((role) => role.key)).toEqual([
        'admin',
        'billing',
        'manager',
        'member',
        'support',
      ]);
      const support = roles.roles?.find((role) => role.key === 'support');
      expect(support).toMatchObject({ name: 'Support', is_default_role: false });
      await Organizations.createOrganizationUserRole({
        orgCode,
        userId,
        requestBody: { role_id: support?.id ?? '' },
      });
      const held = await Organizations.getOrganizationUserRoles({ orgCode, userId });
      expect(held.roles?.map((role) => role.key)).toEqual(['member', 'support']);
      const member = held.roles?.find((role) => role.key === 'member');
      await Organizations.deleteOrganizationUserRole({ orgCode, userId, roleId: member?.id ?? '' });
      const after = await Organizations.getOrganizationUserRoles({ orgCode, userId });
      expect(after.roles).toEqual([{ id: support?.id, key: 'support', name: 'Support' }]);
    });

    it('creates (201), lists, reads and revokes an org invite', async () => {
      const orgCode = await newOrg();
      const created = await Organizations.createOrganizationInvite({
        orgCode,
        requestBody: {
          email: 'New.Person@Example.com',
          roles: ['admin', 'manager'],
          first_name: 'New',
        },
      });
      expect(created.code).toBe('INVITATION_CREATED');
      expect(created.message).toBe('Invitation created');
      const invite = created.invite;
      expect(invite).toMatchObject({
        email: 'new.person@example.com',
        first_name: 'New',
        last_name: null,
        full_name: 'New',
        is_sent: false,
        accepted_on: null,
        is_revoked: false,
        roles: [
          { key: 'admin', name: 'Admin' },
          { key: 'manager', name: 'Manager' },
        ],
      });
      expect(invite?.id).toBe(invite?.code);
      expect(invite?.invite_link).toBe(
        `${server.origin}/sandbox/kinde/team_invitation?code=${invite?.code ?? ''}`,
      );

      const read = await Organizations.getOrganizationInvite({
        orgCode,
        inviteCode: invite?.code ?? '',
      });
      expect(read).toEqual({ message: 'Success', ...invite });

      await Organizations.deleteOrganizationInvite({ orgCode, inviteCode: invite?.code ?? '' });
      const pending = await Organizations.getOrganizationInvites({ orgCode });
      expect(pending.invites).toEqual([]);
      expect(pending.next_token).toBeUndefined();
      const withRevoked = await Organizations.getOrganizationInvites({
        orgCode,
        includeRevoked: true,
      });
      expect(withRevoked.invites?.map((row) => [row.code, row.is_revoked])).toEqual([
        [invite?.code, true],
      ]);

      const missing = await sdkError(
        Organizations.getOrganizationInvite({ orgCode, inviteCode: 'inv_000000000000' }),
      );
      expect(missing.status).toBe(404);
      expect(missing.body).toEqual({
        errors: { code: 'INVITATION_NOT_FOUND', message: 'Invitation not found' },
      });
    });

    it('surfaces EMAIL_TOO_LONG and a missing roles list as 400s', async () => {
      const orgCode = await newOrg();
      const tooLong = await sdkError(
        Organizations.createOrganizationInvite({
          orgCode,
          requestBody: { email: `${'x'.repeat(245)}@example.com`, roles: ['member'] },
        }),
      );
      expect(tooLong.status).toBe(400);
      expect(tooLong.body).toMatchObject({ errors: [{ code: 'EMAIL_TOO_LONG', field: 'email' }] });
      const noRoles = await sdkError(
        Organizations.createOrganizationInvite({
          orgCode,
          requestBody: { email: 'someone@example.com', roles: [] },
        }),
      );
      expect(noRoles.body).toMatchObject({ errors: [{ code: 'ROLE_REQUIRED', field: 'roles' }] });
    });

    it('lists users with exact e-mail filters, and searches them by part of a name', async () => {
      const [first, second] = seed.users;
      const listed = await Users.getUsers({
        email: `${first?.email.toUpperCase() ?? ''},${second?.email ?? ''}`,
        expand: 'organizations',
      });
      expect(listed.users?.map((user) => user.id)).toEqual([first?.id, second?.id]);
      expect(listed.users?.[0]?.organizations).toEqual(
        seed.memberships.filter((row) => row.userId === first?.id).map((row) => row.orgCode),
      );
      expect((await Users.getUsers({ email: first?.email.slice(0, 5) ?? '' })).users).toEqual([]);

      const paged = await Users.getUsers({ pageSize: 3 });
      expect(paged.users).toHaveLength(3);
      expect(paged.next_token).toBeTruthy();

      const lastName = first?.last_name ?? '';
      const found = await Search.searchUsers({ query: lastName.toLowerCase(), pageSize: 50 });
      expect(found.results?.length).toBeGreaterThan(0);
      for (const user of found.results ?? [])
        expect(
          `${user.email ?? ''} ${user.first_name ?? ''} ${user.last_name ?? ''}`.toLowerCase(),
        ).toContain(lastName.toLowerCase());
      const next = await Search.searchUsers({
        query: '*',
        pageSize: 2,
        startingAfter: found.results?.[0]?.id ?? null,
      });
      expect(next.results).toHaveLength(2);
      const both = await sdkError(
        Search.searchUsers({ query: '*', startingAfter: 'kp_a', endingBefore: 'kp_b' }),
      );
      expect(both.body).toMatchObject({ errors: [{ code: 'TOO_MANY_PARAMETERS' }] });
    });
  });

  describe('roles, permissions, feature flags, a user’s orgs and logos', () => {
    const seed = seedKinde();
    const sdkError = async (promise: Promise<unknown>): Promise<ApiError> => {
      const error = await promise.then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(ApiError);
      return error as ApiError;
    };

    async function orgWithMember(userIndex: number): Promise<{ orgCode: string; userId: string }> {
      const created = await Organizations.createOrganization({
        requestBody: { name: 'SDK Access' },
      });
      const orgCode = created.organization?.code ?? '';
      const userId = seed.users[userIndex]?.id ?? '';
      await Organizations.addOrganizationUsers({
        orgCode,
        requestBody: { users: [{ id: userId, roles: ['member'] }] },
      });
      return { orgCode, userId };
    }

    const permissionId = (key: string) => seed.permissions.find((p) => p.key === key)?.id ?? '';

    it('lists the permission catalogue, sorted and paged', async () => {
      const first = await Permissions.getPermissions({ sort: 'name_asc', pageSize: 5 });
      expect(first.code).toBe('OK');
      expect(first.permissions).toHaveLength(5);
      expect(Object.keys(first.permissions?.[0] ?? {})).toEqual([
        'id',
        'key',
        'name',
        'description',
      ]);
      const listed = [...(first.permissions ?? [])];
      for (let token = first.next_token; token;) {
        const page = await Permissions.getPermissions({ nextToken: token });
        expect(page.permissions?.length).toBeLessThanOrEqual(5);
        listed.push(...(page.permissions ?? []));
        token = page.next_token;
      }
      const names = listed.map((p) => p.name);
      expect(names).toHaveLength(seed.permissions.length);
      expect(names).toEqual(seed.permissions.map((p) => p.name).sort((a, b) => a.localeCompare(b)));
    });

    it('grants, lists (with expand=roles) and withdraws a member’s permissions by id', async () => {
      const { orgCode, userId } = await orgWithMember(10);
      expect(
        await Organizations.createOrganizationUserPermission({
          orgCode,
          userId,
          requestBody: { permission_id: permissionId('read:reports') },
        }),
      ).toEqual({ code: 'OK', message: 'Success' });
      await Organizations.createOrganizationUserPermission({
        orgCode,
        userId,
        requestBody: { permission_id: permissionId('read:audit_log') },
      });
      const expanded = await Organizations.getOrganizationUserPermissions({
        orgCode,
        userId,
        expand: 'roles',
      });
      const member = seed.roles.find((role) => role.key === 'member');
      expect(expanded.permissions?.map((p) => [p.key, p.roles])).toEqual([
        ['read:reports', []],
        ['read:reports', [{ id: member?.id, key: 'member' }]],
        ['read:projects', [{ id: member?.id, key: 'member' }]],
        ['write:projects', [{ id: member?.id, key: 'member' }]],
        ['read:audit_log', []],
      ]);
      await Organizations.deleteOrganizationUserPermission({
        orgCode,
        userId,
        permissionId: permissionId('read:audit_log'),
      });
      const plain = await Organizations.getOrganizationUserPermissions({ orgCode, userId });
      expect(plain.permissions?.map((p) => p.key)).toEqual([
        'read:reports',
        'read:projects',
        'write:projects',
      ]);
      expect(plain.permissions?.[0]).not.toHaveProperty('roles');
      const again = await sdkError(
        Organizations.deleteOrganizationUserPermission({
          orgCode,
          userId,
          permissionId: permissionId('read:audit_log'),
        }),
      );
      expect(again.status).toBe(400);
      expect(again.body).toMatchObject({ errors: [{ code: 'PERMISSION_NOT_FOUND' }] });
    });

    it('adds and deletes a member’s role, then bulk-updates roles with PATCH', async () => {
      const { orgCode, userId } = await orgWithMember(11);
      const roleId = (key: string) => seed.roles.find((role) => role.key === key)?.id ?? '';
      await Organizations.createOrganizationUserRole({
        orgCode,
        userId,
        requestBody: { role_id: roleId('manager') },
      });
      await Organizations.deleteOrganizationUserRole({ orgCode, userId, roleId: roleId('member') });
      await Organizations.updateOrganizationUsers({
        orgCode,
        requestBody: { users: [{ id: userId, roles: ['support'] }] },
      });
      const held = await Organizations.getOrganizationUserRoles({ orgCode, userId });
      expect(held.roles?.map((role) => role.key)).toEqual(['manager', 'support']);
    });

    it('bulk-gives roles and permissions with PATCH, filters by them, and refuses an unknown key whole', async () => {
      const { orgCode, userId: a } = await orgWithMember(12);
      const b = seed.users[13]?.id ?? '';
      await Organizations.addOrganizationUsers({
        orgCode,
        requestBody: { users: [{ id: b, roles: ['member'] }] },
      });
      const updated = await Organizations.updateOrganizationUsers({
        orgCode,
        requestBody: {
          users: [
            { id: a, roles: ['support'], permissions: ['read:audit_log'] },
            { id: b, permissions: ['read:audit_log', 'manage:settings'] },
          ],
        },
      });
      expect(updated).toEqual({
        message: 'Success',
        code: 'OK',
        users_added: [],
        users_updated: [a, b],
        users_removed: [],
      });
      // A permission sent in the PATCH is a direct grant: a row without roles under expand=roles.
      const expanded = await Organizations.getOrganizationUserPermissions({
        orgCode,
        userId: b,
        expand: 'roles',
      });
      const direct = expanded.permissions?.filter((p) => p.roles?.length === 0).map((p) => p.key);
      expect(direct?.sort()).toEqual(['manage:settings', 'read:audit_log']);
      const held = await Organizations.getOrganizationUserRoles({ orgCode, userId: a });
      expect(held.roles?.map((role) => role.key)).toEqual(['member', 'support']);
      const withBoth = await Organizations.getOrganizationUsers({
        orgCode,
        permissions: 'read:audit_log,manage:settings',
      });
      expect(withBoth.organization_users?.map((user) => user.id)).toEqual([b]);
      const withAudit = await Organizations.getOrganizationUsers({
        orgCode,
        permissions: 'read:audit_log',
        roles: 'support',
      });
      expect(withAudit.organization_users?.map((user) => user.id)).toEqual([a]);

      const refused = await sdkError(
        Organizations.updateOrganizationUsers({
          orgCode,
          requestBody: {
            users: [
              { id: a, roles: ['manager'] },
              { id: b, permissions: ['no:such_permission'] },
            ],
          },
        }),
      );
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({
        errors: [{ code: 'PERMISSION_NOT_FOUND', field: 'permissions' }],
      });
      const unchanged = await Organizations.getOrganizationUserRoles({ orgCode, userId: a });
      expect(unchanged.roles?.map((role) => role.key)).toEqual(['member', 'support']);
    });

    it('reads the environment’s flags and an org’s, overrides, and deletes one and all overrides', async () => {
      const environment = await Environments.getEnvironementFeatureFlags();
      expect(environment.feature_flags).toEqual(
        Object.fromEntries(
          seed.featureFlags.map((flag) => [
            flag.key,
            { type: flag.type, value: flag.default_value },
          ]),
        ),
      );
      const { orgCode } = await orgWithMember(12);
      expect(
        await Organizations.updateOrganizationFeatureFlagOverride({
          orgCode,
          featureFlagKey: 'max_seats',
          value: '25',
        }),
      ).toEqual({ code: 'OK', message: 'Success' });
      await Organizations.updateOrganizationFeatureFlagOverride({
        orgCode,
        featureFlagKey: 'theme',
        value: 'dark',
      });
      const org = await Organizations.getOrganizationFeatureFlags({ orgCode });
      expect(org.feature_flags?.['max_seats']).toEqual({ type: 'int', value: '25' });
      expect(org.feature_flags?.['theme']).toEqual({ type: 'str', value: 'dark' });
      expect(org.feature_flags?.['beta_dashboard']).toEqual(
        environment.feature_flags?.['beta_dashboard'],
      );

      await Organizations.deleteOrganizationFeatureFlagOverride({
        orgCode,
        featureFlagKey: 'theme',
      });
      expect(
        (await Organizations.getOrganizationFeatureFlags({ orgCode })).feature_flags?.['theme'],
      ).toEqual(environment.feature_flags?.['theme']);
      await Organizations.deleteOrganizationFeatureFlagOverrides({ orgCode });
      expect((await Organizations.getOrganizationFeatureFlags({ orgCode })).feature_flags).toEqual(
        environment.feature_flags,
      );

      const mistyped = await sdkError(
        Organizations.updateOrganizationFeatureFlagOverride({
          orgCode,
          featureFlagKey: 'max_seats',
          value: 'lots',
        }),
      );
      expect(mistyped.status).toBe(400);
      expect(mistyped.body).toEqual({
        errors: [
          {
            code: 'INVALID_FEATURE_FLAG_VALUE',
            message: 'Feature flag max_seats expects a whole number',
            field: 'value',
          },
        ],
      });
    });

    it('reads a user with their org codes', async () => {
      const user = seed.users[30];
      const read = await Users.getUserData({ id: user?.id ?? '', expand: 'organizations' });
      expect(read).toMatchObject({
        id: user?.id,
        preferred_email: user?.email,
        first_name: user?.first_name,
        organizations: seed.memberships
          .filter((row) => row.userId === user?.id)
          .map((row) => row.orgCode),
      });
      expect(read).not.toHaveProperty('code');
      const unknown = await sdkError(Users.getUserData({ id: 'kp_nobody' }));
      expect(unknown.status).toBe(400);
    });

    it('uploads, reads and deletes light and dark logos', async () => {
      const { orgCode } = await orgWithMember(13);
      const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
      expect(
        await Organizations.addOrganizationLogo({
          orgCode,
          type: 'dark',
          formData: { logo: new File([png], 'night.png', { type: 'image/png' }) },
        }),
      ).toEqual({ code: 'OK', message: 'Success' });
      const logos = await Organizations.readOrganizationLogo({ orgCode });
      expect(logos.logos?.map(({ type, file_name }) => [type, file_name])).toEqual([
        ['dark', 'night.png'],
      ]);
      expect(logos.logos?.[0]?.path).toMatch(/^\/sandbox\/images\/[a-f0-9]{32}\.png$/);
      const org = await Organizations.getOrganization({ code: orgCode });
      expect(org.logo).toBeNull();
      expect(org.logo_dark).toBe(`${server.origin}${logos.logos?.[0]?.path ?? ''}`);

      const wrong = await sdkError(
        Organizations.addOrganizationLogo({
          orgCode,
          type: 'light',
          formData: { logo: new File(['not an image'], 'notes.txt', { type: 'text/plain' }) },
        }),
      );
      expect(wrong.status).toBe(400);
      expect(wrong.body).toMatchObject({ errors: [{ code: 'INVALID_FILE_TYPE', field: 'logo' }] });

      expect(await Organizations.deleteOrganizationLogo({ orgCode, type: 'dark' })).toEqual({
        code: 'OK',
        message: 'Success',
      });
      await Organizations.deleteOrganizationLogo({ orgCode, type: 'dark' });
      expect((await Organizations.readOrganizationLogo({ orgCode })).logos).toEqual([]);
    });
  });
});
