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
  /**
   * Every entry matching the filter, newest first, in batches (for CSV exports: never capped).
   * A consumer turns each batch into output before asking for the next, so rows never wait
   * across a slow client's backpressure.
   */
  batches(filter: AuditFilter): AsyncIterable<readonly AuditEntry[]>;
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

  async *batches(filter: AuditFilter): AsyncGenerator<readonly AuditEntry[]> {
    let batch: AuditEntry[] = [];
    for (let i = this.kept.length - 1; i >= 0; i--) {
      const entry = this.kept[i];
      if (entry && matchesFilter(entry, filter)) batch.push(entry);
      if (batch.length === 1000) {
        yield batch;
        batch = [];
        await Promise.resolve();
      }
    }
    if (batch.length > 0) yield batch;
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
