import { expect, test } from '../../fixtures';
import type { OrgAdminApi } from '../../../src/api/org-admin-api';
import { MembersTab } from '../../pages/members-tab.page';
import { insideInnerScrollBox } from '../../widgets/scroll-box';

const MANY = 18;

/** A seeded org with at least `MANY` members (only read here). */
async function orgWithManyMembers(api: OrgAdminApi) {
  const members = api.members;
  if (!members) return null;
  for (const org of (await api.organizations.listAll()).items) {
    const all = await members.listAll(org.id);
    if (all.items.length >= MANY) return { org, count: all.items.length };
  }
  return null;
}

test.describe('Members and Roles with many members', () => {
  test('Members: the page scrolls, not an inner box, and every row is whole', async ({
    page,
    api,
    connectionId,
  }) => {
    const found = await orgWithManyMembers(api);
    test.skip(found === null, `no seeded org here has ${String(MANY)} members`);
    const members = new MembersTab(page);
    await members.goTo(connectionId, found?.org.id ?? '');
    const rows = members.table.getByRole('row');
    await expect(rows.nth(MANY)).toBeVisible();
    expect(await insideInnerScrollBox(members.table)).toBe(false);
    const eleventh = rows.nth(11);
    await eleventh.scrollIntoViewIfNeeded();
    const row = await eleventh.boundingBox();
    const viewport = page.viewportSize();
    expect(row && viewport && row.y >= 0 && row.y + row.height <= viewport.height).toBe(true);
  });

  test('Roles: the member list scrolls with the page, and “Change roles…” stays on one line', async ({
    page,
    api,
    caps,
    connectionId,
  }) => {
    test.skip(!caps.access, 'this provider shows no member roles');
    const found = await orgWithManyMembers(api);
    test.skip(found === null, `no seeded org here has ${String(MANY)} members`);
    await page.goto(`/c/${connectionId}/orgs/${encodeURIComponent(found?.org.id ?? '')}/roles`);
    const list = page.getByRole('list', { name: 'Members' });
    await expect(list.getByRole('listitem').nth(MANY - 1)).toBeVisible();
    expect(await insideInnerScrollBox(list)).toBe(false);

    const bulk = page.getByRole('button', { name: 'Change roles…' });
    const canBulk = caps.access?.roles === 'editable' || caps.people.members?.changeRole === true;
    test.skip(!canBulk, 'roles are not changed in bulk here');
    const field = await page.getByRole('textbox', { name: 'Find a member' }).boundingBox();
    const button = await bulk.boundingBox();
    // One line of small-button text is well under the height of the search field above it.
    expect(button && field && button.height < field.height).toBe(true);
  });
});
