import type { ProviderKind } from '../../api/domain';
import { providerCatalog } from '../../api/providers/catalog';
import { operationLabel } from './audit-wording';

export interface OperationOption {
  readonly id: string;
  readonly label: string;
  /** The providers that have it, by display name. */
  readonly providers: readonly string[];
}

/**
 * The operations the audit log can hold (every state-changing one), for one provider or for all:
 * named in words, sorted by name, one option per operation id (the log filters by id).
 */
export function operationOptions(provider: ProviderKind | null): OperationOption[] {
  const byId = new Map<string, { label: string; providers: string[] }>();
  for (const [kind, entry] of Object.entries(providerCatalog)) {
    if (provider !== null && kind !== provider) continue;
    for (const [id, op] of Object.entries(entry.operations)) {
      if (!op.mutates) continue;
      const known = byId.get(id) ?? { label: operationLabel(id, op.summary), providers: [] };
      known.providers.push(entry.capabilities.displayName);
      byId.set(id, known);
    }
  }
  return [...byId]
    .map(([id, { label, providers }]) => ({ id, label, providers }))
    .sort((a, b) => a.label.localeCompare(b.label) || a.id.localeCompare(b.id));
}
