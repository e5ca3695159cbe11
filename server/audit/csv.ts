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

export function auditCsv(entries: readonly AuditEntry[]): string {
  const rows = entries.map((entry) => {
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
  });
  return `${[COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}
