import type { KindeErrorItem } from './errors';

/**
 * Kinde's cursor paging, shared by every list endpoint: `page_size` (default 10, at most 500),
 * `sort` (an enum per endpoint) and an opaque `next_token`. The token follows the shape of
 * Kinde's examples (`MjoyOm5hbWVfYXNj` is base64 of `2:2:name_asc`: next page, page size, sort),
 * so it carries the page size and sort of the walk it belongs to. Filters are not in the token:
 * a client sends them with every page, as the SDK does.
 */

export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 500;

export interface PageQuery<S extends string> {
  /** 1-based. */
  readonly page: number;
  readonly pageSize: number;
  readonly sort: S | null;
}

function parseSort<S extends string>(
  raw: string | undefined,
  sorts: readonly S[],
): S | null | undefined {
  if (raw === undefined || raw === '') return null;
  return sorts.find((sort) => sort === raw);
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

/** `page_size` alone, for lists without a `next_token` (user search). */
export function readPageSize(
  get: (name: string) => string | undefined,
  errors: KindeErrorItem[],
): number {
  const raw = get('page_size') ?? '';
  if (raw === '') return DEFAULT_PAGE_SIZE;
  const error = pageSizeError(raw);
  if (error) errors.push(error);
  return error ? DEFAULT_PAGE_SIZE : Number(raw);
}

export function encodeNextToken(query: PageQuery<string>): string {
  return Buffer.from(`${query.page}:${query.pageSize}:${query.sort ?? ''}`).toString('base64');
}

function decodeNextToken<S extends string>(
  token: string,
  sorts: readonly S[],
): PageQuery<S> | null {
  const match = /^(\d+):(\d*):([a-z_]*)$/.exec(Buffer.from(token, 'base64').toString('utf8'));
  if (!match) return null;
  const [, page = '', size = '', sortText = ''] = match;
  const sort = parseSort(sortText, sorts);
  if (sort === undefined || Number(page) < 1 || (size !== '' && pageSizeError(size) !== null))
    return null;
  return { page: Number(page), pageSize: size === '' ? DEFAULT_PAGE_SIZE : Number(size), sort };
}

/** Reads `page_size`, `sort` and `next_token`; a token carries its own page size and sort. */
export function readPageQuery<S extends string>(
  get: (name: string) => string | undefined,
  sorts: readonly S[],
): PageQuery<S> | KindeErrorItem[] {
  const errors: KindeErrorItem[] = [];
  const rawSize = get('page_size') ?? '';
  const sizeError = rawSize === '' ? null : pageSizeError(rawSize);
  if (sizeError) errors.push(sizeError);
  const sort = parseSort(get('sort'), sorts);
  if (sort === undefined) {
    errors.push({
      code: 'INVALID_SORT',
      message: `Sort must be one of ${sorts.join(', ')}`,
      field: 'sort',
    });
  }
  const token = get('next_token') ?? '';
  const fromToken = token === '' ? null : decodeNextToken(token, sorts);
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

/** One page of already sorted rows, plus the token of the next (null at the end). */
export function pageOf<T, S extends string>(
  sorted: readonly T[],
  query: PageQuery<S>,
): { items: T[]; nextToken: string | null } {
  const start = (query.page - 1) * query.pageSize;
  const items = sorted.slice(start, start + query.pageSize);
  const more = start + query.pageSize < sorted.length;
  return { items, nextToken: more ? encodeNextToken({ ...query, page: query.page + 1 }) : null };
}

/**
 * The `next_token` member of a list answer: present only when there is a next page. How Kinde
 * marks the last page is unconfirmed; most of its list schemas (organizations, users, roles,
 * permissions) type `next_token` as a non-nullable string, and the SDK types it optional, so
 * leaving it out is the one answer valid against every list schema.
 */
export function nextTokenField(nextToken: string | null): { next_token?: string } {
  return nextToken === null ? {} : { next_token: nextToken };
}

/** A case-insensitive comparison of two texts, then of a tie-breaking id. */
export function compareText(a: string, b: string, idA: string, idB: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x !== y) return x < y ? -1 : 1;
  return idA < idB ? -1 : idA > idB ? 1 : 0;
}

/** A `true`/`false` query flag, false when absent; anything else adds an error. */
export function readBooleanQuery(
  get: (name: string) => string | undefined,
  name: string,
  errors: KindeErrorItem[],
): boolean {
  const raw = get(name);
  if (raw === undefined || raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  errors.push({ code: 'INVALID_VALUE', message: `${name} must be true or false`, field: name });
  return false;
}
