import type { AuditTables } from '../audit/tables';
import type { AuthTables } from '../auth/tables';
import type { SandboxTables } from '../sandbox/tables';

/** Keys and other small values the server keeps for itself (shared by replicas). */
export interface ServerKeysTable {
  name: string;
  value: string;
}

export interface StoreTables {
  server_keys: ServerKeysTable;
}

/** Every table of the store: the intersection of each module's table interfaces. */
export type Database = StoreTables & AuthTables & AuditTables & SandboxTables;
