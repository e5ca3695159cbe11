import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { BreakableEmail } from '../../../components/breakable-email';
import type { BatchRow, BatchStatus } from '../email-batch';

/** Long check messages wrap inside their chip rather than widening the column. */
const wrappingChip = {
  height: 'auto',
  py: 0.25,
  '& .MuiChip-label': { whiteSpace: 'normal', overflowWrap: 'break-word' },
} as const;

const COLOR: Record<BatchStatus, 'success' | 'error' | 'warning' | 'default'> = {
  ready: 'success',
  invalid: 'error',
  duplicate: 'warning',
  member: 'warning',
  invited: 'warning',
};

export interface BatchOutcome {
  readonly ok: boolean;
  readonly message: string;
}

/** The check of each address before sending, and after sending its result. */
export function BatchRowsView({
  rows,
  outcomes,
  showRoles,
}: {
  readonly rows: readonly BatchRow[];
  readonly outcomes: ReadonlyMap<string, BatchOutcome>;
  readonly showRoles: boolean;
}) {
  return (
    <Table size="small" aria-label="Addresses">
      <TableHead>
        <TableRow>
          <TableCell>Email</TableCell>
          {showRoles ? <TableCell>Role</TableCell> : null}
          <TableCell>Check</TableCell>
          <TableCell>Result</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row, index) => {
          const outcome = row.status === 'ready' ? outcomes.get(row.email) : undefined;
          return (
            <TableRow key={`${row.email}-${String(index)}`}>
              <TableCell sx={{ overflowWrap: 'break-word' }}>
                <BreakableEmail>{row.input}</BreakableEmail>
              </TableCell>
              {showRoles ? <TableCell>{row.roles.join(', ') || '—'}</TableCell> : null}
              <TableCell>
                <Chip
                  size="small"
                  color={COLOR[row.status]}
                  variant="outlined"
                  label={row.message}
                  sx={wrappingChip}
                />
              </TableCell>
              <TableCell>
                {row.status !== 'ready' ? (
                  'Not sent'
                ) : outcome ? (
                  <Chip
                    size="small"
                    color={outcome.ok ? 'success' : 'error'}
                    label={outcome.message}
                    sx={wrappingChip}
                  />
                ) : (
                  '—'
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
