import type { KindeErrorItem } from './errors';
import { compareText, pageOf, readPageQuery, type PageQuery } from './paging';
import type { KindeOrgRecord } from './state';

/** `GET /api/v1/organizations`: the org list's sorts and order. */

export const KINDE_SORTS = ['name_asc', 'name_desc', 'email_asc', 'email_desc'] as const;
export type KindeSort = (typeof KINDE_SORTS)[number];
export type ListQuery = PageQuery<KindeSort>;

export function readListQuery(
  get: (name: string) => string | undefined,
): ListQuery | KindeErrorItem[] {
  return readPageQuery(get, KINDE_SORTS);
}

const byName = (a: KindeOrgRecord, b: KindeOrgRecord) =>
  compareText(a.name, b.name, a.code, b.code);

/**
 * One page plus the token of the next (null at the end). Without a name sort the order is the
 * order of creation; orgs have no e-mail, so `email_*` keeps that order too (both choices: the
 * docs do not say).
 */
export function listPage(
  orgs: readonly KindeOrgRecord[],
  query: ListQuery,
): { items: KindeOrgRecord[]; nextToken: string | null } {
  const sorted =
    query.sort === 'name_asc'
      ? [...orgs].sort(byName)
      : query.sort === 'name_desc'
        ? [...orgs].sort((a, b) => byName(b, a))
        : orgs;
  return pageOf(sorted, query);
}
