import { matchesFilter, type AuditEntry, type AuditFilter, type AuditPage } from './entry';

export interface AuditQueryResult {
  readonly items: AuditEntry[];
  /** How many entries match, counted exactly up to a cap (then `totalCapped`). */
  readonly total: number;
  /** More entries match than `total` says. */
  readonly totalCapped?: boolean;
  /** Pass as `before` for the next page (keyset); absent on the last page. */
  readonly nextBefore?: number;
}

/** Where audit entries go. Implementations append durably and answer newest first. */
export interface AuditStore {
  append(entry: AuditEntry): Promise<void>;
  query(filter: AuditFilter, page: AuditPage): Promise<AuditQueryResult>;
  /** Every entry matching the filter, newest first (for CSV exports: never capped). */
  entries(filter: AuditFilter): AsyncIterable<AuditEntry>;
  close(): Promise<void>;
}

/** Newest-first page of the entries (kept oldest first) that pass the filter. */
export function queryEntries(
  entries: readonly AuditEntry[],
  filter: AuditFilter,
  page: AuditPage,
): AuditQueryResult {
  const matching: { entry: AuditEntry; seq: number }[] = [];
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i];
    if (entry && matchesFilter(entry, filter)) matching.push({ entry, seq: i + 1 });
  }
  const start =
    page.before === undefined
      ? (page.page - 1) * page.pageSize
      : matching.findIndex((found) => found.seq < (page.before ?? 0));
  const slice = start < 0 ? [] : matching.slice(start, start + page.pageSize);
  const last = slice.at(-1);
  const more = start >= 0 && start + page.pageSize < matching.length;
  return {
    items: slice.map((found) => found.entry),
    total: matching.length,
    ...(last && more ? { nextBefore: last.seq } : {}),
  };
}

/** For tests, and for servers started without a data directory. */
export class MemoryAuditStore implements AuditStore {
  private readonly kept: AuditEntry[] = [];

  append(entry: AuditEntry): Promise<void> {
    this.kept.push(entry);
    return Promise.resolve();
  }

  query(filter: AuditFilter, page: AuditPage): Promise<AuditQueryResult> {
    return Promise.resolve(queryEntries(this.kept, filter, page));
  }

  async *entries(filter: AuditFilter): AsyncGenerator<AuditEntry> {
    for (let i = this.kept.length - 1; i >= 0; i--) {
      const entry = this.kept[i];
      if (entry && matchesFilter(entry, filter)) yield entry;
      if (i % 1000 === 0) await Promise.resolve();
    }
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
