import type { OperationMatch } from '../../src/api/operations';
import { bulkShortfall } from '../audit/bulk';
import type { Auditor } from '../audit/auditor';
import type { AuditOutcome, AuditTarget } from '../audit/entry';
import { providerMessage } from '../audit/message';
import { auditTarget, bodyUserIds, createdOrgId } from '../audit/target';
import { auditActor, type RequestAccess } from '../auth/access';
import type { Connection } from '../config';

/**
 * Step 6, audit: every state-changing call, refused or forwarded, becomes one audit entry, with
 * what it acted on (the path's org and user, the body's invitees and users, the created org) and
 * its outcome as the provider's answer tells it (bulk answers that did not do everything are
 * `partial` or `failure`). Read-only calls are not recorded. Resolves to the entry's id.
 */
export class CallAudit {
  /** What the call acted on, as far as known (the created org once the provider answered). */
  private target: AuditTarget | undefined;
  private body: Uint8Array | undefined;
  private contentType: string | undefined;

  constructor(
    private readonly auditor: Auditor | undefined,
    private readonly access: RequestAccess,
    private readonly connection: Connection,
    private readonly match: OperationMatch,
  ) {}

  /** The body is known (after authorization): it may name invitees and users. */
  readBody(body: Uint8Array | undefined, contentType: string | undefined): void {
    this.target = undefined;
    this.contentType = contentType;
    this.body = body;
  }

  /**
   * Who and what the call is about (with the created org's id once the provider answered),
   * worked out when first asked for: only writes are audited, so a read never computes it.
   */
  get currentTarget(): AuditTarget {
    this.target ??= auditTarget(this.match, this.body, this.contentType);
    return this.target;
  }

  async record(
    outcome: AuditOutcome,
    status: number,
    error: string | null,
    secrets: readonly string[],
  ): Promise<string | null> {
    if (!this.match.op.mutates || !this.auditor) return null;
    return this.auditor.record({
      actor: auditActor(this.access),
      connection: this.connection,
      match: this.match,
      target: this.currentTarget,
      outcome,
      status,
      error,
      secrets,
    });
  }

  /** The provider answered (`payload` already redacted). */
  async answered(
    status: number,
    payload: Uint8Array,
    secrets: readonly string[],
  ): Promise<string | null> {
    if (!this.match.op.mutates) return null;
    const { provider } = this.connection;
    const created = createdOrgId(provider, this.match, status, payload);
    if (created !== undefined) this.target = { ...this.currentTarget, orgId: created };
    if (!this.auditor) return null;
    const requested = bodyUserIds(this.match, this.body, this.contentType);
    const shortfall = bulkShortfall(provider, this.match, status, payload, requested);
    if (shortfall !== undefined) {
      return this.record(shortfall.outcome, status, shortfall.error, secrets);
    }
    if (status >= 200 && status < 300) return this.record('success', status, null, secrets);
    const message = providerMessage(new TextDecoder().decode(payload));
    return this.record('failure', status, message ?? `HTTP ${status}`, secrets);
  }
}
