import type { KindeErrorItem } from './errors';
import type { KindeOrgRecord } from './state';

/**
 * `GET /api/v1/organizations` paging: `page_size` (default 10, at most 500), `sort` and an
 * opaque `next_token`. The token follows the shape of Kinde's examples (`MjoyOm5hbWVfYXNj` is
 * base64 of `2:2:name_asc`: next page, page size, sort), so it carries the page size and sort of
 * the walk it belongs to.
 */

export const KINDE_SORTS = ['name_asc', 'name_desc', 'email_asc', 'email_desc'] as const;
export type KindeSort = (typeof KINDE_SORTS)[number];

export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 500;

export interface ListQuery {
  /** 1-based. */
  readonly page: number;
  readonly pageSize: number;
  readonly sort: KindeSort | null;
}

function parseSort(raw: string | undefined): KindeSort | null | undefined {
  if (raw === undefined || raw === '') return null;
  return KINDE_SORTS.find((sort) => sort === raw);
}

function pageSizeError(raw: string): KindeErrorItem | null {
  if (!/^\d+$/.test(raw) || Number(raw) < 1) {
    return {
      code: 'INVALID_PAGE_SIZE',
      message: 'Page size must be a positive whole number',
      field: 'page_size',
    };
  }
  if (Number(raw) > MAX_PAGE_SIZE) {
    return {
      code: 'PAGE_SIZE_LIMIT_EXCEEDED',
      message: `Page size cannot be greater than ${MAX_PAGE_SIZE}`,
      field: 'page_size',
    };
  }
  return null;
}

export function encodeNextToken(query: ListQuery): string {
  return Buffer.from(`${query.page}:${query.pageSize}:${query.sort ?? ''}`).toString('base64');
}

function decodeNextToken(token: string): ListQuery | null {
  const match = /^(\d+):(\d*):([a-z_]*)$/.exec(Buffer.from(token, 'base64').toString('utf8'));
  if (!match) return null;
  const [, page = '', size = '', sortText = ''] = match;
  const sort = parseSort(sortText);
  if (sort === undefined || Number(page) < 1 || (size !== '' && pageSizeError(size) !== null))
    return null;
  return { page: Number(page), pageSize: size === '' ? DEFAULT_PAGE_SIZE : Number(size), sort };
}

/** Reads the list query; a `next_token` carries its own page size and sort. */
export function readListQuery(
  get: (name: string) => string | undefined,
): ListQuery | KindeErrorItem[] {
  const errors: KindeErrorItem[] = [];
  const rawSize = get('page_size') ?? '';
  const sizeError = rawSize === '' ? null : pageSizeError(rawSize);
  if (sizeError) errors.push(sizeError);
  const sort = parseSort(get('sort'));
  if (sort === undefined) {
    errors.push({
      code: 'INVALID_SORT',
      message: `Sort must be one of ${KINDE_SORTS.join(', ')}`,
      field: 'sort',
    });
  }
  const token = get('next_token') ?? '';
  const fromToken = token === '' ? null : decodeNextToken(token);
  if (token !== '' && fromToken === null) {
    errors.push({
      code: 'INVALID_NEXT_TOKEN',
      message: 'The next_token is not valid',
      field: 'next_token',
    });
  }
  if (errors.length > 0) return errors;
  return (
    fromToken ?? {
      page: 1,
      pageSize: rawSize === '' ? DEFAULT_PAGE_SIZE : Number(rawSize),
      sort: sort ?? null,
    }
  );
}

function byName(a: KindeOrgRecord, b: KindeOrgRecord): number {
  const x = a.name.toLowerCase();
  const y = b.name.toLowerCase();
  if (x !== y) return x < y ? -1 : 1;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

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
  const start = (query.page - 1) * query.pageSize;
  const items = sorted.slice(start, start + query.pageSize);
  const more = start + query.pageSize < sorted.length;
  // How Kinde marks the last page (missing, null or "") is unconfirmed: the sandbox sends null.
  return { items, nextToken: more ? encodeNextToken({ ...query, page: query.page + 1 }) : null };
}
