import { ApiError } from '../../errors';
import { collectPages } from '../../collect-pages';

/** How long a read catalogue is reused for names and key → id lookups. */
const CATALOGUE_TTL_MS = 5 * 60_000;
/** Kinde's largest `page_size`: a catalogue is read in as few calls as possible. */
export const CATALOGUE_PAGE_SIZE = 500;

export interface CatalogueEntry {
  readonly key: string;
  readonly name: string;
  readonly id: string | null;
}

export interface CataloguePage<T> {
  readonly items: readonly T[];
  /** The `next_token` of the next page, or null at the end. */
  readonly next: string | null;
}

/** Where a catalogue's entries come from, and what they are called. */
export interface CatalogueSource<T> {
  /** What an entry is called in messages ("role"). */
  readonly noun: string;
  /** The form field an unknown key is reported on. */
  readonly field: string;
  readonly fetchPage: (token: string | null, signal?: AbortSignal) => Promise<CataloguePage<T>>;
}

/**
 * A business-wide Kinde catalogue (roles, permissions) read whole and kept for a few minutes:
 * member rows name roles by key only, and the per-user endpoints take ids, so the adapter looks
 * names and ids up here.
 */
export class Catalogue<T extends CatalogueEntry> {
  private cached: { readonly at: number; readonly entries: Promise<readonly T[]> } | null = null;

  constructor(
    private readonly source: CatalogueSource<T>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Reads the whole catalogue from Kinde (and keeps it for lookups). */
  list(signal?: AbortSignal): Promise<readonly T[]> {
    const entries = this.fetchAll(signal);
    this.cached = { at: this.now(), entries };
    entries.catch(() => {
      if (this.cached?.entries === entries) this.cached = null;
    });
    return entries;
  }

  /** Key → name; empty when the catalogue cannot be read (callers then show keys). */
  async names(signal?: AbortSignal): Promise<ReadonlyMap<string, string>> {
    try {
      const entries = await this.current(signal);
      return new Map(entries.map((entry) => [entry.key, entry.name]));
    } catch (error) {
      if (error instanceof ApiError && error.kind === 'aborted') throw error;
      return new Map();
    }
  }

  /** The ids of these keys; an unknown key is a validation error naming it. */
  async ids(keys: readonly string[], signal?: AbortSignal): Promise<Map<string, string>> {
    let entries = await this.current(signal);
    if (keys.some((key) => !entries.some((entry) => entry.key === key && entry.id))) {
      entries = await this.list(signal);
    }
    const ids = new Map<string, string>();
    for (const key of keys) {
      const id = entries.find((entry) => entry.key === key)?.id;
      if (!id) {
        throw new ApiError({
          kind: 'validation',
          message: `Kinde has no ${this.source.noun} with the key "${key}".`,
          fieldErrors: { [this.source.field]: `Unknown ${this.source.noun} "${key}".` },
        });
      }
      ids.set(key, id);
    }
    return ids;
  }

  async idOf(key: string, signal?: AbortSignal): Promise<string> {
    return (await this.ids([key], signal)).get(key) ?? '';
  }

  private current(signal?: AbortSignal): Promise<readonly T[]> {
    if (this.cached && this.now() - this.cached.at < CATALOGUE_TTL_MS) return this.cached.entries;
    return this.list(signal);
  }

  private async fetchAll(signal?: AbortSignal): Promise<readonly T[]> {
    let token: string | null = null;
    const { items } = await collectPages(async () => {
      const page = await this.source.fetchPage(token, signal);
      token = page.next;
      return { items: page.items, hasMore: token !== null };
    });
    return items;
  }
}
