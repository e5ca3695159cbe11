import type { AuditEntry } from './entry';

const COLUMNS = [
  'at',
  'actor_id',
  'actor_name',
  'actor_role',
  'connection',
  'provider',
  'operation',
  'summary',
  'method',
  'org',
  'user',
  'email',
  'outcome',
  'status',
  'error',
] as const;

/**
 * One cell: quoted, quotes doubled, and a leading `=`, `+`, `-`, `@`, tab or carriage return
 * neutralised with an apostrophe so a spreadsheet never runs it as a formula.
 */
export function csvCell(value: string | number | undefined): string {
  let text = value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

function cells(entry: AuditEntry): string {
  const actor = entry.actor;
  return [
    entry.at,
    actor.id,
    'name' in actor ? actor.name : '',
    'role' in actor ? actor.role : '',
    entry.connectionId,
    entry.provider,
    entry.operationId,
    entry.summary,
    entry.method,
    entry.target.orgId,
    entry.target.userId,
    entry.target.email,
    entry.outcome,
    entry.status,
    entry.error,
  ]
    .map(csvCell)
    .join(',');
}

export function auditCsvHeader(): string {
  return `${COLUMNS.join(',')}\r\n`;
}

/** One entry as a CSV line, with its CRLF. */
export function auditCsvRow(entry: AuditEntry): string {
  return `${cells(entry)}\r\n`;
}

export function auditCsv(entries: readonly AuditEntry[]): string {
  return auditCsvHeader() + entries.map(auditCsvRow).join('');
}
