import type { Generated } from 'kysely';

/** One audit entry per row; `seq` is the insertion order and the keyset for paging. */
export interface AuditEntriesTable {
  seq: Generated<string>;
  id: string;
  at: Date;
  actor_id: string;
  actor_name: string | null;
  actor_role: string | null;
  connection_id: string;
  provider: string;
  operation_id: string;
  summary: string;
  method: string;
  org_id: string | null;
  target_user_id: string | null;
  email: string | null;
  outcome: string;
  status: number;
  error: string | null;
}

export interface AuditActorsTable {
  actor_id: string;
  actor_name: string;
}

export interface AuditTables {
  audit_entries: AuditEntriesTable;
  audit_actors: AuditActorsTable;
}
