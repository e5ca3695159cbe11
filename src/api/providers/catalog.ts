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

export interface ProviderCatalogEntry {
  readonly operations: OperationTable;
  readonly capabilities: Capabilities;
}

/**
 * Static facts about every provider: its operation table and its capabilities. Shared by the
 * gateway (allow-list, connection summaries), the sandbox and the SPA. No adapters in here, so
 * importing it stays cheap.
 */
export const providerCatalog: Readonly<Record<ProviderKind, ProviderCatalogEntry>> = {
  permit: { operations: permitOperations, capabilities: permitCapabilities },
  kinde: { operations: kindeOperations, capabilities: kindeCapabilities },
  clerk: { operations: clerkOperations, capabilities: clerkCapabilities },
  'clerk-frontend': {
    operations: clerkFrontendOperations,
    capabilities: clerkFrontendCapabilities,
  },
  numind: { operations: numindOperations, capabilities: numindCapabilities },
};
