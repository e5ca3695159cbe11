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
import type { Person } from '../../api/connection-index';
import { findMembersInEachOrg } from '../../api/member-search';
import { paths } from '../../config/paths';
import { peopleQueries } from '../../data/connection-index';
import { mayUseIndex } from '../../data/list-source';
import { useOrgList } from '../../data/orgs';
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

/** "Acme, Beta on Kinde · Gamma on Clerk": where a person is a member or invited. */
function personWhere(person: Person): string {
  const parts = person.connections.map((on) => {
    const orgs = [
      ...on.memberships.map((membership) => membership.orgName),
      ...on.invitations
        .filter((invitation) => invitation.status === 'pending')
        .map((invitation) => `${invitation.orgName} (invited)`),
    ];
    const shown = orgs.slice(0, 3).join(', ');
    return `${shown}${orgs.length > 3 ? ` +${orgs.length - 3}` : ''} on ${on.label}`;
  });
  return parts.join(' · ');
}
const LISTBOX_ID = 'global-search-results';
const optionId = (position: number) => `global-search-option-${position}`;

/**
 * Jump to an org of the current connection by name, slug or id, or to a person by email: the
 * server's index finds them across every connection and their page lists all they belong to.
 */
export function GlobalSearchDialog() {
  const { open, setOpen } = useGlobalSearch();
  const active = useActiveConnection();
  const { connection, api } = active;
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [index, setIndex] = useState(0);
  const query = useDebouncedValue(text.trim(), 200);
  const caps = api.capabilities;
  const typed = query !== '';
  // Orgs of this connection: whoever the data layer says answers a search (provider or index).
  const orgList = useOrgList(
    active,
    { page: 1, pageSize: LIMIT, search: query, sort: null },
    typed,
  );
  const emailQuery = query.includes('@') && query.length >= 3;
  // People by email across every connection, from the server's index.
  const everywhere = useQuery(peopleQueries.search(query, emailQuery));
  // Without an index answer (no index on this server, or a user-token connection the index does
  // not cover), this connection is asked live: its user directory, failing that each org's members.
  const live = emailQuery && (everywhere.isError || !mayUseIndex(connection));
  const users = api.users;
  const viaDirectory = caps.people.userSearch && caps.people.userOrganizations;
  const viaEachOrg = !viaDirectory && caps.people.members !== null;
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
    enabled: live && viaDirectory,
  });
  // eslint-disable-next-line @tanstack/query/exhaustive-deps -- the connection id fixes `api`
  const membersByOrg = useQuery({
    queryKey: [...queryRoots.users(connection.id), 'in-each-org', query],
    queryFn: ({ signal }) => findMembersInEachOrg(api, query, { signal }),
    enabled: live && viaEachOrg,
    staleTime: 30_000,
  });

  const orgs = typed ? (orgList.page?.items ?? []) : [];
  const results: Result[] = [
    ...(emailQuery ? (everywhere.data ?? []) : []).slice(0, LIMIT).map((person) => ({
      key: `person-${person.email}`,
      kind: 'user' as const,
      primary: person.name ? `${person.name} · ${person.email}` : person.email,
      secondary: personWhere(person),
      href: paths.person.href(person.email),
    })),
    ...orgs.map((org) => ({
      key: `org-${org.id}`,
      kind: 'org' as const,
      primary: org.name,
      secondary: [org.slug, org.id].filter(Boolean).join(' · '),
      href: paths.orgs.detail.href(connection.id, org.id),
    })),
    ...(live ? (people.data ?? []) : []).flatMap(({ user, orgs: memberships }) =>
      memberships.map((org) => ({
        key: `user-${user.id}-${org.id}`,
        kind: 'user' as const,
        primary: user.email ?? user.name ?? user.id,
        secondary: `Member of ${org.name ?? org.id}`,
        href: `${paths.orgs.detail.href(connection.id, org.id, 'members')}?q=${encodeURIComponent(user.email ?? user.id)}`,
      })),
    ),
    ...(live ? (membersByOrg.data?.matches ?? []) : []).slice(0, LIMIT).map(({ member, org }) => ({
      key: `member-${member.userId}-${org.id}`,
      kind: 'user' as const,
      primary: member.email ?? member.name ?? member.userId,
      secondary: `Member of ${org.name}`,
      href: `${paths.orgs.detail.href(connection.id, org.id, 'members')}?q=${encodeURIComponent(member.email ?? member.userId)}`,
    })),
  ];
  const loading =
    (typed && orgList.isFetching) ||
    everywhere.isFetching ||
    people.isFetching ||
    membersByOrg.isFetching;

  const origin = orgList.origin;
  const notes = [
    ...(live && viaEachOrg
      ? [
          membersByOrg.data
            ? `Members looked for on ${connection.label} only, in ${membersByOrg.data.looked === membersByOrg.data.of ? `all ${membersByOrg.data.of}` : `the newest ${membersByOrg.data.looked} of ${membersByOrg.data.of}`} organizations`
            : 'Looking for members in each organization…',
        ]
      : []),
    ...(typed && origin.source.kind === 'browser' && origin.loaded !== null
      ? [`Filtered in your browser over ${origin.loaded} loaded organizations`]
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
        {/* The field sits inside padding (not padded itself) so its floating label, drawn above
            the outline, is never cut by the dialog's edge. */}
        <Box sx={{ px: 2, pt: 2.5, pb: 2 }}>
          <TextField
            autoFocus
            fullWidth
            label="Find an organization, or a person by email"
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
        </Box>
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
                {loading
                  ? 'Searching…'
                  : emailQuery
                    ? `No organization on ${connection.label} and no person anywhere matches “${query}”.`
                    : `Nothing on ${connection.label} matches “${query}”.`}
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
