import type { Organization } from '../../src/api/domain';
import { ApiError } from '../../src/api/errors';
import type { OrgAdminApi } from '../../src/api/org-admin-api';
import type { Invitation, Member } from '../../src/api/people';

/** What the sync reads from a provider, in the provider-neutral shapes of `src/api`. */
export interface IndexSource {
  readonly pageSize: number;
  /** One page of the org list in the provider's own order. */
  readonly orgPage: (page: number) => Promise<{ items: readonly Organization[]; hasMore: boolean }>;
  /** The org, or null when the provider says it does not exist. */
  readonly org: (id: string) => Promise<Organization | null>;
  /** Every member of the org; absent where the provider lists no members. */
  readonly members?: (orgId: string) => Promise<Member[]>;
  /** Every invitation of the org in every status the provider keeps; absent where none are listed. */
  readonly invitations?: (orgId: string) => Promise<Invitation[]>;
}

async function walk<T>(
  fetchPage: (page: number) => Promise<{ items: readonly T[]; hasMore: boolean }>,
): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const result = await fetchPage(page);
    items.push(...result.items);
    if (!result.hasMore || result.items.length === 0) return items;
  }
}

/** The index's view of an adapter: the same adapter the browser uses, read page by page. */
export function adapterSource(api: OrgAdminApi): IndexSource {
  const caps = api.capabilities;
  const pageSize = caps.list.maxPageSize;
  const members = api.members;
  const invitations = api.invitations;
  const memberPageSize = caps.people.members?.maxPageSize ?? 100;
  const invitationCaps = caps.people.invitations;
  return {
    pageSize,
    orgPage: (page) => api.organizations.list({ page, pageSize, search: '', sort: null }),
    org: async (id) => {
      try {
        return await api.organizations.get(id);
      } catch (error) {
        if (error instanceof ApiError && error.kind === 'not_found') return null;
        throw error;
      }
    },
    ...(members && caps.people.members
      ? {
          members: (orgId: string) =>
            walk((page) =>
              members.list(orgId, {
                page,
                pageSize: memberPageSize,
                search: '',
                role: null,
                sort: null,
              }),
            ),
        }
      : {}),
    ...(invitations && invitationCaps
      ? {
          invitations: (orgId: string) =>
            walk((page) =>
              invitations.list(orgId, {
                page,
                pageSize: invitationCaps.maxPageSize,
                statuses: invitationCaps.statuses,
              }),
            ),
        }
      : {}),
  };
}
