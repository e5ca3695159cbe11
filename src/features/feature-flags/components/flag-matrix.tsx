import ArrowForwardIcon from '@mui/icons-material/ArrowForward';
import TuneIcon from '@mui/icons-material/Tune';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Skeleton from '@mui/material/Skeleton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { alpha, type Theme } from '@mui/material/styles';
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
import { useHorizontalOverflow } from './use-horizontal-overflow';

/** A shade that shows on either scheme's paper: dark on light, light on dark. */
function edgeShade(theme: Theme, strength: number): string {
  return theme.palette.mode === 'dark'
    ? alpha(theme.palette.common.white, strength * 0.6)
    : alpha(theme.palette.common.black, strength);
}

/** The org column stays put while the flags scroll under it; a shadow shows it is pinned. */
function stickyColumn(pinned: boolean, zIndex: number) {
  return {
    position: 'sticky',
    left: 0,
    zIndex,
    bgcolor: 'background.paper',
    // Dark papers are lifted by an overlay image: the pinned cell carries the same one.
    backgroundImage: 'var(--Paper-overlay)',
    boxShadow: pinned ? (theme: Theme) => `4px 0 6px -2px ${edgeShade(theme, 0.35)}` : 'none',
    minWidth: 200,
  } as const;
}

/**
 * An overridden cell: a bar, an icon and the word, in the primary colour (at least 3:1 against
 * the paper in both schemes), over a light tint, so it is never told by tint alone.
 */
const OVERRIDDEN_CELL = {
  bgcolor: (theme: Theme) => alpha(theme.palette.primary.main, 0.08),
  boxShadow: (theme: Theme) => `inset 3px 0 0 ${theme.palette.primary.main}`,
} as const;

function OverriddenMark() {
  return (
    <Typography
      variant="caption"
      component="span"
      sx={{
        display: 'inline-flex',
        alignItems: 'center',
        gap: 0.5,
        color: 'primary.main',
        fontWeight: 600,
        whiteSpace: 'nowrap',
      }}
    >
      <TuneIcon sx={{ fontSize: 14 }} aria-hidden />
      Overridden
    </Typography>
  );
}

function MatrixRow({
  org,
  flagKeys,
  onEdit,
  pinned,
}: {
  readonly org: Organization;
  readonly flagKeys: readonly string[];
  readonly pinned: boolean;
  readonly onEdit: (org: Organization, flag: FeatureFlag) => void;
}) {
  const active = useActiveConnection();
  const rowRef = useRef<HTMLTableRowElement>(null);
  const seen = useSeen(rowRef);
  const flags = useQuery({ ...flagQueries.org(active, org.id), enabled: seen });
  return (
    <TableRow hover ref={rowRef}>
      <TableCell component="th" scope="row" sx={stickyColumn(pinned, 1)}>
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
              sx={flag?.overridden ? OVERRIDDEN_CELL : undefined}
              aria-description={flag?.overridden ? 'Overridden for this organization' : undefined}
            >
              {flags.isPending ? (
                <Skeleton variant="text" width={60} aria-hidden />
              ) : flag ? (
                <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
                  <FlagValueControl
                    orgId={org.id}
                    orgName={org.name}
                    flag={flag}
                    compact
                    onEdit={(chosen) => {
                      onEdit(org, chosen);
                    }}
                  />
                  {flag.overridden ? <OverriddenMark /> : null}
                </Box>
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
  const scroller = useRef<HTMLDivElement>(null);
  const overflow = useHorizontalOverflow(scroller);
  const more = overflow.hiddenRight;

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
      {more > 0 ? (
        <Box sx={{ display: 'flex', justifyContent: 'flex-end', px: 2, pt: 1 }}>
          <Button
            size="small"
            endIcon={<ArrowForwardIcon />}
            onClick={() => {
              const box = scroller.current;
              box?.scrollBy({ left: Math.max(200, box.clientWidth - 240), behavior: 'smooth' });
            }}
          >
            {more} more {more === 1 ? 'column' : 'columns'}
          </Button>
        </Box>
      ) : null}
      <Box sx={{ position: 'relative' }}>
        <Box ref={scroller} sx={{ overflowX: 'auto', position: 'relative' }}>
          <Table
            size="small"
            aria-label="Feature flag matrix"
            aria-busy={busy || firstFlags.isFetching}
          >
            <TableHead>
              <TableRow>
                <TableCell sx={stickyColumn(overflow.scrolledLeft, 3)}>Organization</TableCell>
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
                      pinned={overflow.scrolledLeft}
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
        {more > 0 ? (
          // The right edge fades: more columns lie beyond it.
          <Box
            aria-hidden
            sx={{
              position: 'absolute',
              top: 0,
              right: 0,
              bottom: 0,
              width: 32,
              pointerEvents: 'none',
              background: (theme) =>
                `linear-gradient(to right, transparent, ${edgeShade(theme, 0.2)})`,
            }}
          />
        ) : null}
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
