import * as z from 'zod/mini';
import { ApiError, defaultMessage, kindForStatus } from './errors';
import { parseWire } from './parse';

/** The console's audit trail, as the Orgdeck server serves it. */

/** `partial`: a bulk call the provider accepted with some items not done (see the error). */
export const AUDIT_OUTCOMES = ['success', 'partial', 'failure', 'refused'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export const AuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({ id: z.string(), name: z.optional(z.string()), role: z.optional(z.string()) }),
  connectionId: z.string(),
  provider: z.optional(z.string()),
  operationId: z.string(),
  summary: z.optional(z.string()),
  method: z.optional(z.string()),
  target: z.object({
    orgId: z.optional(z.string()),
    /** The org's name where the server knows it (its connection index). */
    orgName: z.optional(z.string()),
    userId: z.optional(z.string()),
    email: z.optional(z.string()),
  }),
  outcome: z.enum(AUDIT_OUTCOMES),
  status: z.nullish(z.number()),
  error: z.nullish(z.string()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** `totalCapped`: more entries match than `total` (the server counts exactly only up to a cap). */
export const AuditPage = z.object({
  items: z.array(AuditEntry),
  total: z.number(),
  totalCapped: z.optional(z.boolean()),
  /** Keyset paging: pass as `before` for the next (older) page; absent on the last page. */
  nextBefore: z.optional(z.number()),
});
export type AuditPage = z.infer<typeof AuditPage>;

export interface AuditFilter {
  readonly actor?: string;
  readonly connection?: string;
  readonly org?: string;
  readonly operation?: string;
  readonly outcome?: AuditOutcome;
  readonly page: number;
  readonly pageSize: number;
  /** Keyset paging: entries older than this cursor (a page's `nextBefore`); `page` is then 1. */
  readonly before?: number;
}

export function auditQueryString(filter: AuditFilter): string {
  const search = new URLSearchParams();
  for (const key of ['actor', 'connection', 'org', 'operation', 'outcome'] as const) {
    const value = filter[key];
    if (value) search.set(key, value);
  }
  search.set('page', String(filter.page));
  search.set('pageSize', String(filter.pageSize));
  if (filter.before !== undefined) search.set('before', String(filter.before));
  return search.toString();
}

export async function fetchAudit(filter: AuditFilter, signal?: AbortSignal): Promise<AuditPage> {
  const response = await fetch(`/api/audit?${auditQueryString(filter)}`, {
    headers: { accept: 'application/json' },
    ...(signal ? { signal } : {}),
  });
  if (!response.ok) {
    const kind = kindForStatus(response.status);
    const body = (await response.json().catch(() => null)) as {
      error?: { message?: unknown };
    } | null;
    throw new ApiError({
      kind,
      status: response.status,
      message: typeof body?.error?.message === 'string' ? body.error.message : defaultMessage(kind),
    });
  }
  return parseWire(AuditPage, await response.json(), 'audit log');
}

/** Where the same filter downloads as CSV. */
export function auditCsvUrl(filter: AuditFilter): string {
  // The whole filtered log, not the page on screen: no cursor.
  const search = new URLSearchParams(auditQueryString({ ...filter, page: 1, pageSize: 100_000 }));
  search.delete('before');
  return `/api/audit.csv?${search.toString()}`;
}
