import { randomUUID } from 'node:crypto';
import type { OperationMatch } from '../../src/api/operations';
import type { Connection } from '../config';
import type { AuditActor, AuditOutcome, AuditTarget } from './entry';
import { scrubSecrets, truncate } from './message';
import type { AuditStore } from './store';

export interface AuditRecord {
  readonly actor: AuditActor;
  readonly connection: Connection;
  readonly match: OperationMatch;
  readonly target: AuditTarget;
  readonly outcome: AuditOutcome;
  readonly status: number;
  readonly error?: string | null;
  /** Values to scrub from the error besides the connection's own secrets (tokens used). */
  readonly secrets?: readonly string[];
}

export function connectionSecrets(connection: Connection): string[] {
  const auth = connection.auth;
  if (auth.type === 'bearer') return [auth.secret];
  if (auth.type === 'oauth2-client-credentials') return [auth.clientSecret];
  return [];
}

/** Turns a gateway outcome into an audit entry; a failed write is logged, never thrown. */
export class Auditor {
  constructor(
    private readonly store: AuditStore,
    private readonly log: (line: string) => void,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Appends the entry; resolves to its id, or null when it could not be written. */
  async record(record: AuditRecord): Promise<string | null> {
    const secrets = [...connectionSecrets(record.connection), ...(record.secrets ?? [])];
    const error =
      record.error === undefined || record.error === null || record.error.trim() === ''
        ? undefined
        : truncate(scrubSecrets(record.error, secrets));
    const id = randomUUID();
    try {
      await this.store.append({
        id,
        at: new Date(this.now()).toISOString(),
        actor: record.actor,
        connectionId: record.connection.id,
        provider: record.connection.provider,
        operationId: record.match.id,
        summary: record.match.op.summary,
        method: record.match.op.method,
        target: record.target,
        outcome: record.outcome,
        status: record.status,
        ...(error === undefined ? {} : { error }),
      });
      return id;
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code ?? 'error';
      this.log(`audit write failed (${code}) for ${record.connection.id} ${record.match.id}`);
      return null;
    }
  }
}
