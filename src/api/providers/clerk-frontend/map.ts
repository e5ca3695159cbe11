import type { CreateOrgInput, Organization, UpdateOrgInput } from '../../domain';
import { toJsonObject, toOrganizationCore } from '../clerk/map';
import { toDetails } from '../shared';
import type {
  ClerkFrontendCreateOrganizationForm,
  ClerkFrontendOrganizationWire,
  ClerkFrontendUpdateOrganizationForm,
  ClerkFrontendWrappedMembershipsWire,
} from './wire';

export function toOrganization(wire: ClerkFrontendOrganizationWire): Organization {
  return {
    ...toOrganizationCore(wire),
    // The Frontend API never shows private metadata, and public metadata is read-only here.
    metadata: { public: toJsonObject(wire.public_metadata), private: null },
    fields: {},
    details: toDetails(wire),
  };
}

export interface MembershipOrganizations {
  readonly items: Organization[];
  /** `null` when the bare-array branch came back (no `total_count`). */
  readonly total: number | null;
}

/** The signed-in user's memberships, as the organizations they point to. */
export function toMembershipOrganizations(
  response: ClerkFrontendWrappedMembershipsWire['response'],
): MembershipOrganizations {
  const memberships = Array.isArray(response) ? response : response.data;
  const total = Array.isArray(response) ? null : (response.total_count ?? null);
  return { items: memberships.map((membership) => toOrganization(membership.organization)), total };
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

export function fromCreateOrgInput(input: CreateOrgInput): ClerkFrontendCreateOrganizationForm {
  const slug = nonEmpty(input.slug ?? undefined);
  return { name: input.name, ...(slug === undefined ? {} : { slug }) };
}

export function fromUpdateOrgInput(input: UpdateOrgInput): ClerkFrontendUpdateOrganizationForm {
  const slug = nonEmpty(input.slug ?? undefined);
  return {
    ...(input.name === undefined ? {} : { name: input.name }),
    ...(slug === undefined ? {} : { slug }),
  };
}
