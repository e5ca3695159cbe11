import ApartmentIcon from '@mui/icons-material/Apartment';
import PersonIcon from '@mui/icons-material/Person';
import Box from '@mui/material/Box';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { visuallyHidden } from '../../components/visually-hidden';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { applyListParams } from '../../api/list-emulation';
import { findMembersInEachOrg } from '../../api/member-search';
import { paths } from '../../config/paths';
import { orgQueries } from '../../features/organizations/api/queries';
import { useActiveConnection } from '../../lib/connection-context';
import { focusPageHeading } from '../../lib/focus';
import { useGlobalSearch } from '../../lib/global-search-context';
import { queryRoots } from '../../lib/query-keys';
import { useDebouncedValue } from '../../lib/use-debounced-value';

interface Result {
  readonly key: string;
  readonly kind: 'org' | 'user';
  readonly primary: string;
  readonly secondary: string;
  readonly href: string;
}

const LIMIT = 8;
const LISTBOX_ID = 'global-search-results';
const optionId = (position: number) => `global-search-option-${position}`;

/** Jump to an org by name, slug or id, or to a member's org by their email, on the current connection. */
export function GlobalSearchDialog() {
  const { open, setOpen } = useGlobalSearch();
  const active = useActiveConnection();
  const { connection, api } = active;
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [index, setIndex] = useState(0);
  const query = useDebouncedValue(text.trim(), 200);
  const caps = api.capabilities;
  const serverSearch = caps.list.search === 'server';
  const orgsServer = useQuery({
    ...orgQueries.list(active, { page: 1, pageSize: LIMIT, search: query, sort: null }),
    enabled: open && serverSearch && query !== '',
  });
  const orgsAll = useQuery({
    ...orgQueries.everything(active),
    enabled: open && !serverSearch && query !== '',
  });
  const users = api.users;
  // A user directory that says which orgs a user is in; failing that, each org's members.
  const viaDirectory = caps.people.userSearch && caps.people.userOrganizations;
  const viaEachOrg = !viaDirectory && caps.people.members !== null;
  const findsMembers = viaDirectory || viaEachOrg;
  const emailQuery = query.includes('@') && query.length >= 3;
  // eslint-disable-next-line @tanstack/query/exhaustive-deps -- the connection id fixes `api`
  const people = useQuery({
    queryKey: [...queryRoots.users(connection.id), 'with-orgs', query],
    queryFn: async ({ signal }) => {
      if (!users?.organizationsOf) return [];
      const found = await users.search({ search: query, limit: 4 }, { signal });
      const organizationsOf = users.organizationsOf.bind(users);
      return Promise.all(
        found.map(async (user) => ({ user, orgs: await organizationsOf(user.id, { signal }) })),
      );
    },
    enabled: open && viaDirectory && emailQuery,
  });
  // eslint-disable-next-line @tanstack/query/exhaustive-deps -- the connection id fixes `api`
  const membersByOrg = useQuery({
    queryKey: [...queryRoots.users(connection.id), 'in-each-org', query],
    queryFn: ({ signal }) => findMembersInEachOrg(api, query, { signal }),
    enabled: open && viaEachOrg && emailQuery,
    staleTime: 30_000,
  });

  const orgs = serverSearch
    ? (orgsServer.data?.items ?? [])
    : orgsAll.data
      ? applyListParams(orgsAll.data.items, { page: 1, pageSize: LIMIT, search: query, sort: null })
          .items
      : [];
  const results: Result[] = [
    ...orgs.map((org) => ({
      key: `org-${org.id}`,
      kind: 'org' as const,
      primary: org.name,
      secondary: [org.slug, org.id].filter(Boolean).join(' · '),
      href: paths.orgs.detail.href(connection.id, org.id),
    })),
    ...(people.data ?? []).flatMap(({ user, orgs: memberships }) =>
      memberships.map((org) => ({
        key: `user-${user.id}-${org.id}`,
        kind: 'user' as const,
        primary: user.email ?? user.name ?? user.id,
        secondary: `Member of ${org.name ?? org.id}`,
        href: `${paths.orgs.detail.href(connection.id, org.id, 'members')}?q=${encodeURIComponent(user.email ?? user.id)}`,
      })),
    ),
    ...(membersByOrg.data?.matches ?? []).slice(0, LIMIT).map(({ member, org }) => ({
      key: `member-${member.userId}-${org.id}`,
      kind: 'user' as const,
      primary: member.email ?? member.name ?? member.userId,
      secondary: `Member of ${org.name}`,
      href: `${paths.orgs.detail.href(connection.id, org.id, 'members')}?q=${encodeURIComponent(member.email ?? member.userId)}`,
    })),
  ];
  const loading =
    orgsServer.isFetching || orgsAll.isFetching || people.isFetching || membersByOrg.isFetching;

  const notes = [
    ...(viaEachOrg && emailQuery
      ? [
          membersByOrg.data
            ? `Members looked for in ${membersByOrg.data.looked === membersByOrg.data.of ? `all ${membersByOrg.data.of}` : `the newest ${membersByOrg.data.looked} of ${membersByOrg.data.of}`} organizations`
            : 'Looking for members in each organization…',
        ]
      : []),
    ...(!serverSearch && orgsAll.data
      ? [`Filtered in your browser over ${orgsAll.data.items.length} loaded organizations`]
      : []),
  ];

  const close = () => {
    setOpen(false);
    setText('');
    setIndex(0);
  };
  const go = (result: Result | undefined) => {
    if (!result) return;
    close();
    void navigate(result.href);
    // Also when the jump stays on the same page (another tab of the same org).
    focusPageHeading();
  };

  return (
    <Dialog
      open={open}
      onClose={close}
      fullWidth
      maxWidth="sm"
      aria-labelledby="global-search-title"
      sx={{ '& .MuiDialog-container': { alignItems: 'flex-start', pt: 8 } }}
    >
      <DialogTitle id="global-search-title" sx={visuallyHidden}>
        Search
      </DialogTitle>
      <DialogContent sx={{ p: 0 }}>
        <TextField
          autoFocus
          fullWidth
          label={
            findsMembers ? 'Find an organization, or a member by email' : 'Find an organization'
          }
          placeholder={caps.list.searchHint}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setIndex(0);
          }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') {
              event.preventDefault();
              setIndex((i) => Math.min(i + 1, results.length - 1));
            } else if (event.key === 'ArrowUp') {
              event.preventDefault();
              setIndex((i) => Math.max(i - 1, 0));
            } else if (event.key === 'Enter') {
              event.preventDefault();
              go(results[index]);
            }
          }}
          sx={{ p: 2 }}
          slotProps={{
            htmlInput: {
              role: 'combobox',
              'aria-expanded': results.length > 0,
              // Only while the list is shown: an id that points at nothing is invalid ARIA.
              'aria-controls': results.length > 0 ? LISTBOX_ID : undefined,
              'aria-activedescendant': results[index] ? optionId(index) : undefined,
              'aria-autocomplete': 'list',
            },
          }}
        />
        {results.length > 0 ? (
          // A combobox's listbox holds options only; notes about the search sit below it.
          <List
            id={LISTBOX_ID}
            role="listbox"
            aria-label="Search results"
            dense
            sx={{ pb: notes.length > 0 ? 0 : 2 }}
          >
            {results.map((result, position) => (
              <ListItemButton
                key={result.key}
                id={optionId(position)}
                component="li"
                role="option"
                aria-selected={position === index}
                // Arrow keys move through the options from the field (aria-activedescendant).
                tabIndex={-1}
                selected={position === index}
                onClick={() => {
                  go(result);
                }}
              >
                <ListItemIcon sx={{ minWidth: 36 }}>
                  {result.kind === 'org' ? <ApartmentIcon /> : <PersonIcon />}
                </ListItemIcon>
                <ListItemText primary={result.primary} secondary={result.secondary} />
              </ListItemButton>
            ))}
          </List>
        ) : null}
        {query !== '' ? (
          <Box sx={{ px: 3, pb: 2 }} role="status">
            {results.length === 0 ? (
              <Typography sx={{ py: 1 }} color="text.secondary">
                {loading ? 'Searching…' : `Nothing on ${connection.label} matches “${query}”.`}
              </Typography>
            ) : null}
            {notes.map((note) => (
              <Typography key={note} variant="body2" color="text.secondary" sx={{ py: 0.5 }}>
                {note}
              </Typography>
            ))}
          </Box>
        ) : null}
      </DialogContent>
    </Dialog>
  );
}
