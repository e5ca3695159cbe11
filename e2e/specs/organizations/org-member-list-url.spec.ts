import { expect, test } from '../../fixtures';
import { createOrg, usersNotIn } from '../../data';
import type { OrgAdminApi } from '../../../src/api/org-admin-api';
import type { ProviderKind } from '../../../src/api/domain';
import { MembersTab } from '../../pages/members-tab.page';

interface RoleSplit {
  readonly org: { id: string; name: string };
  readonly role: { key: string; name: string };
  /** Two members holding `role`. */
  readonly holders: readonly [string, string];
  /** A member without it. */
  readonly other: string;
}

/**
 * Two members with one role and one with another. Added to a new org where the provider can add
 * members; otherwise (NuMind) read from a seeded org, which this test only looks at.
 */
async function roleSplit(
  api: OrgAdminApi,
  connectionId: ProviderKind,
  baseURL: string,
  unique: string,
): Promise<RoleSplit> {
  const members = api.members;
  if (!members) throw new Error('no members API');
  if (members.add) {
    const org = await createOrg(api, 'Member URL', unique);
    const roles = (await api.roles?.list(org.id)) ?? [];
    const role = roles.find((candidate) => !/admin|owner/i.test(candidate.key)) ?? roles[0];
    const otherRole = roles.find((candidate) => candidate !== role);
    if (!role || !otherRole) throw new Error('the catalogue has two roles');
    const people = await usersNotIn(api, connectionId, baseURL, org.id, 3, unique);
    const [a, b, c] = people.map((person) => person.email);
    for (const [index, person] of people.entries()) {
      await members.add(org.id, {
        userId: person.userId,
        roles: [index < 2 ? role.key : otherRole.key],
      });
    }
    if (!a || !b || !c) throw new Error('the directory has three users to add');
    return { org, role: { key: role.key, name: role.name }, holders: [a, b], other: c };
  }
  for (const org of (await api.organizations.listAll()).items) {
    const all = (await members.listAll(org.id)).items.filter((member) => member.email);
    for (const role of new Map(all.flatMap((m) => m.roles).map((r) => [r.key, r])).values()) {
      const holders = all.filter((m) => m.roles.some((r) => r.key === role.key));
      const other = all.find((m) => m.roles.every((r) => r.key !== role.key));
      const [a, b] = holders.map((member) => member.email ?? '');
      if (a && b && other?.email && holders.length <= 20) {
        return {
          org: { id: org.id, name: org.name },
          role: { key: role.key, name: role.name },
          holders: [a, b],
          other: other.email,
        };
      }
    }
  }
  throw new Error('no seeded org with members in two roles');
}

/** What the Member column sorts by: the name where the provider sorts by it, else the email. */
function memberSortField(api: OrgAdminApi): 'name' | 'email' {
  return api.capabilities.people.members?.sortFields.includes('name') ? 'name' : 'email';
}

test.describe('Members: list state in the URL', () => {
  test('keeps the role filter and the sort in the URL, and a reload keeps them', async ({
    page,
    api,
    caps,
    connectionId,
    baseURL,
    unique,
  }) => {
    const memberCaps = caps.people.members;
    test.skip(
      !memberCaps?.roleFilter ||
        !(memberCaps.sortFields.includes('name') || memberCaps.sortFields.includes('email')),
      'this provider cannot filter members by role and sort them',
    );
    const split = await roleSplit(api, connectionId, baseURL ?? '', unique);
    const field = memberSortField(api);
    const members = new MembersTab(page);
    await members.goTo(connectionId, split.org.id);

    await members.region.getByRole('combobox', { name: 'Role' }).click();
    await page.getByRole('option', { name: split.role.name, exact: true }).click();
    const role = `role=${encodeURIComponent(split.role.key).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`;
    await expect(page).toHaveURL(new RegExp(`[?&]${role}(&|$)`));
    await members.assertMember(split.holders[0]);
    await members.assertMember(split.holders[1]);
    await members.assertNotMember(split.other);

    const sortButton = members.table.getByRole('button', { name: 'Member' });
    await sortButton.click();
    await expect(page).toHaveURL(new RegExp(`[?&]sort=${field}(&|$)`));
    const order = async () => {
      const rows = await members.table.locator('tbody tr').allTextContents();
      return split.holders
        .map((email) => ({ email, at: rows.findIndex((text) => text.includes(email)) }))
        .sort((x, y) => x.at - y.at)
        .map((entry) => entry.email);
    };
    // Read the order once the sorted page has loaded.
    await expect(members.table).toHaveAttribute('aria-busy', 'false');
    await members.assertMember(split.holders[0]);
    const ascending = await order();
    await sortButton.click();
    await expect(page).toHaveURL(new RegExp(`[?&]sort=-${field}(&|$)`));
    const descending = [...ascending].reverse();
    await expect.poll(order).toEqual(descending);

    await page.reload();
    await expect(page).toHaveURL(new RegExp(`[?&]${role}(&|$)`));
    await expect(page).toHaveURL(new RegExp(`[?&]sort=-${field}(&|$)`));
    await expect(members.region.getByRole('combobox', { name: 'Role' })).toHaveText(
      split.role.name,
    );
    await members.assertMember(split.holders[0]);
    await members.assertNotMember(split.other);
    await expect.poll(order).toEqual(descending);
  });
});
