/**
 * How many items an adapter's `listAll` walks at most (orgs, members, invitations): the data
 * layer searches and sorts those where the provider cannot, and says when the list was cut.
 */
export const CLIENT_LIST_LIMIT = 2000;

/** Walks a provider's pages until it runs dry or the limit is reached. */
export async function collectPages<T>(
  fetchPage: (index: number) => Promise<{ items: readonly T[]; hasMore: boolean }>,
  limit: number = CLIENT_LIST_LIMIT,
): Promise<{ items: T[]; complete: boolean }> {
  const items: T[] = [];
  for (let index = 0; ; index++) {
    const page = await fetchPage(index);
    items.push(...page.items);
    if (!page.hasMore || page.items.length === 0) return { items, complete: true };
    if (items.length >= limit) return { items: items.slice(0, limit), complete: false };
  }
}
