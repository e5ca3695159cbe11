import type { Capabilities } from '../capabilities';
import type { ProviderKind } from '../domain';
import type { OperationTable } from '../operations';
import { clerkCapabilities } from './clerk/capabilities';
import { clerkOperations } from './clerk/operations';
import { clerkFrontendCapabilities } from './clerk-frontend/capabilities';
import { clerkFrontendOperations } from './clerk-frontend/operations';
import { kindeCapabilities } from './kinde/capabilities';
import { kindeOperations } from './kinde/operations';
import { numindCapabilities } from './numind/capabilities';
import { numindOperations } from './numind/operations';
import { permitCapabilities } from './permit/capabilities';
import { permitOperations } from './permit/operations';

/**
 * How a bulk call's 2xx answer names what was not done (read by the audit log):
 * `success-failed`: `{success: [...], failed: [{email, reason}]}` (Permit's invites);
 * `acted-ids`: the ids acted on, in the named lists; a requested id in none was not done (Kinde).
 */
export type BulkAnswer =
  | { readonly shape: 'success-failed' }
  | { readonly shape: 'acted-ids'; readonly lists: readonly string[]; readonly verb: string };

/** Facts about a vendor's wire that the server acts on, kept beside its operations. */
export interface VendorFacts {
  /** The cheapest list call (one item, no side effects): the connection's health probe. */
  readonly healthProbe: { readonly operationId: string; readonly query: Record<string, string> };
  /** Where a create answer names the new org (`Organization.id`), as a path of JSON keys. */
  readonly createdOrgIdAt: readonly string[];
  /** Bulk operations whose 2xx answer can still report items not done, by operation id. */
  readonly bulkAnswers: Readonly<Record<string, BulkAnswer>>;
  /** The origin the vendor serves org logos from (`img-src`), for real connections. */
  readonly imageOrigin: string | null;
  /** Answers meaning "this access token is no longer good": an OAuth token is fetched anew once. */
  readonly tokenRefusedStatuses: readonly number[];
}

export interface ProviderCatalogEntry {
  readonly operations: OperationTable;
  readonly capabilities: Capabilities;
  readonly vendor: VendorFacts;
}

/**
 * Static facts about every provider: its operation table and its capabilities. Shared by the
 * gateway (allow-list, connection summaries), the sandbox and the SPA. No adapters in here, so
 * importing it stays cheap.
 */
export const providerCatalog: Readonly<Record<ProviderKind, ProviderCatalogEntry>> = {
  permit: {
    operations: permitOperations,
    capabilities: permitCapabilities,
    vendor: {
      healthProbe: { operationId: 'listOrganizations', query: { page: '1', per_page: '1' } },
      createdOrgIdAt: ['id'],
      // `POST /v2/orgs/{org_id}/invites` answers 200 `MultiInviteResult`.
      bulkAnswers: { inviteMembers: { shape: 'success-failed' } },
      imageOrigin: null,
      tokenRefusedStatuses: [401],
    },
  },
  kinde: {
    operations: kindeOperations,
    capabilities: kindeCapabilities,
    vendor: {
      healthProbe: { operationId: 'listOrganizations', query: { page_size: '1' } },
      // Kinde's create answers only the org code, which is the console's org id.
      createdOrgIdAt: ['organization', 'code'],
      bulkAnswers: {
        addOrganizationUsers: { shape: 'acted-ids', lists: ['users_added'], verb: 'added' },
        updateOrganizationUsers: {
          shape: 'acted-ids',
          lists: ['users_added', 'users_updated', 'users_removed'],
          verb: 'added, updated or removed',
        },
      },
      imageOrigin: null,
      // Kinde's API documents 403 for invalid credentials (and answers 401 for a missing token).
      tokenRefusedStatuses: [401, 403],
    },
  },
  clerk: {
    operations: clerkOperations,
    capabilities: clerkCapabilities,
    vendor: {
      healthProbe: { operationId: 'listOrganizations', query: { limit: '1' } },
      createdOrgIdAt: ['id'],
      // Clerk's bulk invitations are all or nothing: the status says it all.
      bulkAnswers: {},
      imageOrigin: 'https://img.clerk.com',
      tokenRefusedStatuses: [401],
    },
  },
  'clerk-frontend': {
    operations: clerkFrontendOperations,
    capabilities: clerkFrontendCapabilities,
    vendor: {
      healthProbe: { operationId: 'listMyMemberships', query: { limit: '1' } },
      // The Frontend API wraps its answers in `response`.
      createdOrgIdAt: ['response', 'id'],
      bulkAnswers: {},
      imageOrigin: 'https://img.clerk.com',
      tokenRefusedStatuses: [401],
    },
  },
  numind: {
    operations: numindOperations,
    capabilities: numindCapabilities,
    vendor: {
      healthProbe: { operationId: 'listOrganizations', query: {} },
      createdOrgIdAt: ['id'],
      bulkAnswers: {},
      imageOrigin: null,
      tokenRefusedStatuses: [401],
    },
  },
};
