import { z } from 'zod';
import { CONSOLE_ROLES } from '../../src/api/operations';

/** One state-changing call through the gateway: who, when, where, what, and how it ended. */
export const AuditEntry = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  actor: z.union([
    z.object({ id: z.string(), name: z.string(), role: z.enum(CONSOLE_ROLES) }),
    z.object({ id: z.literal('anonymous') }),
  ]),
  connectionId: z.string(),
  provider: z.string(),
  operationId: z.string(),
  summary: z.string(),
  method: z.string(),
  target: z.object({
    orgId: z.string().optional(),
    /** The org's name where the server knows it when the log is read (never stored). */
    orgName: z.string().optional(),
    userId: z.string().optional(),
    /** Invited addresses; several (bulk invitations) are joined with ", ". */
    email: z.string().optional(),
  }),
  /**
   * `partial`: the provider accepted a bulk call (2xx) but reported some of its items not done
   * (named in `error`); `failure` is also used when it reported none of them done.
   */
  outcome: z.enum(['success', 'partial', 'failure', 'refused']),
  /** The provider's status, or the gateway's own when it answered itself. */
  status: z.number().int(),
  /** The provider's (or gateway's) message, scrubbed of secrets, at most 300 characters. */
  error: z.string().optional(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export type AuditActor = AuditEntry['actor'];
export type AuditOutcome = AuditEntry['outcome'];
export type AuditTarget = AuditEntry['target'];

export const AUDIT_OUTCOMES = ['success', 'partial', 'failure', 'refused'] as const;

export interface AuditFilter {
  /** One entry, by the id the gateway sent back in its audit-id header. */
  readonly id?: string;
  /** Matches the actor's id or name, case-insensitively, anywhere in it. */
  readonly actor?: string;
  readonly connection?: string;
  /** The target organization id, exactly. */
  readonly org?: string;
  /** The operation id, exactly. */
  readonly operation?: string;
  readonly outcome?: AuditOutcome;
}

export interface AuditPage {
  readonly page: number;
  readonly pageSize: number;
  /** Keyset paging: entries older than this `nextBefore` of a previous page (then `page` is ignored). */
  readonly before?: number;
}

export function matchesFilter(entry: AuditEntry, filter: AuditFilter): boolean {
  if (filter.id !== undefined && entry.id !== filter.id) return false;
  if (filter.connection !== undefined && entry.connectionId !== filter.connection) return false;
  if (filter.org !== undefined && entry.target.orgId !== filter.org) return false;
  if (filter.operation !== undefined && entry.operationId !== filter.operation) return false;
  if (filter.outcome !== undefined && entry.outcome !== filter.outcome) return false;
  if (filter.actor !== undefined) {
    const wanted = filter.actor.toLowerCase();
    const name = 'name' in entry.actor ? entry.actor.name : '';
    if (!entry.actor.id.toLowerCase().includes(wanted) && !name.toLowerCase().includes(wanted)) {
      return false;
    }
  }
  return true;
}
