import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../server/testing/test-server';
import type { ProviderKind } from '../domain';
import type { OrgAdminApi } from '../org-admin-api';
import type { FeatureFlag } from '../people';
import type { AdapterOptions } from '../providers/shared';
import { apiErrorOf as expectApiError, declaredAdapter, undeclared } from './helpers';

export interface AccessContractOptions {
  readonly connectionId: string;
  readonly provider: ProviderKind;
  readonly createApi: (options: AdapterOptions) => OrgAdminApi;
  /** An org the suite may change, with at least one member it may change: its id and that member's user id. */
  readonly orgAndMember: (
    api: OrgAdminApi,
    server: TestServer,
  ) => Promise<{ orgId: string; userId: string }>;
}

/**
 * One contract for a member's roles and permissions and for feature-flag overrides, over real
 * HTTP through the gateway to the sandbox; what it checks follows the declared capabilities.
 */
export function runAccessContract(options: AccessContractOptions): void {
  describe(`${options.provider} adapter: access and feature flags contract`, () => {
    const declared = declaredAdapter(options.createApi);
    let server: TestServer;
    let api: OrgAdminApi;
    let orgId: string;
    let userId: string;

    beforeAll(async () => {
      server = await startTestServer();
      api = options.createApi({ baseUrl: server.upstreamUrl(options.connectionId) });
      ({ orgId, userId } = await options.orgAndMember(api, server));
    });
    afterAll(async () => {
      await server.close();
    });

    it('declares api groups exactly where it declares capabilities', () => {
      const access = api.capabilities.access;
      expect(api.access !== undefined).toBe(access !== null);
      if (access) {
        expect(api.access?.addRole !== undefined).toBe(access.roles === 'editable');
        expect(api.access?.removeRole !== undefined).toBe(access.roles === 'editable');
        expect(api.access?.permissions !== undefined).toBe(access.permissions !== null);
        expect(api.access?.addPermission !== undefined).toBe(access.permissions === 'editable');
        expect(api.permissions !== undefined).toBe(access.permissionCatalogue);
        expect(api.access?.grantMany !== undefined).toBe(access.bulkGrant !== undefined);
      }
      const flags = api.capabilities.featureFlags;
      expect(api.featureFlags !== undefined).toBe(flags !== null);
      if (flags) {
        expect(api.featureFlags?.reset !== undefined).toBe(flags.resetOne);
        expect(api.featureFlags?.resetAll !== undefined).toBe(flags.resetAll);
      }
    });

    describe('roles and permissions', () => {
      it.skipIf(!declared.access || !declared.members)(
        'reads a member’s roles as the member list shows them (needs member access and members)',
        async () => {
          if (!api.access || !api.members) throw undeclared();
          const roles = await api.access.roles(orgId, userId);
          const listed = (await api.members.listAll(orgId)).items.find(
            (member) => member.userId === userId,
          );
          expect(roles.map((role) => role.key).sort()).toEqual(
            (listed?.roles ?? []).map((role) => role.key).sort(),
          );
        },
      );

      it.skipIf(!declared.access?.addRole || !declared.access.removeRole || !declared.roles)(
        'gives a role and takes it away again (needs editable roles)',
        async () => {
          if (!api.access?.addRole || !api.access.removeRole || !api.roles) throw undeclared();
          const held = new Set((await api.access.roles(orgId, userId)).map((role) => role.key));
          const role = (await api.roles.list(orgId)).find((candidate) => !held.has(candidate.key));
          expect(role).toBeDefined();
          await api.access.addRole(orgId, userId, role?.key ?? '');
          expect((await api.access.roles(orgId, userId)).map((r) => r.key)).toContain(role?.key);
          await api.access.removeRole(orgId, userId, role?.key ?? '');
          expect((await api.access.roles(orgId, userId)).map((r) => r.key)).not.toContain(
            role?.key,
          );
        },
      );

      it.skipIf(!declared.access?.permissions || !declared.capabilities.access?.permissionSources)(
        'says which role gives each permission, where it declares sources (needs permission sources)',
        async () => {
          if (!api.access?.permissions || !api.capabilities.access?.permissionSources)
            throw undeclared();
          const roles = new Set((await api.access.roles(orgId, userId)).map((role) => role.key));
          const permissions = await api.access.permissions(orgId, userId);
          for (const permission of permissions) {
            expect(permission.sources.length).toBeGreaterThan(0);
            for (const source of permission.sources) {
              if (source.kind === 'role') expect(roles.has(source.role.key)).toBe(true);
            }
          }
        },
      );

      it.skipIf(
        !declared.access?.addPermission ||
          !declared.access.removePermission ||
          !declared.access.permissions ||
          !declared.permissions,
      )('grants a permission directly and withdraws it (needs editable permissions)', async () => {
        if (
          !api.access?.addPermission ||
          !api.access.removePermission ||
          !api.access.permissions ||
          !api.permissions
        )
          throw undeclared();
        const have = new Set((await api.access.permissions(orgId, userId)).map((p) => p.key));
        const permission = (await api.permissions.list()).find(
          (candidate) => !have.has(candidate.key),
        );
        expect(permission).toBeDefined();
        await api.access.addPermission(orgId, userId, permission?.key ?? '');
        const granted = (await api.access.permissions(orgId, userId)).find(
          (p) => p.key === permission?.key,
        );
        expect(granted?.sources.map((source) => source.kind)).toContain('direct');
        await api.access.removePermission(orgId, userId, permission?.key ?? '');
        expect((await api.access.permissions(orgId, userId)).map((p) => p.key)).not.toContain(
          permission?.key,
        );
      });

      it.skipIf(!declared.access?.grantMany || !declared.roles)(
        'gives roles and permissions in one bulk call, with an outcome per member (needs bulk grant)',
        async () => {
          if (!api.access?.grantMany || !api.roles) throw undeclared();
          const held = new Set((await api.access.roles(orgId, userId)).map((role) => role.key));
          const role = (await api.roles.list(orgId)).find((candidate) => !held.has(candidate.key));
          expect(role).toBeDefined();
          const have = new Set(
            (await api.access.permissions?.(orgId, userId))?.map((p) => p.key) ?? [],
          );
          const permission = (await api.permissions?.list())?.find((p) => !have.has(p.key));
          const outcomes = await api.access.grantMany(orgId, [
            { userId, roles: [role?.key ?? ''], permissions: permission ? [permission.key] : [] },
          ]);
          expect(outcomes).toEqual([{ userId, ok: true }]);
          const roles = (await api.access.roles(orgId, userId)).map((r) => r.key);
          expect(roles).toContain(role?.key);
          // Nothing held before is taken away.
          for (const key of held) expect(roles).toContain(key);
          if (permission && api.access.permissions) {
            const granted = (await api.access.permissions(orgId, userId)).find(
              (p) => p.key === permission.key,
            );
            expect(granted?.sources.map((source) => source.kind)).toContain('direct');
            await api.access.removePermission?.(orgId, userId, permission.key);
          }
          await api.access.removeRole?.(orgId, userId, role?.key ?? '');
        },
      );

      it.skipIf(!declared.permissions)(
        'lists the permission catalogue (needs a permission catalogue)',
        async () => {
          if (!api.permissions) throw undeclared();
          const permissions = await api.permissions.list();
          expect(permissions.length).toBeGreaterThan(0);
          for (const permission of permissions) expect(permission.key).not.toBe('');
        },
      );
    });

    describe('feature flags', () => {
      const flagOf = async (type: FeatureFlag['type']) =>
        (await api.featureFlags?.list(orgId))?.find((flag) => flag.type === type);

      it.skipIf(!declared.featureFlags)(
        'lists flags with their type, value and whether the org overrides them (needs feature flags)',
        async () => {
          if (!api.featureFlags) throw undeclared();
          const flags = await api.featureFlags.list(orgId);
          expect(flags.length).toBeGreaterThan(0);
          for (const flag of flags) {
            expect(flag.key).not.toBe('');
            expect(api.capabilities.featureFlags?.types).toContain(flag.type);
            if (!flag.overridden && api.capabilities.featureFlags?.defaults)
              expect(flag.value).toEqual(flag.defaultValue);
          }
        },
      );

      it.skipIf(!declared.featureFlags)(
        'overrides a boolean, an integer and a string flag (needs feature flags)',
        async () => {
          if (!api.featureFlags) throw undeclared();
          for (const [type, make] of [
            ['boolean', (flag: FeatureFlag) => flag.value !== true],
            ['integer', () => 42],
            ['string', () => 'contract-value'],
          ] as const) {
            const flag = await flagOf(type);
            if (!flag) continue;
            const value = make(flag);
            await api.featureFlags.set(orgId, flag.key, value);
            const after = (await api.featureFlags.list(orgId)).find((f) => f.key === flag.key);
            expect(after?.value, type).toEqual(value);
            expect(after?.overridden, type).toBe(true);
          }
        },
      );

      it.skipIf(
        !declared.featureFlags?.reset ||
          !declared.featureFlags.resetAll ||
          !declared.capabilities.featureFlags?.types.includes('integer'),
      )('resets one override, then all of them (needs flag reset and integer flags)', async () => {
        if (!api.featureFlags?.reset || !api.featureFlags.resetAll) throw undeclared();
        const flag = await flagOf('integer');
        if (!flag) throw new Error('The sandbox seeds no integer flag for this org.');
        await api.featureFlags.set(orgId, flag.key, 7);
        await api.featureFlags.reset(orgId, flag.key);
        const after = (await api.featureFlags.list(orgId)).find((f) => f.key === flag.key);
        expect(after?.overridden).toBe(false);
        const text = await flagOf('string');
        if (text) await api.featureFlags.set(orgId, text.key, 'again');
        await api.featureFlags.resetAll(orgId);
        expect((await api.featureFlags.list(orgId)).some((f) => f.overridden)).toBe(false);
      });

      it.skipIf(
        !declared.featureFlags || !declared.capabilities.featureFlags?.types.includes('integer'),
      )('refuses a value of the wrong type (needs integer feature flags)', async () => {
        if (!api.featureFlags) throw undeclared();
        const flag = await flagOf('integer');
        if (!flag) throw new Error('The sandbox seeds no integer flag for this org.');
        const error = await expectApiError(api.featureFlags.set(orgId, flag.key, 'not a number'));
        expect(error.kind).toBe('validation');
      });

      it.skipIf(!declared.featureFlags)(
        'reports an unknown flag as an error with the provider’s message (needs feature flags)',
        async () => {
          if (!api.featureFlags) throw undeclared();
          const error = await expectApiError(api.featureFlags.set(orgId, 'no_such_flag_000', true));
          expect(['not_found', 'validation']).toContain(error.kind);
          expect(error.message.length).toBeGreaterThan(0);
        },
      );
    });
  });
}
