import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Skeleton from '@mui/material/Skeleton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import type { Organization } from '../../../api/domain';
import type { FeatureFlag } from '../../../api/people';
import { ErrorState } from '../../../components/error-state';
import { paths } from '../../../config/paths';
import { useActiveConnection } from '../../../lib/connection-context';
import { useSeen } from '../../../lib/use-seen';
import { flagQueries } from '../api/queries';
import { FlagEditDialog } from './flag-edit-dialog';
import { FlagValueControl } from './flag-value-control';

function MatrixRow({
  org,
  flagKeys,
  onEdit,
}: {
  readonly org: Organization;
  readonly flagKeys: readonly string[];
  readonly onEdit: (org: Organization, flag: FeatureFlag) => void;
}) {
  const active = useActiveConnection();
  const rowRef = useRef<HTMLTableRowElement>(null);
  const seen = useSeen(rowRef);
  const flags = useQuery({ ...flagQueries.org(active, org.id), enabled: seen });
  return (
    <TableRow hover ref={rowRef}>
      <TableCell
        component="th"
        scope="row"
        sx={{ position: 'sticky', left: 0, bgcolor: 'background.paper', zIndex: 1, minWidth: 200 }}
      >
        <Link
          component={RouterLink}
          to={paths.orgs.detail.href(active.connection.id, org.id, 'flags')}
        >
          {org.name}
        </Link>
      </TableCell>
      {flags.isError ? (
        <TableCell colSpan={Math.max(1, flagKeys.length)}>
          <ErrorState
            title={`Flags of ${org.name} did not load`}
            error={flags.error}
            onRetry={() => void flags.refetch()}
          />
        </TableCell>
      ) : (
        flagKeys.map((key) => {
          const flag = flags.data?.find((item) => item.key === key);
          return (
            <TableCell
              key={key}
              sx={flag?.overridden ? { bgcolor: 'action.selected', fontWeight: 600 } : undefined}
              aria-description={flag?.overridden ? 'Overridden for this organization' : undefined}
            >
              {flags.isPending ? (
                <Skeleton variant="text" width={60} aria-hidden />
              ) : flag ? (
                <FlagValueControl
                  orgId={org.id}
                  orgName={org.name}
                  flag={flag}
                  compact
                  onEdit={(chosen) => {
                    onEdit(org, chosen);
                  }}
                />
              ) : (
                '—'
              )}
            </TableCell>
          );
        })
      )}
    </TableRow>
  );
}

/**
 * Flags as columns, the given orgs as rows; overridden cells stand out and edit in place. A row
 * loads its org's flags when it comes into view, a few orgs at a time (see `flagQueries`), and
 * each stays cached.
 */
export function FlagMatrix({
  orgs,
  busy,
}: {
  /** The orgs of one list page; `undefined` while they load. */
  readonly orgs: readonly Organization[] | undefined;
  readonly busy: boolean;
}) {
  const active = useActiveConnection();
  const [editing, setEditing] = useState<{ org: Organization; flag: FeatureFlag } | null>(null);
  const first = orgs?.[0];
  const firstFlags = useQuery({
    ...flagQueries.org(active, first?.id ?? ''),
    enabled: first !== undefined,
  });
  const flagList = firstFlags.data ?? [];

  return (
    <>
      {firstFlags.isError ? (
        <Box sx={{ p: 2 }}>
          <ErrorState
            title="The flag columns did not load"
            error={firstFlags.error}
            onRetry={() => void firstFlags.refetch()}
            retrying={firstFlags.isFetching}
          />
        </Box>
      ) : null}
      <Box sx={{ overflowX: 'auto' }}>
        <Table
          size="small"
          aria-label="Feature flag matrix"
          aria-busy={busy || firstFlags.isFetching}
        >
          <TableHead>
            <TableRow>
              <TableCell
                sx={{ position: 'sticky', left: 0, bgcolor: 'background.paper', zIndex: 2 }}
              >
                Organization
              </TableCell>
              {flagList.map((flag) => (
                <TableCell key={flag.key} sx={{ whiteSpace: 'nowrap' }}>
                  <Tooltip title={`${flag.key} · ${flag.type}`}>
                    <span>{flag.name}</span>
                  </Tooltip>
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {orgs
              ? orgs.map((org) => (
                  <MatrixRow
                    key={org.id}
                    org={org}
                    flagKeys={flagList.map((flag) => flag.key)}
                    onEdit={(chosenOrg, flag) => {
                      setEditing({ org: chosenOrg, flag });
                    }}
                  />
                ))
              : Array.from({ length: 5 }, (_, index) => (
                  <TableRow key={index} aria-hidden>
                    <TableCell>
                      <Skeleton variant="text" width={160} />
                    </TableCell>
                  </TableRow>
                ))}
          </TableBody>
        </Table>
      </Box>
      {editing ? (
        <FlagEditDialog
          orgId={editing.org.id}
          orgName={editing.org.name}
          flag={editing.flag}
          onClose={() => {
            setEditing(null);
          }}
        />
      ) : null}
    </>
  );
}
