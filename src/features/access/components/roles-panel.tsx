import SearchIcon from '@mui/icons-material/Search';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Grid from '@mui/material/Grid';
import InputAdornment from '@mui/material/InputAdornment';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { Organization } from '../../../api/domain';
import type { Member } from '../../../api/people';
import { EmptyState } from '../../../components/empty-state';
import { ErrorState } from '../../../components/error-state';
import { visuallyHidden } from '../../../components/visually-hidden';
import { useActiveConnection } from '../../../lib/connection-context';
import { useDocumentOffset } from '../../../lib/use-document-offset';
import { memberQueries } from '../../../data/members';
import { BulkRoleDialog } from './bulk-role-dialog';
import { ACCESS_HEADING_ID, MemberAccessCard } from './member-access-card';
import { Gated } from '../../../components/gated';

const ROW = 60;

function label(member: Member): string {
  return member.email ?? member.name ?? member.userId;
}

/** Members with their roles; one member's access opened beside the list; bulk role changes for a selection. */
export function RolesPanel({ org }: { readonly org: Organization }) {
  const active = useActiveConnection();
  const caps = active.api.capabilities;
  const [searchParams, setSearchParams] = useSearchParams();
  const query = searchParams.get('q') ?? '';
  const memberId = searchParams.get('member');
  const members = useQuery(memberQueries.everything(active, org.id));
  const [selected, setSelected] = useState<ReadonlyMap<string, Member>>(new Map());
  const [bulkOpen, setBulkOpen] = useState(false);
  // Set once the user picks a member: from then on the chosen member's card takes focus.
  const [picked, setPicked] = useState(false);
  const listRef = useRef<HTMLDivElement>(null);
  const scrollMargin = useDocumentOffset(listRef);
  const needle = query.trim().toLowerCase();
  const shown = useMemo(
    () =>
      (members.data?.items ?? []).filter(
        (member) =>
          needle === '' ||
          `${member.name ?? ''} ${member.email ?? ''} ${member.roles.map((r) => r.name).join(' ')}`
            .toLowerCase()
            .includes(needle),
      ),
    [members.data, needle],
  );
  // Against the window: the page scrolls (one scrollbar, no cut rows); rows are measured, so a
  // long name or many roles that wrap are never clipped.
  const virtualizer = useWindowVirtualizer({
    count: shown.length,
    estimateSize: () => ROW,
    overscan: 8,
    scrollMargin,
  });
  const current = memberId
    ? members.data?.items.find((member) => member.userId === memberId)
    : undefined;
  const canBulk = caps.access?.roles === 'editable' || caps.people.members?.changeRole === true;
  if (!caps.access)
    return <Alert severity="info">{caps.displayName} shows no member roles here.</Alert>;

  const setParam = (key: string, value: string | null) => {
    setSearchParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value === null || value === '') next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: key === 'q' },
    );
  };

  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, md: 5 }}>
        <Paper component="section" aria-label="Members and their roles">
          <Stack spacing={1.5} sx={{ p: 2 }}>
            <TextField
              size="small"
              label="Find a member"
              value={query}
              onChange={(event) => {
                setParam('q', event.target.value);
              }}
              slotProps={{
                input: {
                  startAdornment: (
                    <InputAdornment position="start">
                      <SearchIcon fontSize="small" />
                    </InputAdornment>
                  ),
                },
              }}
            />
            {canBulk ? (
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                <Typography variant="body2" sx={{ flexGrow: 1 }}>
                  {selected.size === 0
                    ? 'Select members to change roles in bulk'
                    : `${selected.size} selected`}
                </Typography>
                <Gated need="admin" action="change roles">
                  {(gated) => (
                    <Button
                      size="small"
                      variant="outlined"
                      sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}
                      disabled={gated || selected.size === 0}
                      onClick={() => {
                        setBulkOpen(true);
                      }}
                    >
                      Change roles…
                    </Button>
                  )}
                </Gated>
              </Stack>
            ) : null}
          </Stack>
          {current ? (
            // Keyboard users reach the chosen member's roles without tabbing through every member.
            <Button
              size="small"
              sx={{
                ...visuallyHidden,
                '&:focus': {
                  position: 'static',
                  width: 'auto',
                  height: 'auto',
                  clip: 'auto',
                  overflow: 'visible',
                  whiteSpace: 'normal',
                  m: 1,
                },
              }}
              onClick={() => {
                document.getElementById(ACCESS_HEADING_ID)?.focus();
              }}
            >
              Skip to the access of {label(current)}
            </Button>
          ) : null}
          {members.isPending ? (
            <Box sx={{ px: 2, pb: 2 }}>
              {[0, 1, 2, 3, 4].map((key) => (
                <Skeleton key={key} height={ROW} aria-hidden />
              ))}
            </Box>
          ) : members.isError ? (
            <Box sx={{ p: 2 }}>
              <ErrorState
                title="Could not load members"
                error={members.error}
                onRetry={() => void members.refetch()}
              />
            </Box>
          ) : shown.length === 0 ? (
            <EmptyState title={needle ? 'No member matches' : 'No members'} />
          ) : (
            <Box ref={listRef} role="list" aria-label="Members">
              <Box sx={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
                {virtualizer.getVirtualItems().map((item) => {
                  const member = shown[item.index];
                  if (!member) return null;
                  const name = label(member);
                  return (
                    <Stack
                      key={member.userId}
                      ref={virtualizer.measureElement}
                      data-index={item.index}
                      role="listitem"
                      direction="row"
                      sx={{
                        position: 'absolute',
                        top: 0,
                        left: 0,
                        right: 0,
                        minHeight: ROW,
                        transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)`,
                        alignItems: 'center',
                      }}
                    >
                      {canBulk ? (
                        <Checkbox
                          checked={selected.has(member.userId)}
                          onChange={(event) => {
                            const on = event.target.checked;
                            setSelected((previous) => {
                              const next = new Map(previous);
                              if (on) next.set(member.userId, member);
                              else next.delete(member.userId);
                              return next;
                            });
                          }}
                          slotProps={{ input: { 'aria-label': `Select ${name}` } }}
                        />
                      ) : null}
                      <ListItemButton
                        selected={member.userId === memberId}
                        onClick={() => {
                          setPicked(true);
                          setParam('member', member.userId);
                        }}
                        sx={{ minHeight: ROW }}
                      >
                        <ListItemText
                          primary={name}
                          secondary={member.roles.map((role) => role.name).join(', ') || 'No role'}
                        />
                      </ListItemButton>
                    </Stack>
                  );
                })}
              </Box>
            </Box>
          )}
        </Paper>
      </Grid>
      <Grid size={{ xs: 12, md: 7 }}>
        {current ? (
          <MemberAccessCard key={current.userId} org={org} member={current} focusOnOpen={picked} />
        ) : (
          <Paper>
            <EmptyState
              title="Choose a member"
              description="Their roles and the permissions those roles give are shown here."
            />
          </Paper>
        )}
      </Grid>
      {bulkOpen ? (
        <BulkRoleDialog
          org={org}
          members={[...selected.values()]}
          onClose={() => {
            setBulkOpen(false);
            setSelected(new Map());
          }}
        />
      ) : null}
    </Grid>
  );
}
