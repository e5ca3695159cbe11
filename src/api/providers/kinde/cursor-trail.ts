import type { Page } from '../../domain';

/**
 * Remembers the `next_token` that opens each page of a cursor-paged list, per list shape
 * (page size + sort), so the page after the one on screen costs one call and page N costs
 * at most the walk from the nearest page already seen.
 */
export class CursorTrail {
  private readonly shapes = new Map<string, Map<number, string>>();

  /** The nearest page at or before `page` that can be opened: page 1 needs no token. */
  nearest(shape: string, page: number): { readonly page: number; readonly token: string | null } {
    const tokens = this.shapes.get(shape);
    for (let candidate = page; candidate > 1; candidate--) {
      const token = tokens?.get(candidate);
      if (token !== undefined) return { page: candidate, token };
    }
    return { page: 1, token: null };
  }

  remember(shape: string, page: number, token: string): void {
    let tokens = this.shapes.get(shape);
    if (!tokens) {
      tokens = new Map();
      this.shapes.set(shape, tokens);
    }
    tokens.set(page, token);
  }

  /** Forget every token: after a create or delete, a remembered token may point at the wrong row. */
  clear(): void {
    this.shapes.clear();
  }
}

export interface CursorPage<T> {
  readonly items: T[];
  /** The token of the next page, or null at the end of the list. */
  readonly next: string | null;
}

/**
 * Page `page` of a cursor-paged list: walks the cursors from the nearest page already seen,
 * remembering each token on the way. A page past the end comes back empty.
 */
export async function walkToPage<T>(
  trail: CursorTrail,
  shape: string,
  page: number,
  pageSize: number,
  fetchPage: (token: string | null) => Promise<CursorPage<T>>,
): Promise<Page<T>> {
  let { page: at, token } = trail.nearest(shape, page);
  for (;;) {
    const result = await fetchPage(token);
    if (result.next !== null) trail.remember(shape, at + 1, result.next);
    if (at === page || result.next === null) {
      const reached = at === page;
      return {
        items: reached ? result.items : [],
        page,
        pageSize,
        total: null,
        hasMore: reached && result.next !== null,
      };
    }
    at += 1;
    token = result.next;
  }
}
