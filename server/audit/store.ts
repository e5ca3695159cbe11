import { matchesFilter, type AuditEntry, type AuditFilter, type AuditPage } from './entry';

/** Where audit entries go. Implementations append durably and answer newest first. */
export interface AuditStore {
  append(entry: AuditEntry): Promise<void>;
  query(filter: AuditFilter, page: AuditPage): Promise<{ items: AuditEntry[]; total: number }>;
  close(): Promise<void>;
}

/** Newest-first page of the entries (kept oldest first) that pass the filter. */
export function queryEntries(
  entries: readonly AuditEntry[],
  filter: AuditFilter,
  page: AuditPage,
): { items: AuditEntry[]; total: number } {
  const matching: AuditEntry[] = [];
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i];
    if (entry && matchesFilter(entry, filter)) matching.push(entry);
  }
  const start = (page.page - 1) * page.pageSize;
  return { items: matching.slice(start, start + page.pageSize), total: matching.length };
}

/** For tests, and for servers started without a data directory. */
export class MemoryAuditStore implements AuditStore {
  private readonly entries: AuditEntry[] = [];

  append(entry: AuditEntry): Promise<void> {
    this.entries.push(entry);
    return Promise.resolve();
  }

  query(filter: AuditFilter, page: AuditPage): Promise<{ items: AuditEntry[]; total: number }> {
    return Promise.resolve(queryEntries(this.entries, filter, page));
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
