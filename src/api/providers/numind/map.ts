import type { CreateOrgInput, Organization, UpdateOrgInput } from '../../domain';
import { toDetails } from '../shared';
import type {
  NumindCreateOrganizationWire,
  NumindOrganizationWire,
  NumindUpdateOrganizationWire,
} from './wire';

/** NuMind orgs carry only an id and a name; everything else is unknown, not empty. */
export function toOrganization(wire: NumindOrganizationWire): Organization {
  return {
    id: wire.id,
    name: wire.name,
    slug: null,
    createdAt: null,
    updatedAt: null,
    memberCount: null,
    pendingInvitationCount: null,
    imageUrl: null,
    hasImage: null,
    metadata: null,
    fields: {},
    details: toDetails(wire),
  };
}

export function fromCreateOrgInput(input: CreateOrgInput): NumindCreateOrganizationWire {
  return { name: input.name };
}

/** The PUT replaces the whole org, so the input must carry a name (the current one if unchanged). */
export function fromUpdateOrgInput(
  input: UpdateOrgInput & { readonly name: string },
): NumindUpdateOrganizationWire {
  return { name: input.name };
}
