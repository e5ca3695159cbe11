import { expect, injectFault, test } from '../../fixtures';
import { removableMembers, roleNames, usersNotIn } from '../../data';
import { InvitationsTab } from '../../pages/invitations-tab.page';
import { MembersTab } from '../../pages/members-tab.page';
import { assertToast } from '../../widgets/snackbar';

test.describe('Members and invitations', () => {
  test('invites three people in one go: the invalid address is refused, the others are sent; then revokes one', async ({
    orgUnless,
    page,
    api,
    caps,
    connectionId,
    unique,
  }) => {
    const org = await orgUnless(
      !caps.people.invitations?.revoke,
      'this provider cannot invite and revoke',
      'Invite',
    );
    const { basic } = await roleNames(api, org.id);
    const invitations = new InvitationsTab(page);
    await invitations.goTo(connectionId, org.id);
    const ann = `ann-${unique}@example.com`;
    const ben = `ben-${unique}@example.com`;
    const dialog = await invitations.startInvite(
      `${ann}, not-an-email\n${ben}`,
      caps.people.invitations?.roles ? basic : null,
    );
    await invitations.assertCheck(dialog, 'not-an-email', 'Not a valid email address');
    await invitations.assertCheck(dialog, ann, 'Will be invited');
    await invitations.send(dialog, 2);
    await assertToast(page, `2 invited to ${org.name}, 1 refused: not a valid email address`);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await invitations.assertPending(ann);
    await invitations.assertPending(ben);
    await invitations.assertGone('not-an-email');

    await invitations.revoke(ann);
    await assertToast(page, `Revoked the invitation to ${ann}`);
    await invitations.assertGone(ann);
    await invitations.assertPending(ben);
  });

  test('invites in one bulk request answered per address: an address invited meanwhile shows its own refusal', async ({
    orgUnless,
    page,
    api,
    caps,
    connectionId,
    unique,
  }) => {
    const org = await orgUnless(
      connectionId !== 'permit',
      'Permit answers one bulk invite per address',
      'Bulk invite',
    );
    const { basic } = await roleNames(api, org.id);
    const invitations = new InvitationsTab(page);
    await invitations.goTo(connectionId, org.id);
    const ann = `ann-${unique}@example.com`;
    const ben = `ben-${unique}@example.com`;
    const dialog = await invitations.startInvite(
      `${ann}\n${ben}`,
      caps.people.invitations?.roles ? basic : null,
    );
    await invitations.assertCheck(dialog, ben, 'Will be invited');
    // Someone else invites Ben after the dialog checked the pending invitations.
    await api.invitations?.create(org.id, { email: ben, roles: [] });
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && /\/invites(\?|$)/.test(request.url())) {
        posts.push(request.postData() ?? '');
      }
    });
    await invitations.send(dialog, 2);
    await assertToast(page, `1 invited to ${org.name}, 1 failed`);
    expect(posts).toHaveLength(1);
    expect((JSON.parse(posts[0] ?? '[]') as { email: string }[]).map((i) => i.email)).toEqual([
      ann,
      ben,
    ]);
    await expect(
      dialog.getByRole('row').filter({ hasText: ann }).getByText('Invited', { exact: true }),
    ).toBeVisible();
    await invitations.assertCheck(dialog, ben, `An invite for ${ben} is already pending`);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await invitations.assertPending(ann);
    await invitations.assertPending(ben);
  });

  test('adds an existing user to an organization', async ({
    orgUnless,
    page,
    api,
    caps,
    connectionId,
    baseURL,
    unique,
  }) => {
    const org = await orgUnless(
      !caps.people.members?.add,
      'this provider adds members only by invitation',
      'Add',
    );
    const [person] = await usersNotIn(api, connectionId, baseURL ?? '', org.id, 1, unique);
    expect(person).toBeDefined();
    const { basic } = await roleNames(api, org.id);
    const members = new MembersTab(page);
    await members.goTo(connectionId, org.id);
    await members.addMember(
      caps.people.userSearch
        ? {
            search: person?.email.split('@')[0] ?? '',
            option: new RegExp(person?.email.replace(/[.+]/g, '\\$&') ?? ''),
          }
        : { id: person?.userId ?? '' },
      basic,
    );
    // The toast names the user as the dialog knew them: by email when picked, by ID when typed.
    await assertToast(
      page,
      new RegExp(
        `^Added (${escape(person?.email ?? '')}|${person?.userId ?? ''}) to ${escape(org.name)}$`,
      ),
    );
    await members.assertMember(person?.email ?? '', basic ?? undefined);
  });

  test('adds two existing users in one bulk request', async ({
    orgUnless,
    page,
    api,
    caps,
    connectionId,
    baseURL,
    unique,
  }) => {
    const org = await orgUnless(
      !caps.people.members?.bulkAdd || !caps.people.userSearch,
      'users are not added in bulk here',
      'Bulk add',
    );
    const people = await usersNotIn(api, connectionId, baseURL ?? '', org.id, 2, unique);
    expect(people).toHaveLength(2);
    const { basic, basicKey } = await roleNames(api, org.id);
    const members = new MembersTab(page);
    await members.goTo(connectionId, org.id);
    const bulkRequest = page.waitForRequest(
      (request) =>
        request.method() === 'POST' &&
        request.url().endsWith(`/api/v1/organizations/${org.id}/users`),
    );
    const dialog = await members.addMembers(
      people.map((person) => ({
        search: person.email.split('@')[0] ?? '',
        option: new RegExp(person.email.replace(/[.+]/g, '\\$&')),
      })),
      basic,
    );
    const sent = (await bulkRequest).postDataJSON() as { users: { id: string }[] };
    expect(sent.users).toEqual(
      people.map((person) => ({ id: person.userId, ...(basicKey ? { roles: [basicKey] } : {}) })),
    );
    await expect(dialog).toBeHidden();
    await assertToast(page, `Added 2 users to ${org.name}`);
    for (const person of people) await members.assertMember(person.email, basic ?? undefined);
  });

  test('filters members by a permission, kept in the URL', async ({
    page,
    api,
    caps,
    connectionId,
    baseURL,
    unique,
  }) => {
    test.skip(
      caps.people.members?.permissionFilter !== 'server' || caps.access?.permissions !== 'editable',
      'members are not filtered by permission here',
    );
    const {
      org,
      members: [holder, other],
    } = await removableMembers(api, connectionId, baseURL ?? '', 2, unique);
    const have = new Set(
      (await api.access?.permissions?.(org.id, other?.userId ?? ''))?.map((p) => p.key),
    );
    const permission = (await api.permissions?.list())?.find((p) => !have.has(p.key));
    await api.access?.addPermission?.(org.id, holder?.userId ?? '', permission?.key ?? '');
    const members = new MembersTab(page);
    await members.goTo(connectionId, org.id);
    await members.assertMember(other?.email ?? '');
    await members.filterByPermission(permission?.name ?? '');
    await expect(page).toHaveURL(
      new RegExp(`[?&]permission=${encodeURIComponent(permission?.key ?? '')}`),
    );
    await members.assertMember(holder?.email ?? '');
    await members.assertNotMember(other?.email ?? '');
  });

  test('changes a member’s role', async ({ page, api, caps, connectionId, baseURL, unique }) => {
    test.skip(!caps.people.members?.changeRole, 'this provider cannot change member roles');
    const {
      org,
      members: [person],
    } = await removableMembers(api, connectionId, baseURL ?? '', 1, unique);
    const { other } = await roleNames(api, org.id);
    const members = new MembersTab(page);
    await members.goTo(connectionId, org.id, `?q=${encodeURIComponent(person?.email ?? '')}`);
    await members.changeRole(person?.email ?? '', other ?? '');
    await assertToast(page, new RegExp(`is now ${other ?? ''} in`));
    await members.assertMember(person?.email ?? '', other ?? undefined);
  });

  test('removes a member after naming who and from where', async ({
    page,
    api,
    caps,
    connectionId,
    baseURL,
    unique,
  }) => {
    test.skip(!caps.people.members?.remove, 'this provider cannot remove members');
    const {
      org,
      members: [person],
    } = await removableMembers(api, connectionId, baseURL ?? '', 1, unique);
    const members = new MembersTab(page);
    await members.goTo(connectionId, org.id, `?q=${encodeURIComponent(person?.email ?? '')}`);
    await members.remove(person?.email ?? '', org.name);
    await assertToast(page, `Removed ${person?.email ?? ''} from ${org.name}`);
    await members.assertNotMember(person?.email ?? '');
  });

  test('bulk-removes two members: one injected failure is reported while the other succeeds', async ({
    page,
    api,
    caps,
    connectionId,
    baseURL,
    unique,
  }) => {
    test.skip(!caps.people.members?.remove, 'this provider cannot remove members');
    const {
      org,
      members: [first, second],
    } = await removableMembers(api, connectionId, baseURL ?? '', 2, unique);
    await injectFault(baseURL ?? '', {
      vendor: connectionId,
      method: 'DELETE',
      // Scoped to this org: a parallel test may remove the same user from its own org.
      path: `/**/${org.id}/*/${second?.userId ?? ''}`,
      status: 500,
    });
    const members = new MembersTab(page);
    await members.goTo(connectionId, org.id);
    await members.select(first?.email ?? '');
    await members.select(second?.email ?? '');
    const dialog = await members.removeSelected(2, org.name);
    await expect(dialog.getByRole('status')).toContainText('2 of 2 done, 1 failed');
    await expect(dialog.getByText(`1 removed, 1 failed: ${second?.email ?? ''}`)).toBeVisible();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await members.search(first?.email ?? '');
    await members.assertNotMember(first?.email ?? '');
    await members.search(second?.email ?? '');
    await members.assertMember(second?.email ?? '');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
