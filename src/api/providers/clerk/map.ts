import type {
  CreateOrgInput,
  JsonObject,
  MetadataPatch,
  Organization,
  OrgListParams,
  OrgSort,
  UpdateOrgInput,
} from '../../domain';
import { msToIso, toDetails, toJsonValue } from '../shared';
import type {
  ClerkCreateOrganizationWire,
  ClerkMetadataWire,
  ClerkOrganizationBaseWire,
  ClerkOrganizationWire,
  ClerkUpdateOrganizationWire,
} from './wire';

export function toJsonObject(value: Readonly<Record<string, unknown>>): JsonObject {
  const json = toJsonValue(value);
  return typeof json === 'object' && json !== null && !Array.isArray(json) ? json : {};
}

type OrganizationCore = Omit<Organization, 'metadata' | 'fields' | 'details'>;

/** What both Clerk APIs say the same way: epoch-ms times, counts, the logo. */
export function toOrganizationCore(wire: ClerkOrganizationBaseWire): OrganizationCore {
  return {
    id: wire.id,
    name: wire.name,
    slug: wire.slug,
    createdAt: msToIso(wire.created_at),
    updatedAt: msToIso(wire.updated_at),
    memberCount: wire.members_count ?? null,
    pendingInvitationCount: wire.pending_invitations_count ?? null,
    imageUrl: wire.image_url ?? null,
    hasImage: wire.has_image,
    imageUrlDark: null,
  };
}

export function toOrganization(wire: ClerkOrganizationWire): Organization {
  return {
    ...toOrganizationCore(wire),
    metadata: {
      public: toJsonObject(wire.public_metadata),
      private: wire.private_metadata ? toJsonObject(wire.private_metadata) : null,
    },
    fields: {
      max_allowed_memberships: wire.max_allowed_memberships,
      admin_delete_enabled: wire.admin_delete_enabled,
      created_by: wire.created_by ?? null,
    },
    details: toDetails(wire),
  };
}

const ORDER_FIELDS: Record<OrgSort['field'], string> = {
  name: 'name',
  createdAt: 'created_at',
  memberCount: 'members_count',
};

/** `order_by` for a sort; `undefined` leaves Clerk's own default (`-created_at`). */
export function toOrderBy(sort: OrgSort | null): string | undefined {
  if (sort === null) return undefined;
  return `${sort.direction === 'asc' ? '+' : '-'}${ORDER_FIELDS[sort.field]}`;
}

export function toListQuery(params: OrgListParams, pageSize: number) {
  const query = params.search.trim();
  return {
    limit: pageSize,
    offset: (params.page - 1) * pageSize,
    query: query === '' ? undefined : query,
    order_by: toOrderBy(params.sort),
    include_members_count: true,
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

function numberField(fields: UpdateOrgInput['fields'], key: string): number | undefined {
  const value = fields?.[key];
  return typeof value === 'number' ? value : undefined;
}

export function fromCreateOrgInput(input: CreateOrgInput): ClerkCreateOrganizationWire {
  const slug = nonEmpty(input.slug ?? undefined);
  const max = numberField(input.fields, 'max_allowed_memberships');
  const createdBy = input.fields['created_by'];
  const creator = typeof createdBy === 'string' ? nonEmpty(createdBy) : undefined;
  return {
    name: input.name,
    ...(slug === undefined ? {} : { slug }),
    ...(max === undefined ? {} : { max_allowed_memberships: max }),
    ...(creator === undefined ? {} : { created_by: creator }),
  };
}

export function fromUpdateOrgInput(input: UpdateOrgInput): ClerkUpdateOrganizationWire {
  const slug = nonEmpty(input.slug ?? undefined);
  const max = numberField(input.fields, 'max_allowed_memberships');
  const adminDelete = input.fields?.['admin_delete_enabled'];
  return {
    ...(input.name === undefined ? {} : { name: input.name }),
    ...(slug === undefined ? {} : { slug }),
    ...(max === undefined ? {} : { max_allowed_memberships: max }),
    ...(typeof adminDelete === 'boolean' ? { admin_delete_enabled: adminDelete } : {}),
  };
}

export function fromMetadataPatch(patch: MetadataPatch): ClerkMetadataWire {
  return {
    ...(patch.public === undefined ? {} : { public_metadata: patch.public }),
    ...(patch.private === undefined ? {} : { private_metadata: patch.private }),
  };
}
