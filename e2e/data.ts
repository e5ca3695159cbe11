import { loadAdapter } from '../src/api/adapters';
import type { ProviderKind } from '../src/api/domain';
import type { OrgAdminApi } from '../src/api/org-admin-api';

/**
 * Test data made through the provider's own API (as an admin script would), so each test owns
 * what it changes. Where a provider cannot do something needed for setup, the note says why.
 */

/** The sandbox's signed-in user, for connections that act as a user (NuMind's demo account). */
const SIGNED_IN_EMAIL: Partial<Record<ProviderKind, string>> = {
  numind: 'ada.lovelace@example.com',
};

/** Connections whose users live in another connection's directory (same Clerk instance). */
const USER_DIRECTORY: Partial<Record<ProviderKind, ProviderKind>> = { 'clerk-frontend': 'clerk' };

export interface PersonRef {
  readonly userId: string;
  readonly email: string;
}

export async function createOrg(
  api: OrgAdminApi,
  label: string,
  unique: string,
): Promise<{ id: string; name: string }> {
  const name = `E2E ${label} ${unique}`;
  const { organization } = await api.organizations.create({
    name,
    ...(api.capabilities.slug?.onCreate
      ? { slug: `e2e-${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${unique}` }
      : {}),
    fields: {},
  });
  return { id: organization.id, name: organization.name };
}

/** Users who exist at the provider and are not members of the org. */
export async function usersNotIn(
  api: OrgAdminApi,
  connectionId: ProviderKind,
  baseURL: string,
  orgId: string,
  count: number,
  seed: string,
): Promise<PersonRef[]> {
  const directoryId = USER_DIRECTORY[connectionId] ?? connectionId;
  const directory =
    directoryId === connectionId
      ? api
      : await loadAdapter(directoryId, {
          baseUrl: `${baseURL}/api/connections/${directoryId}/upstream`,
        });
  if (!directory.users) throw new Error(`${connectionId} has no user directory to pick from`);
  const members = new Set((await api.members?.listAll(orgId))?.items.map((m) => m.userId) ?? []);
  const users = (await directory.users.search({ search: '', limit: 200 })).filter(
    (u) => u.email && !members.has(u.id),
  );
  const start = hash(seed) % Math.max(1, users.length - count);
  return users.slice(start, start + count).map((u) => ({ userId: u.id, email: u.email ?? '' }));
}

/** A role other than admin/owner (and a second one), by name, from the catalogue. */
export async function roleNames(
  api: OrgAdminApi,
  orgId: string,
): Promise<{ basic: string | null; other: string | null; basicKey: string | null }> {
  const roles = (await api.roles?.list(orgId)) ?? [];
  const basic = roles.find((role) => !/admin|owner/i.test(role.key)) ?? roles[0];
  const other = roles.find((role) => role !== basic);
  return { basic: basic?.name ?? null, other: other?.name ?? null, basicKey: basic?.key ?? null };
}

/**
 * Members the test may remove: added to a new org where the provider can add members; otherwise
 * (NuMind: members join only by invitation) plain members of a seeded org the signed-in user
 * administers, picked by the test's own seed so parallel tests do not share them.
 */
export async function removableMembers(
  api: OrgAdminApi,
  connectionId: ProviderKind,
  baseURL: string,
  count: number,
  unique: string,
): Promise<{ org: { id: string; name: string }; members: PersonRef[] }> {
  const members = api.members;
  if (!members) throw new Error('no members API');
  if (members.add) {
    const org = await createOrg(api, 'Members', unique);
    const people = await usersNotIn(api, connectionId, baseURL, org.id, count, unique);
    const { basicKey } = await roleNames(api, org.id);
    for (const person of people)
      await members.add(org.id, { userId: person.userId, roles: basicKey ? [basicKey] : [] });
    return { org, members: people };
  }
  const orgs = (await api.organizations.listAll()).items;
  const candidates: { org: { id: string; name: string }; members: PersonRef[] }[] = [];
  for (const org of orgs) {
    const all = (await members.listAll(org.id)).items;
    const plain = all.filter((m) => m.email && m.roles.every((r) => !/admin|owner/i.test(r.key)));
    const me = all.find((m) => m.email === SIGNED_IN_EMAIL[connectionId]);
    const canAdminister = me?.roles.some((r) => /admin|owner/i.test(r.key)) ?? false;
    if (canAdminister && plain.length >= count + 2) {
      candidates.push({
        org: { id: org.id, name: org.name },
        members: plain.map((m) => ({ userId: m.userId, email: m.email ?? '' })),
      });
    }
  }
  const chosen = candidates[hash(unique) % candidates.length];
  if (!chosen) throw new Error('no seeded org with removable members');
  const offset = hash(`${unique}-m`) % (chosen.members.length - count);
  return { org: chosen.org, members: chosen.members.slice(offset, offset + count) };
}

function hash(text: string): number {
  let h = 0;
  for (const char of text) h = (h * 31 + char.charCodeAt(0)) >>> 0;
  return h;
}
