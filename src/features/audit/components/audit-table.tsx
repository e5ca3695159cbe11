import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Skeleton from '@mui/material/Skeleton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router-dom';
import type { AuditEntry, AuditOutcome } from '../../../api/audit';
import { paths } from '../../../config/paths';
import { formatDateTime } from '../../../lib/format';
import { describeOperation, outcomeText } from '../audit-wording';

const OUTCOME_COLOR = {
  success: 'success',
  partial: 'warning',
  failure: 'error',
  refused: 'warning',
} as const satisfies Record<AuditOutcome, string>;

export interface AuditTableProps {
  readonly entries: readonly AuditEntry[] | null;
  readonly showConnection: boolean;
  /** The connection's name ("Kinde (sandbox)"), never its id where the name is known. */
  readonly connectionName: (connectionId: string) => string;
  /** An org's name where the console knows it; null shows its id, unlinked. */
  readonly orgName: (connectionId: string, orgId: string) => string | null;
}

/** Several addresses or users acted on: listed under the sentence that counts them. */
function everyone(entry: AuditEntry): string | null {
  const value = entry.target.email ?? entry.target.userId ?? '';
  return value.includes(', ') ? value : null;
}

function What({ entry, props }: { readonly entry: AuditEntry; readonly props: AuditTableProps }) {
  const orgId = entry.target.orgId;
  const name = orgId
    ? (props.orgName(entry.connectionId, orgId) ?? entry.target.orgName ?? null)
    : null;
  const sentence = describeOperation(entry, name);
  const linked = orgId !== undefined && name !== null && entry.operationId !== 'deleteOrganization';
  const people = everyone(entry);
  return (
    <>
      {sentence.before}
      {sentence.org !== null && linked ? (
        <Link
          component={RouterLink}
          to={paths.orgs.detail.href(entry.connectionId, orgId, 'overview')}
        >
          {sentence.org}
        </Link>
      ) : (
        sentence.org
      )}
      {sentence.after}
      {people ? (
        <Typography
          variant="caption"
          color="text.secondary"
          sx={{ display: 'block', overflowWrap: 'anywhere' }}
        >
          {people}
        </Typography>
      ) : null}
    </>
  );
}

/** Audit entries, newest first: when, who, where, what was done (in words) and how it ended. */
export function AuditTable(props: AuditTableProps) {
  const { entries, showConnection } = props;
  return (
    <Table size="small" aria-label="Audit log">
      <TableHead>
        <TableRow>
          <TableCell>When</TableCell>
          <TableCell>Who</TableCell>
          {showConnection ? <TableCell>Connection</TableCell> : null}
          <TableCell>What</TableCell>
          <TableCell>Outcome</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {entries === null
          ? Array.from({ length: 5 }, (_, index) => (
              <TableRow key={index}>
                <TableCell colSpan={showConnection ? 5 : 4}>
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
                {showConnection ? (
                  <TableCell>{props.connectionName(entry.connectionId)}</TableCell>
                ) : null}
                <TableCell sx={{ overflowWrap: 'anywhere' }}>
                  <What entry={entry} props={props} />
                </TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    color={OUTCOME_COLOR[entry.outcome]}
                    label={outcomeText(entry)}
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
