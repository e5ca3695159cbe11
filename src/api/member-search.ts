import type { Organization } from './domain';
import type { OrgAdminApi, RequestOptions } from './org-admin-api';
import type { Member } from './people';

/** At most this many orgs are searched one by one, newest first, a few at a time. */
export const MEMBER_SEARCH_MAX_ORGS = 50;
const AT_ONCE = 4;

export interface MemberMatch {
  readonly member: Member;
  readonly org: Pick<Organization, 'id' | 'name'>;
}

export interface MemberSearchResult {
  readonly matches: readonly MemberMatch[];
  /** How many orgs were looked in, of how many the connection lists. */
  readonly looked: number;
  readonly of: number;
}

function newestFirst(orgs: readonly Organization[]): Organization[] {
  return [...orgs].sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
}

function matches(member: Member, email: string): boolean {
  return (member.email ?? '').toLowerCase().includes(email.toLowerCase());
}

/**
 * Members by email where the provider has no user directory to ask (Clerk's Frontend API,
 * NuMind): each org's member list is searched — by the provider where it can, otherwise in the
 * browser — for the newest orgs up to a limit, and the caller is told how far it looked.
 */
export async function findMembersInEachOrg(
  api: OrgAdminApi,
  email: string,
  { signal }: RequestOptions = {},
): Promise<MemberSearchResult> {
  const members = api.members;
  if (!members) return { matches: [], looked: 0, of: 0 };
  const all = newestFirst((await api.organizations.listAll({ signal })).items);
  const orgs = all.slice(0, MEMBER_SEARCH_MAX_ORGS);
  const serverSearch = api.capabilities.people.members?.search === 'server';
  const found: MemberMatch[][] = [];
  for (let start = 0; start < orgs.length; start += AT_ONCE) {
    const batch = orgs.slice(start, start + AT_ONCE);
    found.push(
      ...(await Promise.all(
        batch.map(async (org) => {
          const items = serverSearch
            ? (
                await members.list(
                  org.id,
                  { page: 1, pageSize: 10, search: email, role: null, sort: null },
                  { signal },
                )
              ).items
            : (await members.listAll(org.id, { signal })).items;
          return items
            .filter((member) => matches(member, email))
            .map((member) => ({ member, org: { id: org.id, name: org.name } }));
        }),
      )),
    );
  }
  return { matches: found.flat(), looked: orgs.length, of: all.length };
}
