import { randomBytes } from 'node:crypto';
import type { JsonObject } from '../../../../src/api/domain';
import { slugify } from '../../names';
import { newClerkId } from './ids';
import { ADMIN_ROLE } from './roles';
import type { ClerkMembershipRecord, ClerkOrgRecord, ClerkState } from './state';
import { slugTaken } from './validation';

/** State changes both APIs share: one instance, so an org made through one shows in the other. */

/** Choice: the instance's default membership limit for new orgs (the spec leaves it to the instance). */
export const DEFAULT_MAX_ALLOWED_MEMBERSHIPS = 5;

export function findOrgById(state: ClerkState, id: string): ClerkOrgRecord | undefined {
  return state.orgs.find((org) => org.id === id);
}

/** BAPI `GET /organizations/{id_or_slug}` takes either. */
export function findOrgByIdOrSlug(state: ClerkState, ref: string): ClerkOrgRecord | undefined {
  return state.orgs.find((org) => org.id === ref) ?? state.orgs.find((org) => org.slug === ref);
}

export function findMembership(
  state: ClerkState,
  orgId: string,
  userId: string,
): ClerkMembershipRecord | undefined {
  return state.memberships.find(
    (membership) => membership.org_id === orgId && membership.user_id === userId,
  );
}

/**
 * Unconfirmed: Clerk derives a slug from the name when none is sent. A taken one gets a short
 * random suffix.
 */
export function slugFromName(state: ClerkState, name: string): string {
  const base = slugify(name) || 'org';
  let slug = base;
  while (slugTaken(state.orgs, slug))
    slug = `${base}-${randomBytes(4).toString('hex').slice(0, 5)}`;
  return slug;
}

export interface NewOrganization {
  readonly name: string;
  readonly slug: string | undefined;
  /** The user who becomes its first `org:admin`. */
  readonly createdBy: string | null;
  readonly maxAllowedMemberships?: number | undefined;
  readonly publicMetadata?: JsonObject | undefined;
  readonly privateMetadata?: JsonObject | undefined;
  readonly createdAt?: number | undefined;
  readonly roleSetKey?: string | undefined;
}

export function createOrganization(
  state: ClerkState,
  input: NewOrganization,
  now: number,
): ClerkOrgRecord {
  const created = input.createdAt ?? now;
  const org: ClerkOrgRecord = {
    id: newClerkId('org_'),
    name: input.name,
    slug:
      input.slug === undefined || input.slug === '' ? slugFromName(state, input.name) : input.slug,
    logo_image_id: null,
    max_allowed_memberships: input.maxAllowedMemberships ?? DEFAULT_MAX_ALLOWED_MEMBERSHIPS,
    admin_delete_enabled: true,
    public_metadata: input.publicMetadata ?? {},
    private_metadata: input.privateMetadata ?? {},
    created_by: input.createdBy,
    ...(input.roleSetKey === undefined ? {} : { role_set_key: input.roleSetKey }),
    created_at: created,
    updated_at: now,
  };
  state.orgs.push(org);
  if (input.createdBy !== null) {
    state.memberships.push({
      id: newClerkId('orgmem_'),
      org_id: org.id,
      user_id: input.createdBy,
      role: ADMIN_ROLE,
      created_at: now,
    });
  }
  return org;
}

/** Deleting an org deletes its memberships and invitations too (spec, DeleteOrganization). */
export function deleteOrganization(state: ClerkState, org: ClerkOrgRecord): void {
  state.orgs = state.orgs.filter((candidate) => candidate !== org);
  state.memberships = state.memberships.filter((membership) => membership.org_id !== org.id);
  state.invitations = state.invitations.filter((invitation) => invitation.org_id !== org.id);
}
