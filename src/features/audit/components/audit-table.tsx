import Chip from '@mui/material/Chip';
import Skeleton from '@mui/material/Skeleton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { AuditEntry, AuditOutcome } from '../../../api/audit';
import { formatDateTime } from '../../../lib/format';

const OUTCOME_COLOR = {
  success: 'success',
  partial: 'warning',
  failure: 'error',
  refused: 'warning',
} as const satisfies Record<AuditOutcome, string>;

function target(entry: AuditEntry): string {
  return (
    [entry.target.email, entry.target.userId, entry.target.orgId].filter(Boolean).join(' · ') || '—'
  );
}

/** Audit entries, newest first: who, when, where, what, on what, and how it ended. */
export function AuditTable({
  entries,
  showConnection,
}: {
  readonly entries: readonly AuditEntry[] | null;
  readonly showConnection: boolean;
}) {
  return (
    <Table size="small" aria-label="Audit log">
      <TableHead>
        <TableRow>
          <TableCell>When</TableCell>
          <TableCell>Who</TableCell>
          {showConnection ? <TableCell>Connection</TableCell> : null}
          <TableCell>Operation</TableCell>
          <TableCell>Target</TableCell>
          <TableCell>Outcome</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {entries === null
          ? Array.from({ length: 5 }, (_, index) => (
              <TableRow key={index}>
                <TableCell colSpan={showConnection ? 6 : 5}>
                  <Skeleton aria-hidden />
                </TableCell>
              </TableRow>
            ))
          : entries.map((entry) => (
              <TableRow key={entry.id} hover>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at)}</TableCell>
                <TableCell>
                  {entry.actor.name ?? entry.actor.id}
                  {entry.actor.role ? (
                    <Typography variant="caption" color="text.secondary" component="span">
                      {' '}
                      ({entry.actor.role})
                    </Typography>
                  ) : null}
                </TableCell>
                {showConnection ? <TableCell>{entry.connectionId}</TableCell> : null}
                <TableCell>{entry.summary ?? entry.operationId}</TableCell>
                <TableCell sx={{ overflowWrap: 'anywhere' }}>{target(entry)}</TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    color={OUTCOME_COLOR[entry.outcome]}
                    label={`${entry.outcome}${entry.status ? ` ${String(entry.status)}` : ''}`}
                  />
                  {entry.error ? (
                    <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                      {entry.error}
                    </Typography>
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
      </TableBody>
    </Table>
  );
}
