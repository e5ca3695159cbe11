import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../server/testing/test-server';
import type { ProviderKind } from '../domain';
import { ApiError } from '../errors';
import type { OrgAdminApi } from '../org-admin-api';
import type { AdapterOptions } from '../providers/shared';
import {
  apiErrorOf as expectApiError,
  declaredAdapter,
  undeclared,
  uniqueSuffix as unique,
} from './helpers';

export interface PeopleContractOptions {
  readonly connectionId: string;
  readonly provider: ProviderKind;
  readonly createApi: (options: AdapterOptions) => OrgAdminApi;
  /** A seeded org with at least 12 members (paging, search and role filter run on it). */
  readonly orgWithMembers: (api: OrgAdminApi) => Promise<string>;
  /**
   * Ids of existing users who are not members of `orgId`, for add-member tests. Defaults to the
   * provider's user search.
   */
  readonly usersToAdd?: (
    api: OrgAdminApi,
    orgId: string,
    count: number,
    server: TestServer,
  ) => Promise<string[]>;
  /** An org the suite may change freely; defaults to a new org created through the adapter. */
  readonly freshOrg?: (api: OrgAdminApi) => Promise<string>;
}

/**
 * One contract for members, invitations, user search and the role catalogue, run over real HTTP
 * through the gateway to the sandbox. What it checks follows the adapter's declared capabilities.
 */
export function runPeopleContract(options: PeopleContractOptions): void {
  describe(`${options.provider} adapter: people contract`, () => {
    const declared = declaredAdapter(options.createApi);
    let server: TestServer;
    let api: OrgAdminApi;
    let seeded: string;

    beforeAll(async () => {
      server = await startTestServer();
      api = options.createApi({ baseUrl: server.upstreamUrl(options.connectionId) });
      seeded = await options.orgWithMembers(api);
    });
    afterAll(async () => {
      await server.close();
    });

    const people = () => api.capabilities.people;
    const freshOrg = async (): Promise<string> => {
      if (options.freshOrg) return options.freshOrg(api);
      const slug = api.capabilities.slug;
      const { organization } = await api.organizations.create({
        name: `People Contract ${unique()}`,
        ...(slug?.onCreate ? { slug: `people-${unique()}` } : {}),
        fields: {},
      });
      return organization.id;
    };
    const usersToAdd = async (orgId: string, count: number): Promise<string[]> => {
      if (options.usersToAdd) return options.usersToAdd(api, orgId, count, server);
      if (!api.users) throw new Error('no user search: pass usersToAdd');
      const members = new Set(
        (await api.members?.listAll(orgId))?.items.map((m) => m.userId) ?? [],
      );
      const users = await api.users.search({ search: '', limit: 100 });
      return users
        .filter((user) => !members.has(user.id))
        .slice(0, count)
        .map((user) => user.id);
    };
    const firstRole = async (orgId: string): Promise<string[]> => {
      if (!api.roles) return [];
      const roles = await api.roles.list(orgId);
      const role = roles.find((candidate) => !/admin|owner/i.test(candidate.key)) ?? roles[0];
      return role ? [role.key] : [];
    };

    it('declares api groups exactly where it declares capabilities', () => {
      expect(api.members !== undefined).toBe(people().members !== null);
      expect(api.invitations !== undefined).toBe(people().invitations !== null);
      expect(api.users !== undefined).toBe(people().userSearch);
      expect(api.roles !== undefined).toBe(people().roleCatalogue);
      expect(api.users?.organizationsOf !== undefined).toBe(people().userOrganizations);
      const members = people().members;
      if (members) {
        expect(api.members?.add !== undefined).toBe(members.add);
        expect(api.members?.remove !== undefined).toBe(members.remove);
        expect(api.members?.setRoles !== undefined).toBe(members.changeRole);
        expect(api.members?.addMany !== undefined).toBe(members.bulkAdd !== undefined);
      }
      const invitations = people().invitations;
      if (invitations) {
        expect(api.invitations?.revoke !== undefined).toBe(invitations.revoke);
        expect(api.invitations?.resend !== undefined).toBe(invitations.resend === 'native');
        expect(api.invitations?.createMany !== undefined).toBe(invitations.bulk !== null);
      }
    });

    describe('members', () => {
      it.skipIf(!declared.members)(
        'lists members with ids, roles and at least a name or an email (needs members)',
        async () => {
          if (!api.members) throw undeclared();
          const page = await api.members.list(seeded, {
            page: 1,
            pageSize: 10,
            search: '',
            role: null,
            sort: null,
          });
          expect(page.items.length).toBeGreaterThan(0);
          expect(page.items.length).toBeLessThanOrEqual(10);
          for (const member of page.items) {
            expect(member.userId).not.toBe('');
            expect(member.name ?? member.email).toBeTruthy();
            expect(Array.isArray(member.roles)).toBe(true);
          }
          if (people().members?.total) expect(page.total).toBeGreaterThanOrEqual(12);
        },
      );

      it.skipIf(!declared.members)(
        'pages forward without repeating members (needs members)',
        async () => {
          if (!api.members) throw undeclared();
          const first = await api.members.list(seeded, {
            page: 1,
            pageSize: 5,
            search: '',
            role: null,
            sort: null,
          });
          const second = await api.members.list(seeded, {
            page: 2,
            pageSize: 5,
            search: '',
            role: null,
            sort: null,
          });
          expect(first.hasMore).toBe(true);
          expect(second.items.length).toBeGreaterThan(0);
          const seen = new Set(first.items.map((member) => member.userId));
          for (const member of second.items) expect(seen.has(member.userId)).toBe(false);
        },
      );

      it.skipIf(!declared.members)(
        'loads every member for browser-side search (needs members)',
        async () => {
          if (!api.members) throw undeclared();
          const all = await api.members.listAll(seeded);
          expect(all.complete).toBe(true);
          expect(all.items.length).toBeGreaterThanOrEqual(12);
          expect(new Set(all.items.map((member) => member.userId)).size).toBe(all.items.length);
        },
      );

      it.skipIf(!declared.members || declared.capabilities.people.members?.search !== 'server')(
        'searches members on the server when it declares server search (needs server member search)',
        async () => {
          if (!api.members || people().members?.search !== 'server') throw undeclared();
          const all = await api.members.listAll(seeded);
          const target = all.items.find((member) => member.email);
          const needle = target?.email?.split('@')[0] ?? '';
          const page = await api.members.list(seeded, {
            page: 1,
            pageSize: 50,
            search: needle,
            role: null,
            sort: null,
          });
          expect(page.items.map((member) => member.userId)).toContain(target?.userId);
        },
      );

      it.skipIf(!declared.members || declared.capabilities.people.members?.roleFilter !== 'server')(
        'filters by role on the server when it declares it (needs a server role filter)',
        async () => {
          if (!api.members || people().members?.roleFilter !== 'server') throw undeclared();
          const all = await api.members.listAll(seeded);
          const role = all.items.flatMap((member) => member.roles)[0]?.key ?? '';
          const page = await api.members.list(seeded, {
            page: 1,
            pageSize: 50,
            search: '',
            role,
            sort: null,
          });
          expect(page.items.length).toBeGreaterThan(0);
          for (const member of page.items) expect(member.roles.map((r) => r.key)).toContain(role);
        },
      );

      it.skipIf(
        !declared.members || declared.capabilities.people.members?.permissionFilter !== 'server',
      )(
        'filters by permission on the server when it declares it (needs a server permission filter)',
        async () => {
          if (!api.members || people().members?.permissionFilter !== 'server') throw undeclared();
          if (!api.access?.permissions) throw new Error('a permission filter needs permissions');
          const all = await api.members.listAll(seeded);
          const holders = new Map<string, string[]>();
          for (const member of all.items.slice(0, 6)) {
            const keys = (await api.access.permissions(seeded, member.userId)).map((p) => p.key);
            holders.set(member.userId, keys);
          }
          const permission = [...holders.values()].flat()[0] ?? '';
          expect(permission).not.toBe('');
          const page = await api.members.list(seeded, {
            page: 1,
            pageSize: 500,
            search: '',
            role: null,
            permission,
            sort: null,
          });
          const listed = new Set(page.items.map((member) => member.userId));
          expect(listed.size).toBeGreaterThan(0);
          expect(listed.size).toBeLessThanOrEqual(all.items.length);
          // Those checked are listed exactly when they hold it.
          for (const [userId, keys] of holders)
            expect(listed.has(userId), userId).toBe(keys.includes(permission));
        },
      );

      it.skipIf(!declared.members?.addMany)(
        'adds several users in one bulk call, each with an outcome, where it declares so (needs bulk add)',
        async () => {
          if (!api.members?.addMany) throw undeclared();
          const orgId = await freshOrg();
          const userIds = await usersToAdd(orgId, 3);
          expect(userIds).toHaveLength(3);
          const roles = await firstRole(orgId);
          const [first, ...rest] = userIds as [string, ...string[]];
          // One of them is a member already: that one alone fails.
          await api.members.add?.(orgId, { userId: first, roles });
          const outcomes = await api.members.addMany(
            orgId,
            userIds.map((userId) => ({ userId, roles })),
          );
          expect(outcomes.map((outcome) => outcome.userId)).toEqual(userIds);
          expect(outcomes.map((outcome) => outcome.ok)).toEqual([false, true, true]);
          const failed = outcomes[0];
          expect(failed && !failed.ok ? failed.error : null).toBeInstanceOf(ApiError);
          const members = (await api.members.listAll(orgId)).items;
          for (const userId of rest) {
            const member = members.find((m) => m.userId === userId);
            expect(member, userId).toBeDefined();
            if (roles[0]) expect(member?.roles.map((r) => r.key)).toContain(roles[0]);
          }
        },
      );

      it.skipIf(!declared.members?.add)(
        'adds an existing user, who then appears with the role given (needs add member)',
        async () => {
          if (!api.members?.add) throw undeclared();
          const orgId = await freshOrg();
          const [userId] = await usersToAdd(orgId, 1);
          const roles = await firstRole(orgId);
          await api.members.add(orgId, { userId: userId ?? '', roles });
          const member = (await api.members.listAll(orgId)).items.find((m) => m.userId === userId);
          expect(member).toBeDefined();
          if (roles[0]) expect(member?.roles.map((r) => r.key)).toContain(roles[0]);
        },
      );

      it.skipIf(!declared.members?.add || !declared.members.setRoles || !declared.roles)(
        'changes a member’s role (needs add member, role change and a role catalogue)',
        async () => {
          if (!api.members?.add || !api.members.setRoles || !api.roles) throw undeclared();
          const orgId = await freshOrg();
          const [userId] = await usersToAdd(orgId, 1);
          const roles = await api.roles.list(orgId);
          expect(roles.length).toBeGreaterThanOrEqual(2);
          const [from, to] = roles as [(typeof roles)[number], (typeof roles)[number]];
          await api.members.add(orgId, { userId: userId ?? '', roles: [from.key] });
          await api.members.setRoles(orgId, userId ?? '', [to.key]);
          const member = (await api.members.listAll(orgId)).items.find((m) => m.userId === userId);
          expect(member?.roles.map((r) => r.key)).toEqual([to.key]);
        },
      );

      it.skipIf(!declared.members?.remove)(
        'removes a member, who is then gone (needs remove member)',
        async () => {
          if (!api.members?.remove) throw undeclared();
          const orgId = await freshOrg();
          let userId: string;
          if (api.members.add) {
            [userId = ''] = await usersToAdd(orgId, 1);
            await api.members.add(orgId, { userId, roles: await firstRole(orgId) });
          } else {
            const all = await api.members.listAll(seeded);
            userId = all.items[all.items.length - 1]?.userId ?? '';
            await api.members.remove(seeded, userId);
            expect((await api.members.listAll(seeded)).items.map((m) => m.userId)).not.toContain(
              userId,
            );
            return;
          }
          await api.members.remove(orgId, userId);
          expect((await api.members.listAll(orgId)).items.map((m) => m.userId)).not.toContain(
            userId,
          );
        },
      );

      it.skipIf(!declared.members?.remove)(
        'reports removing someone who is not a member as an error with the provider’s message (needs remove member)',
        async () => {
          if (!api.members?.remove) throw undeclared();
          const orgId = await freshOrg();
          const error = await expectApiError(api.members.remove(orgId, 'user_not_a_member_000'));
          expect(['not_found', 'validation']).toContain(error.kind);
          expect(error.message.length).toBeGreaterThan(0);
        },
      );

      it.skipIf(!declared.members)(
        'reports the members of an unknown org as not_found (needs members)',
        async () => {
          if (!api.members) throw undeclared();
          const error = await expectApiError(
            api.members.list('org_does_not_exist_0000', {
              page: 1,
              pageSize: 5,
              search: '',
              role: null,
              sort: null,
            }),
          );
          expect(['not_found', 'forbidden']).toContain(error.kind);
        },
      );
    });

    describe('invitations', () => {
      it.skipIf(!declared.invitations)(
        'invites an email, which is then listed as pending (needs invitations)',
        async () => {
          if (!api.invitations) throw undeclared();
          const orgId = await freshOrg();
          const email = `invitee-${unique()}@example.com`;
          await api.invitations.create(orgId, { email, roles: await firstRole(orgId) });
          const pending = await api.invitations.listAll(orgId, ['pending']);
          const found = pending.items.find((invitation) => invitation.email === email);
          expect(found?.status).toBe('pending');
        },
      );

      it.skipIf(!declared.invitations)(
        'pages through invitations without repeats (needs invitations)',
        async () => {
          if (!api.invitations) throw undeclared();
          const orgId = await freshOrg();
          const roles = await firstRole(orgId);
          for (let i = 0; i < 3; i++) {
            await api.invitations.create(orgId, {
              email: `paged-${i}-${unique()}@example.com`,
              roles,
            });
          }
          const first = await api.invitations.list(orgId, {
            page: 1,
            pageSize: 2,
            statuses: ['pending'],
          });
          const second = await api.invitations.list(orgId, {
            page: 2,
            pageSize: 2,
            statuses: ['pending'],
          });
          expect(first.items).toHaveLength(2);
          expect(second.items.length).toBeGreaterThan(0);
          const seen = new Set(first.items.map((invitation) => invitation.id));
          for (const invitation of second.items) expect(seen.has(invitation.id)).toBe(false);
        },
      );

      it.skipIf(!declared.invitations?.revoke)(
        'revokes an invitation, which leaves the pending list (needs revoke)',
        async () => {
          if (!api.invitations?.revoke) throw undeclared();
          const orgId = await freshOrg();
          const email = `revoked-${unique()}@example.com`;
          await api.invitations.create(orgId, { email, roles: await firstRole(orgId) });
          const pending = await api.invitations.listAll(orgId, ['pending']);
          const invitation = pending.items.find((item) => item.email === email);
          await api.invitations.revoke(orgId, invitation?.id ?? '');
          const after = await api.invitations.listAll(orgId, ['pending']);
          expect(after.items.map((item) => item.email)).not.toContain(email);
          if (people().invitations?.statuses.includes('revoked')) {
            const revoked = await api.invitations.listAll(orgId, ['revoked']);
            expect(revoked.items.find((item) => item.email === email)?.status).toBe('revoked');
          }
        },
      );

      const statusCaps = declared.capabilities.people.invitations;
      it.skipIf(!declared.invitations?.revoke || !statusCaps?.statuses.includes('revoked'))(
        'answers a revoked-only list as its statusFilter declares (needs revoke and the revoked status)',
        async () => {
          if (!api.invitations?.revoke || !statusCaps) throw undeclared();
          const orgId = await freshOrg();
          const roles = await firstRole(orgId);
          const gone = `gone-${unique()}@example.com`;
          const kept = `kept-${unique()}@example.com`;
          await api.invitations.create(orgId, { email: gone, roles });
          await api.invitations.create(orgId, { email: kept, roles });
          const pending = await api.invitations.listAll(orgId, ['pending']);
          await api.invitations.revoke(
            orgId,
            pending.items.find((item) => item.email === gone)?.id ?? '',
          );
          const revokedOnly = await api.invitations.listAll(orgId, ['revoked']);
          const statusOf = new Map(revokedOnly.items.map((item) => [item.email, item.status]));
          expect(statusOf.get(gone)).toBe('revoked');
          // `plus-pending` providers list the pending ones whatever is asked; the others do not.
          expect(statusOf.get(kept)).toBe(
            statusCaps.statusFilter === 'plus-pending' ? 'pending' : undefined,
          );
        },
      );

      it.skipIf(!declared.invitations)(
        'refuses an invalid email with a validation error (needs invitations)',
        async () => {
          if (!api.invitations) throw undeclared();
          const orgId = await freshOrg();
          const error = await expectApiError(
            api.invitations.create(orgId, { email: 'not-an-email', roles: await firstRole(orgId) }),
          );
          expect(error.kind).toBe('validation');
          expect(error.message.length).toBeGreaterThan(0);
        },
      );

      it.skipIf(!declared.invitations || !declared.capabilities.people.invitations?.defaultRole)(
        'gives an invitation sent without a role the default role it declares (needs a default invitation role)',
        async () => {
          const caps = people().invitations;
          if (!api.invitations || !caps?.defaultRole) throw undeclared();
          // A default only makes sense where a role may be left out.
          expect(caps.roleRequired).toBe(false);
          expect(caps.roles).not.toBeNull();
          const orgId = await freshOrg();
          const email = `default-role-${unique()}@example.com`;
          await api.invitations.create(orgId, { email, roles: [] });
          const listed = (await api.invitations.listAll(orgId, ['pending'])).items.find(
            (invitation) => invitation.email === email,
          );
          expect(listed?.roles.map((role) => role.key)).toEqual([caps.defaultRole]);
          if (api.roles) {
            const catalogue = await api.roles.list(orgId);
            expect(catalogue.map((role) => role.key)).toContain(caps.defaultRole);
          }
        },
      );

      it.skipIf(
        !declared.invitations?.createMany || !declared.capabilities.people.invitations?.bulk,
      )(
        'invites several people in one call where it declares bulk, all then pending (needs bulk invitations)',
        async () => {
          const bulk = people().invitations?.bulk;
          if (!api.invitations?.createMany || !bulk) throw undeclared();
          const orgId = await freshOrg();
          const roles = await firstRole(orgId);
          // Three: fresh orgs may cap members and pending invitations (Clerk's default is 5).
          const emails = Array.from(
            { length: Math.min(bulk.max, 3) },
            (_, index) => `bulk-${index}-${unique()}@example.com`,
          );
          const outcomes = await api.invitations.createMany(
            orgId,
            emails.map((email) => ({ email, roles })),
          );
          // One outcome per address, in the order sent, each invited.
          expect(outcomes.map((outcome) => [outcome.email, outcome.ok])).toEqual(
            emails.map((email) => [email, true]),
          );
          for (const outcome of outcomes) {
            const invitation = outcome.ok ? outcome.invitation : null;
            if (!invitation) continue;
            expect(invitation.email).toBe(outcome.email);
            expect(invitation.status).toBe('pending');
            if (roles[0]) expect(invitation.roles.map((role) => role.key)).toEqual(roles);
          }
          const pending = await api.invitations.listAll(orgId, ['pending']);
          expect(pending.items.map((invitation) => invitation.email).sort()).toEqual(
            [...emails].sort(),
          );
        },
      );

      it.skipIf(
        !declared.invitations?.createMany || !declared.capabilities.people.invitations?.bulk,
      )(
        'invites nobody from a bulk call that has one bad address or is over the limit (needs bulk invitations)',
        async () => {
          const bulk = people().invitations?.bulk;
          if (!api.invitations?.createMany || !bulk) throw undeclared();
          const orgId = await freshOrg();
          const roles = await firstRole(orgId);
          const withBad = await expectApiError(
            api.invitations.createMany(orgId, [
              { email: `fine-${unique()}@example.com`, roles },
              { email: 'not-an-email', roles },
            ]),
          );
          expect(withBad.kind).toBe('validation');
          const tooMany = await expectApiError(
            api.invitations.createMany(
              orgId,
              Array.from({ length: bulk.max + 1 }, (_, index) => ({
                email: `over-${index}-${unique()}@example.com`,
                roles,
              })),
            ),
          );
          expect(tooMany.kind).toBe('validation');
          expect((await api.invitations.listAll(orgId, ['pending'])).items).toEqual([]);
        },
      );

      it.skipIf(!declared.invitations?.resend)(
        'resends natively where it declares so, leaving one pending invitation (needs native resend)',
        async () => {
          if (!api.invitations?.resend) throw undeclared();
          const orgId = await freshOrg();
          const email = `resend-${unique()}@example.com`;
          await api.invitations.create(orgId, { email, roles: await firstRole(orgId) });
          const before = (await api.invitations.listAll(orgId, ['pending'])).items.find(
            (i) => i.email === email,
          );
          if (!before) throw new Error('the new invitation was not listed');
          await api.invitations.resend(orgId, before);
          const after = (await api.invitations.listAll(orgId, ['pending'])).items.filter(
            (i) => i.email === email,
          );
          expect(after).toHaveLength(1);
        },
      );
    });

    describe('users and roles', () => {
      it.skipIf(!declared.users)(
        'searches the provider’s users by part of an email (needs user search)',
        async () => {
          if (!api.users) throw undeclared();
          const some = await api.users.search({ search: '', limit: 20 });
          expect(some.length).toBeGreaterThan(0);
          const email = some.find((user) => user.email)?.email ?? '';
          const needle = email.split('@')[0]?.slice(0, 6) ?? '';
          const found = await api.users.search({ search: needle, limit: 20 });
          expect(found.length).toBeGreaterThan(0);
          for (const user of found) {
            expect(`${user.email ?? ''} ${user.name ?? ''} ${user.id}`.toLowerCase()).toContain(
              needle.toLowerCase(),
            );
          }
        },
      );

      it.skipIf(!declared.users?.organizationsOf || !declared.members)(
        'finds the orgs a user belongs to, where it declares so (needs the orgs of a user)',
        async () => {
          if (!api.users?.organizationsOf || !api.members) throw undeclared();
          const member = (await api.members.listAll(seeded)).items[0];
          const orgs = await api.users.organizationsOf(member?.userId ?? '');
          expect(orgs.map((org) => org.id)).toContain(seeded);
        },
      );

      it.skipIf(!declared.roles)(
        'lists the role catalogue with keys and names (needs a role catalogue)',
        async () => {
          if (!api.roles) throw undeclared();
          const roles = await api.roles.list(seeded);
          expect(roles.length).toBeGreaterThan(0);
          for (const role of roles) {
            expect(role.key).not.toBe('');
            expect(role.name).not.toBe('');
          }
        },
      );
    });
  });
}
