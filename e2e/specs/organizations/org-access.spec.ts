import { expect, injectFault, test } from '../../fixtures';
import { removableMembers } from '../../data';
import { RolesTab } from '../../pages/roles-tab.page';
import { assertToast } from '../../widgets/snackbar';

test.describe('Roles and permissions', () => {
  test('gives a member a role, shows the permissions it brings, and removes it', async ({
    page,
    api,
    caps,
    connectionId,
    baseURL,
    unique,
  }) => {
    test.skip(
      caps.access?.roles !== 'editable' || !caps.access.permissionSources,
      'roles are not editable role by role here',
    );
    const {
      org,
      members: [person],
    } = await removableMembers(api, connectionId, baseURL ?? '', 1, unique);
    const who = person?.email ?? '';
    const held = new Set(
      (await api.access?.roles(org.id, person?.userId ?? ''))?.map((role) => role.key),
    );
    const catalogue = (await api.roles?.list(org.id)) ?? [];
    const role =
      catalogue.find((r) => /admin/i.test(r.key) && !held.has(r.key)) ??
      catalogue.find((r) => !held.has(r.key));
    const roles = new RolesTab(page);
    await roles.goTo(connectionId, org.id, person?.userId ?? '');

    await roles.addRole(who, role?.name ?? '');
    await assertToast(page, `${who} now has ${role?.name ?? ''} in ${org.name}`);
    const brought = (await api.access?.permissions?.(org.id, person?.userId ?? ''))?.find((p) =>
      p.sources.some((source) => source.kind === 'role' && source.role.key === role?.key),
    );
    expect(brought, 'the role brings at least one permission').toBeDefined();
    await roles.assertPermission(who, brought?.name ?? '', `Via ${role?.name ?? ''}`);

    await roles.removeRole(who, role?.name ?? '');
    await assertToast(page, `${who} no longer has ${role?.name ?? ''} in ${org.name}`);
    await expect(roles.permissionRow(who, brought?.name ?? '')).not.toContainText(
      `Via ${role?.name ?? ''}`,
    );
  });

  test('gives two members a role in bulk: the diff first, then one result each, one refused', async ({
    page,
    api,
    caps,
    connectionId,
    baseURL,
    unique,
  }) => {
    test.skip(!caps.access?.bulkGrant, 'roles are not given to many members in one request here');
    const {
      org,
      members: [first, second],
    } = await removableMembers(api, connectionId, baseURL ?? '', 2, unique);
    const [a, b] = [first?.email ?? '', second?.email ?? ''];
    const held = new Set(
      (await api.access?.roles(org.id, first?.userId ?? ''))?.map((role) => role.key),
    );
    const catalogue = (await api.roles?.list(org.id)) ?? [];
    const role =
      catalogue.find((r) => /admin/i.test(r.key) && !held.has(r.key)) ??
      catalogue.find((r) => !held.has(r.key));
    const roleName = role?.name ?? '';
    const roles = new RolesTab(page);
    await roles.goTo(connectionId, org.id, first?.userId ?? '');
    await expect(roles.memberRow(a)).not.toContainText(roleName);
    await roles.selectMember(a);
    await roles.selectMember(b);
    const dialog = await roles.openBulkGive(roleName);

    // The diff: what will change, for whom, before anything is sent.
    await expect(dialog.getByRole('status')).toContainText('2 of 2 members will change');
    for (const who of [a, b]) {
      await expect(roles.bulkRow(dialog, who)).toContainText(`Gets ${roleName}`);
      await expect(roles.bulkRow(dialog, who)).toContainText('—');
    }

    // Kinde refuses the one bulk request; on their own, the first member's change goes through
    // and the second's is refused with the provider's message. Both scoped to this org.
    const refusal = `Role change refused for ${b} (injected)`;
    await injectFault(baseURL ?? '', {
      vendor: connectionId,
      method: 'PATCH',
      path: `/api/v1/organizations/${org.id}/users`,
      status: 400,
    });
    await injectFault(baseURL ?? '', {
      vendor: connectionId,
      method: 'POST',
      path: `/api/v1/organizations/${org.id}/users/${second?.userId ?? ''}/roles`,
      status: 400,
      message: refusal,
    });
    const bulkRequest = page.waitForRequest(
      (request) =>
        request.method() === 'PATCH' &&
        request.url().endsWith(`/api/v1/organizations/${org.id}/users`),
    );
    await dialog.getByRole('button', { name: 'Apply to 2 members' }).click();
    // Both members go in one bulk request first.
    const sent = (await bulkRequest).postDataJSON() as {
      users: { id: string; roles?: string[] }[];
    };
    expect(sent.users).toEqual([
      { id: first?.userId, roles: [role?.key] },
      { id: second?.userId, roles: [role?.key] },
    ]);
    await expect(dialog.getByRole('status').last()).toContainText('2 of 2 done, 1 failed');
    await expect(roles.bulkRow(dialog, a)).toContainText('Done');
    await expect(roles.bulkRow(dialog, b)).toContainText(refusal);
    await assertToast(page, `${roleName}: 1 of 2 changed in ${org.name}`);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(dialog).toBeHidden();

    // The list shows the new roles without a reload.
    await expect(roles.memberRow(a)).toContainText(roleName);
    await expect(roles.memberRow(b)).not.toContainText(roleName);
  });

  test('grants a permission directly and withdraws it', async ({
    page,
    api,
    caps,
    connectionId,
    baseURL,
    unique,
  }) => {
    test.skip(
      caps.access?.permissions !== 'editable',
      'permissions cannot be granted directly here',
    );
    const {
      org,
      members: [person],
    } = await removableMembers(api, connectionId, baseURL ?? '', 1, unique);
    const who = person?.email ?? '';
    const have = new Set(
      (await api.access?.permissions?.(org.id, person?.userId ?? ''))?.map((p) => p.key),
    );
    const permission = (await api.permissions?.list())?.find((p) => !have.has(p.key));
    const roles = new RolesTab(page);
    await roles.goTo(connectionId, org.id, person?.userId ?? '');

    await roles.grantPermission(who, permission?.name ?? '');
    await assertToast(page, `Granted ${permission?.name ?? ''} to ${who}`);
    await roles.assertPermission(who, permission?.name ?? '', 'Granted directly');

    await roles.withdrawPermission(who, permission?.name ?? '');
    await assertToast(page, `Withdrew ${permission?.name ?? ''} from ${who}`);
    await roles.assertNoPermission(who, permission?.name ?? '');
  });

  test('changes a member’s one role to admin and back', async ({
    page,
    api,
    caps,
    connectionId,
    baseURL,
    unique,
  }) => {
    test.skip(
      caps.access === null || caps.access.roles === 'editable' || !caps.people.members?.changeRole,
      'not a one-role provider',
    );
    const {
      org,
      members: [person],
    } = await removableMembers(api, connectionId, baseURL ?? '', 1, unique);
    const who = person?.email ?? '';
    const catalogue = (await api.roles?.list(org.id)) ?? [];
    const admin = catalogue.find((role) => /admin/i.test(role.key));
    const start = (await api.access?.roles(org.id, person?.userId ?? ''))?.[0];
    const roles = new RolesTab(page);
    await roles.goTo(connectionId, org.id, person?.userId ?? '');
    await roles.assertRoles(who, [start?.name ?? '']);

    await roles.changeRole(who, admin?.name ?? '');
    await assertToast(page, `${who} is now ${admin?.name ?? ''} in ${org.name}`);
    await roles.assertRoles(who, [admin?.name ?? '']);

    await roles.changeRole(who, start?.name ?? '');
    await assertToast(page, `${who} is now ${start?.name ?? ''} in ${org.name}`);
    await roles.assertRoles(who, [start?.name ?? '']);
  });
});
