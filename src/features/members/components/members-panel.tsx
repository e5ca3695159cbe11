import { SearchField } from '../../../components/search-field';
import PersonAddIcon from '@mui/icons-material/PersonAdd';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { MemberCapabilities } from '../../../api/capabilities';
import type { Organization } from '../../../api/domain';
import type { Member, MemberListParams } from '../../../api/people';
import { DeferredSelect } from '../../../components/deferred-select';
import { EmptyState } from '../../../components/empty-state';
import { ErrorState } from '../../../components/error-state';
import { ParamsPagination } from '../../../components/list-pagination';
import { useActiveConnection } from '../../../lib/connection-context';
import { focusWhenReady } from '../../../lib/focus';
import { formatNumber } from '../../../lib/format';
import { orgScopeQueries } from '../../../lib/org-scope-queries';
import { useDebouncedSearch } from '../../../lib/use-debounced-search';
import { useMemberList } from '../api/use-member-list';
import { memberPageSizes, parseMemberParams, serializeMemberParams } from '../member-list-params';
import { MembersTable } from './members-table';
import { Gated } from '../../../components/gated';
import { useCan } from '../../../lib/session-queries';

// The dialogs (the add dialog's user picker above all) load when one opens: the first member
// row does not wait for their code.
const AddMemberDialog = lazy(() =>
  import('./add-member-dialog').then((m) => ({ default: m.AddMemberDialog })),
);
const ChangeRoleDialog = lazy(() =>
  import('./change-role-dialog').then((m) => ({ default: m.ChangeRoleDialog })),
);
const RemoveMembersDialog = lazy(() =>
  import('./remove-members-dialog').then((m) => ({ default: m.RemoveMembersDialog })),
);

type Dialog =
  | { readonly kind: 'add' }
  | { readonly kind: 'role'; readonly member: Member }
  | { readonly kind: 'remove'; readonly members: readonly Member[] }
  | null;

export function MembersPanel({ org }: { readonly org: Organization }) {
  const active = useActiveConnection();
  const caps = active.api.capabilities.people.members;
  const [searchParams, setSearchParams] = useSearchParams();
  if (!caps)
    return (
      <Alert severity="info">
        {active.api.capabilities.displayName} keeps no organization members.
      </Alert>
    );
  const params = parseMemberParams(searchParams, caps);
  const setParams = (next: MemberListParams, replace = false) => {
    setSearchParams(serializeMemberParams(next, caps), { replace });
  };
  return (
    <MembersPanelBody
      org={org}
      caps={caps}
      params={params}
      setParams={setParams}
      setSearchParams={setSearchParams}
    />
  );
}

function MembersPanelBody({
  org,
  caps,
  params,
  setParams,
  setSearchParams,
}: {
  readonly org: Organization;
  readonly caps: MemberCapabilities;
  readonly params: MemberListParams;
  readonly setParams: (next: MemberListParams, replace?: boolean) => void;
  readonly setSearchParams: ReturnType<typeof useSearchParams>[1];
}) {
  const active = useActiveConnection();
  const [dialog, setDialog] = useState<Dialog>(null);
  const sectionRef = useRef<HTMLElement>(null);
  // Where the first removed member stood on this page, so focus can go to the row now there.
  const removedAt = useRef<number | null>(null);
  const canRemove = useCan('support', 'remove members').allowed;
  const canChangeRole = useCan('admin', 'change roles').allowed;
  // Selected members stay selected across searches and pages, so support can gather them.
  const [selected, setSelected] = useState<ReadonlyMap<string, Member>>(new Map());
  // Stable handlers, so memoized rows do not re-render on every scroll.
  const onSelect = useCallback((members: readonly Member[], on: boolean) => {
    setSelected((previous) => {
      const next = new Map(previous);
      for (const member of members) {
        if (on) next.set(member.userId, member);
        else next.delete(member.userId);
      }
      return next;
    });
  }, []);
  const onChangeRole = useCallback((member: Member) => {
    setDialog({ kind: 'role', member });
  }, []);
  const onRemove = useCallback((member: Member) => {
    setDialog({ kind: 'remove', members: [member] });
  }, []);
  const list = useMemberList(org.id, params, caps);
  // The catalogues only fill the filter menus: asked when a menu first opens (or when the URL
  // filters by one of them, to name it), not before the first member row.
  const [roleMenuOpened, setRoleMenuOpened] = useState(false);
  const [permissionMenuOpened, setPermissionMenuOpened] = useState(false);
  const catalogue = useQuery({
    ...orgScopeQueries.roles(active, org.id),
    enabled: caps.roleFilter !== null && (roleMenuOpened || params.role !== null),
  });
  const permissionCatalogue = useQuery({
    ...orgScopeQueries.permissionCatalogue(active),
    enabled:
      caps.permissionFilter === 'server' && (permissionMenuOpened || params.permission !== null),
  });
  const search = useDebouncedSearch(params.search, (value) => {
    setSearchParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === '') next.delete('q');
        else next.set('q', value);
        next.delete('page');
        return next;
      },
      { replace: true },
    );
  });
  const page = list.page;
  const roleOptions =
    catalogue.data && catalogue.data.length > 0
      ? catalogue.data.map((role) => ({ key: role.key, name: role.name }))
      : [
          ...new Map(
            (page?.items ?? []).flatMap((m) => m.roles).map((role) => [role.key, role]),
          ).values(),
        ];
  const selectedMembers = [...selected.values()];
  /**
   * After a removal the removed rows are gone: focus goes to the row that took the first one's
   * place (or the one before it, at the end of the page), or to the Members section when the
   * page is empty, never to the page body.
   */
  const focusAfterRemoval = (at: number) => {
    focusWhenReady(() => {
      const section = sectionRef.current;
      if (!section || section.querySelector('[aria-busy="true"]')) return null;
      const rows = section.querySelectorAll<HTMLElement>('tbody tr[aria-rowindex]');
      if (rows.length === 0) return section;
      // Rows carry their place in the page (aria-rowindex counts the header row as 1).
      const target =
        section.querySelector<HTMLElement>(`tbody tr[aria-rowindex="${at + 2}"]`) ??
        (at >= 0 ? rows[rows.length - 1] : rows[0]) ??
        null;
      return (
        target?.querySelector<HTMLElement>('button[aria-label^="Actions for"]') ??
        target?.querySelector<HTMLElement>('input, button, a') ??
        section
      );
    });
  };
  const filtered =
    params.search !== '' || params.role !== null || (params.permission ?? null) !== null;

  return (
    <Paper component="section" aria-label="Members" ref={sectionRef} tabIndex={-1}>
      <Stack
        direction={{ xs: 'column', md: 'row' }}
        spacing={2}
        sx={{ p: 2, alignItems: { md: 'center' } }}
      >
        <SearchField
          label="Search members"
          placeholder={caps.searchHint}
          value={search.value}
          onChange={search.change}
          sx={{ flexGrow: 1 }}
        />
        {caps.roleFilter ? (
          <DeferredSelect
            label="Role"
            value={params.role ?? ''}
            options={[
              { value: '', label: 'Any role' },
              ...roleOptions.map((role) => ({ value: role.key, label: role.name })),
            ]}
            onChange={(value) => {
              setParams({ ...params, role: value === '' ? null : value, page: 1 });
            }}
            onOpen={() => {
              setRoleMenuOpened(true);
            }}
            minWidth={180}
            prefetch={page !== undefined}
          />
        ) : null}
        {caps.permissionFilter ? (
          <DeferredSelect
            label="Permission"
            value={params.permission ?? ''}
            options={[
              { value: '', label: 'Any permission' },
              ...(params.permission &&
              !permissionCatalogue.data?.some((p) => p.key === params.permission)
                ? [{ value: params.permission, label: params.permission }]
                : []),
              ...(permissionCatalogue.data ?? []).map((permission) => ({
                value: permission.key,
                label: permission.name,
              })),
            ]}
            onChange={(value) => {
              setParams({ ...params, permission: value === '' ? null : value, page: 1 });
            }}
            onOpen={() => {
              setPermissionMenuOpened(true);
            }}
            minWidth={200}
            prefetch={page !== undefined}
          />
        ) : null}
        {caps.add ? (
          <Gated need="support" action="add members">
            {(gated) => (
              <Button
                disabled={gated}
                variant="contained"
                startIcon={<PersonAddIcon />}
                onClick={() => {
                  setDialog({ kind: 'add' });
                }}
              >
                Add member
              </Button>
            )}
          </Gated>
        ) : null}
      </Stack>
      {list.inBrowser ? (
        <Alert severity="info" variant="outlined" role="note" sx={{ mx: 2, mb: 1.5, py: 0 }}>
          {active.api.capabilities.displayName} cannot{' '}
          {list.inBrowser.search ? 'search' : list.inBrowser.role ? 'filter' : 'sort or page'}{' '}
          members itself:{' '}
          {list.inBrowser.loaded === null
            ? 'loading every member'
            : `all ${formatNumber(list.inBrowser.loaded)} members are loaded`}{' '}
          and filtered in your browser.
        </Alert>
      ) : null}
      {selectedMembers.length > 0 ? (
        <Stack direction="row" spacing={2} sx={{ px: 2, pb: 1.5, alignItems: 'center' }}>
          <Typography variant="body2">{selectedMembers.length} selected</Typography>
          <Button
            color="error"
            variant="outlined"
            size="small"
            onClick={() => {
              setDialog({ kind: 'remove', members: selectedMembers });
            }}
          >
            Remove {selectedMembers.length} {selectedMembers.length === 1 ? 'member' : 'members'}
          </Button>
          <Button
            size="small"
            onClick={() => {
              setSelected(new Map());
            }}
          >
            Clear selection
          </Button>
        </Stack>
      ) : null}
      <Box sx={{ height: 4 }}>
        {list.isFetching && !list.isPending ? (
          <LinearProgress aria-label="Refreshing members" />
        ) : null}
      </Box>
      {list.isError && !page ? (
        <Box sx={{ p: 2 }}>
          <ErrorState
            title="Could not load members"
            error={list.error}
            onRetry={() => void list.refetch()}
            retrying={list.isFetching}
          />
        </Box>
      ) : page && page.items.length === 0 ? (
        filtered ? (
          <EmptyState
            title="No member matches"
            description={
              caps.permissionFilter
                ? 'Try another name, email, role or permission.'
                : 'Try another name, email or role.'
            }
            action={
              <Button
                onClick={() => {
                  search.clear();
                  setParams({ ...params, search: '', role: null, permission: null, page: 1 });
                }}
              >
                Clear filters
              </Button>
            }
          />
        ) : (
          <EmptyState
            title="No members yet"
            description={
              caps.add
                ? 'Add an existing user, or invite people from the Invitations tab.'
                : 'Invite people from the Invitations tab.'
            }
          />
        )
      ) : (
        <MembersTable
          caps={caps}
          members={page ? page.items : null}
          sort={params.sort}
          onSort={(sort) => {
            setParams({ ...params, sort, page: 1 });
          }}
          selected={selected}
          onSelect={onSelect}
          onChangeRole={caps.changeRole && canChangeRole ? onChangeRole : null}
          onRemove={caps.remove && canRemove ? onRemove : null}
          busy={list.isFetching}
        />
      )}
      <ParamsPagination
        data={page}
        params={params}
        setParams={setParams}
        pageSizes={memberPageSizes(caps)}
        stale={list.isPlaceholderData}
      />
      <Suspense fallback={null}>
        {dialog?.kind === 'add' ? (
          <AddMemberDialog
            org={org}
            onClose={() => {
              setDialog(null);
            }}
          />
        ) : null}
        {dialog?.kind === 'role' ? (
          <ChangeRoleDialog
            org={org}
            member={dialog.member}
            onClose={() => {
              setDialog(null);
            }}
          />
        ) : null}
        {dialog?.kind === 'remove' ? (
          <RemoveMembersDialog
            org={org}
            members={dialog.members}
            onClose={() => {
              setDialog(null);
              const at = removedAt.current;
              removedAt.current = null;
              if (at !== null) focusAfterRemoval(at);
            }}
            onRemoved={(ids) => {
              setSelected((previous) => new Map([...previous].filter(([id]) => !ids.includes(id))));
              const positions = (page?.items ?? []).flatMap((member, position) =>
                ids.includes(member.userId) ? [position] : [],
              );
              removedAt.current = positions.length > 0 ? Math.min(...positions) : -1;
            }}
          />
        ) : null}
      </Suspense>
    </Paper>
  );
}
