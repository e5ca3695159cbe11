import type { Organization } from '../api/domain';

/** An org as an adapter returns it, empty but for what a test sets. */
export function organizationFixture(fields: Partial<Organization> & { id: string }): Organization {
  return {
    name: `Org ${fields.id}`,
    slug: null,
    createdAt: null,
    updatedAt: null,
    memberCount: null,
    pendingInvitationCount: null,
    imageUrl: null,
    hasImage: null,
    imageUrlDark: null,
    metadata: null,
    details: [],
    fields: {},
    ...fields,
  };
}
