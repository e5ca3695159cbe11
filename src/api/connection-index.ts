import * as z from 'zod/mini';
import { gatewayCall } from './connections';
import { Organization, type OrgSortField, type SortDirection } from './domain';
import { ApiError } from './errors';
import { parseWire } from './parse';
import { Invitation } from './people';

/**
 * The server's connection index (`/api/connections/:id/index…`, `/api/people`): a mirror of what a
 * provider cannot search or list across orgs, kept fresh by a background sync on the server.
 * Details and writes stay live against the provider; these calls only answer lookups.
 */

const nullableString = z.nullable(z.string());

export const IndexStatus = z.object({
  connectionId: z.string(),
  indexed: z.boolean(),
  /** Why the connection is not indexed ("provider searches natively", "user-token connection…"). */
  reason: z.optional(z.string()),
  state: z.enum(['never', 'syncing', 'ready', 'error']),
  /** The end of the last complete sync. */
  syncedAt: nullableString,
  startedAt: nullableString,
  progress: z.nullable(
    z.object({
      phase: z.enum(['orgs', 'members', 'invitations']),
      done: z.number(),
      total: z.nullable(z.number()),
    }),
  ),
  counts: z.object({ orgs: z.number(), members: z.number(), invitations: z.number() }),
  error: z.optional(z.string()),
  nextRetryAt: z.optional(z.string()),
});
export type IndexStatus = z.infer<typeof IndexStatus>;

export const IndexedOrgPage = z.object({
  items: z.array(Organization),
  total: z.number(),
  syncedAt: nullableString,
});
export type IndexedOrgPage = z.infer<typeof IndexedOrgPage>;

export const IndexedInvitation = z.extend(Invitation, { orgId: z.string(), orgName: z.string() });
export type IndexedInvitation = z.infer<typeof IndexedInvitation>;

export const IndexedInvitationPage = z.object({
  items: z.array(IndexedInvitation),
  total: z.number(),
  syncedAt: nullableString,
});
export type IndexedInvitationPage = z.infer<typeof IndexedInvitationPage>;

export const PersonMembership = z.object({
  orgId: z.string(),
  orgName: z.string(),
  userId: z.string(),
  roles: z.array(z.string()),
});
export type PersonMembership = z.infer<typeof PersonMembership>;

export const PersonInvitation = z.object({
  orgId: z.string(),
  orgName: z.string(),
  invitationId: z.string(),
  role: z.optional(z.string()),
  status: z.string(),
  createdAt: z.optional(z.string()),
});
export type PersonInvitation = z.infer<typeof PersonInvitation>;

export const PersonOnConnection = z.object({
  connectionId: z.string(),
  label: z.string(),
  syncedAt: nullableString,
  memberships: z.array(PersonMembership),
  invitations: z.array(PersonInvitation),
});
export type PersonOnConnection = z.infer<typeof PersonOnConnection>;

export const Person = z.object({
  email: z.string(),
  name: z.optional(z.string()),
  connections: z.array(PersonOnConnection),
});
export type Person = z.infer<typeof Person>;

const PeopleAnswer = z.object({ people: z.array(Person) });

export interface IndexOrgQuery {
  readonly search: string;
  readonly sort: {
    readonly field: Extract<OrgSortField, 'name' | 'createdAt'>;
    readonly direction: SortDirection;
  } | null;
  readonly page: number;
  readonly pageSize: number;
}

export interface IndexInvitationQuery {
  readonly search: string;
  readonly orgId: string | null;
  readonly sort: {
    readonly field: 'createdAt' | 'email' | 'org';
    readonly direction: SortDirection;
  } | null;
  readonly page: number;
  readonly pageSize: number;
}

const base = (connectionId: string) => `/api/connections/${encodeURIComponent(connectionId)}/index`;

function query(values: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== null && value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

export async function fetchIndexStatus(connectionId: string): Promise<IndexStatus> {
  return parseWire(IndexStatus, await gatewayCall('GET', base(connectionId)), 'index status');
}

/** Starts a sync now, unless one runs; answers the status (202). */
export async function refreshIndex(connectionId: string): Promise<IndexStatus> {
  return parseWire(
    IndexStatus,
    await gatewayCall('POST', `${base(connectionId)}/refresh`),
    'index status',
  );
}

export async function fetchIndexedOrgs(
  connectionId: string,
  params: IndexOrgQuery,
): Promise<IndexedOrgPage> {
  const path = `${base(connectionId)}/orgs${query({
    search: params.search.trim(),
    sort: params.sort?.field,
    order: params.sort?.direction,
    page: params.page,
    pageSize: params.pageSize,
  })}`;
  return parseWire(IndexedOrgPage, await gatewayCall('GET', path), 'indexed organizations');
}

export async function fetchIndexedInvitations(
  connectionId: string,
  params: IndexInvitationQuery,
): Promise<IndexedInvitationPage> {
  const path = `${base(connectionId)}/invitations${query({
    search: params.search.trim(),
    orgId: params.orgId,
    status: 'pending',
    sort: params.sort?.field,
    order: params.sort?.direction,
    page: params.page,
    pageSize: params.pageSize,
  })}`;
  return parseWire(IndexedInvitationPage, await gatewayCall('GET', path), 'indexed invitations');
}

/** People whose email is or starts with `email`, across every connection the caller sees. */
export async function searchPeople(email: string, limit = 20): Promise<Person[]> {
  const answer = parseWire(
    PeopleAnswer,
    await gatewayCall('GET', `/api/people${query({ email: email.trim(), limit })}`),
    'people',
  );
  return answer.people;
}

/** One person by exact email; `null` when no connection knows them. */
export async function fetchPerson(email: string): Promise<Person | null> {
  try {
    return parseWire(
      Person,
      await gatewayCall('GET', `/api/people/${encodeURIComponent(email.trim())}`),
      'person',
    );
  } catch (error) {
    if (error instanceof ApiError && error.kind === 'not_found') return null;
    throw error;
  }
}
