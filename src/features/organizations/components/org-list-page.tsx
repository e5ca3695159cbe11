import { SearchField } from '../../../components/search-field';
import ApartmentIcon from '@mui/icons-material/Apartment';
import SearchIcon from '@mui/icons-material/Search';
import FlagOutlinedIcon from '@mui/icons-material/FlagOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router-dom';
import { EmptyState } from '../../../components/empty-state';
import { ParamsPagination } from '../../../components/list-pagination';
import { ErrorState } from '../../../components/error-state';
import { PageHeader } from '../../../components/page-header';
import { paths } from '../../../config/paths';
import { useActiveConnection } from '../../../lib/connection-context';
import { formatNumber } from '../../../lib/format';
import { orgQueries } from '../api/queries';
import { IndexFreshness } from '../../../components/index-freshness';
import { useOrgList, type OrgListOrigin } from '../api/use-org-list';
import { pageSizesFor } from '../list-params';
import { useOrgListState } from '../use-list-state';
import { CreateOrgButton } from './create-org-button';
import { OrgTable } from './org-table';

function browserNote(info: OrgListOrigin, displayName: string): string {
  const what = [info.search ? 'search' : null, info.sort ? 'sorting' : null]
    .filter(Boolean)
    .join(' and ');
  const loaded =
    info.loaded === null
      ? 'Loading every organization'
      : `${info.complete ? 'All' : 'The first'} ${formatNumber(info.loaded)} organizations are loaded`;
  const reason =
    what === ''
      ? `${displayName} returns its list without pages`
      : `${displayName} has no server-side ${what}`;
  const why =
    info.source.kind === 'browser' && info.source.why === 'index-syncing'
      ? ' The server’s index answers instead once its first sync completes.'
      : '';
  return `${reason}: ${loaded} and ${what === '' ? 'paged' : 'filtered and sorted'} in your browser.${why}`;
}

export function OrgListPage() {
  const active = useActiveConnection();
  const { connection } = active;
  const caps = active.api.capabilities;
  const { params, setParams, search, query } = useOrgListState();
  const searchText = search.value;
  const setSearchText = search.change;

  const list = useOrgList(params);
  const activeOrg = useQuery(orgQueries.active(active));
  const page = list.page;

  return (
    <>
      <PageHeader
        title="Organizations"
        subtitle={
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <span>{connection.label}</span>
            {caps.list.scope ? <span>· {caps.list.scope}</span> : null}
            {activeOrg.data ? (
              <Chip
                size="small"
                variant="outlined"
                label={
                  <>
                    Active organization:{' '}
                    <Link
                      component={RouterLink}
                      to={paths.orgs.detail.href(connection.id, activeOrg.data.id)}
                    >
                      {activeOrg.data.name}
                    </Link>
                  </>
                }
              />
            ) : null}
          </Stack>
        }
        actions={
          <Stack direction="row" spacing={1}>
            {caps.featureFlags ? (
              <Button
                component={RouterLink}
                to={paths.flagMatrix.href(connection.id, query)}
                startIcon={<FlagOutlinedIcon />}
              >
                Compare flags
              </Button>
            ) : null}
            {caps.create ? <CreateOrgButton /> : null}
          </Stack>
        }
      />
      <Paper>
        <Box sx={{ p: 2 }}>
          <SearchField
            fullWidth
            label="Search organizations"
            placeholder={caps.list.searchHint}
            value={searchText}
            onChange={setSearchText}
            onClear={search.clear}
          />
          {list.origin.source.kind === 'browser' ? (
            <Alert severity="info" variant="outlined" role="note" sx={{ mt: 1.5, py: 0 }}>
              {browserNote(list.origin, caps.displayName)}
            </Alert>
          ) : null}
          {list.indexStatus?.indexed ? <IndexFreshness status={list.indexStatus} /> : null}
        </Box>
        <Box sx={{ height: 4 }}>
          {list.isFetching && !list.isPending ? <LinearProgress aria-label="Refreshing" /> : null}
        </Box>
        {list.isError && !page ? (
          <Box sx={{ p: 2 }}>
            <ErrorState
              title="Could not load organizations"
              error={list.error}
              onRetry={() => void list.refetch()}
              retrying={list.isFetching}
            />
          </Box>
        ) : page && page.items.length === 0 ? (
          params.search ? (
            <EmptyState
              icon={<SearchIcon />}
              title={`No organizations match “${params.search}”`}
              description="Check the spelling, or search by another name, slug or ID."
              action={<Button onClick={search.clear}>Clear search</Button>}
            />
          ) : params.page > 1 ? (
            <EmptyState
              title="This page is empty"
              description="The list may have shrunk since you opened this page."
              action={
                <Button
                  onClick={() => {
                    setParams({ ...params, page: 1 });
                  }}
                >
                  Go to the first page
                </Button>
              }
            />
          ) : (
            <EmptyState
              icon={<ApartmentIcon />}
              title="No organizations yet"
              // One create button only (the header's): a second one here would unmount with
              // this state as soon as the new org lists, taking Permit's one-time key with it.
              description={`This ${caps.displayName} connection has no organizations.${caps.create ? ' Create the first one with “Create organization” above.' : ''}`}
            />
          )
        ) : (
          <Box sx={{ overflowX: 'auto' }}>
            <OrgTable
              connectionId={connection.id}
              caps={caps}
              orgs={page ? page.items : null}
              skeletonRows={Math.min(params.pageSize, 10)}
              sort={params.sort}
              onSort={(sort) => {
                setParams({ ...params, sort, page: 1 });
              }}
              activeOrgId={activeOrg.data?.id ?? null}
              busy={list.isFetching}
            />
          </Box>
        )}
        <ParamsPagination
          data={page}
          params={params}
          setParams={setParams}
          pageSizes={pageSizesFor(caps)}
          stale={list.isPlaceholderData}
        />
      </Paper>
    </>
  );
}
