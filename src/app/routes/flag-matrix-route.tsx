import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import { Link as RouterLink } from 'react-router-dom';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { ParamsPagination } from '../../components/list-pagination';
import { PageHeader } from '../../components/page-header';
import { SearchField } from '../../components/search-field';
import { paths } from '../../config/paths';
import { FlagMatrix } from '../../features/feature-flags/components/flag-matrix';
import { useOrgList } from '../../features/organizations/api/use-org-list';
import { pageSizesFor } from '../../features/organizations/list-params';
import { useOrgListState } from '../../features/organizations/use-list-state';
import { useActiveConnection } from '../../lib/connection-context';
import { useDocumentTitle } from '../../lib/use-document-title';

/**
 * The flag matrix over one page of the org list: the same search, sort and paging as the
 * Organizations page, in the URL, so "Compare flags" there shows the very same orgs.
 */
function FlagMatrixPage() {
  const { connection, api } = useActiveConnection();
  const caps = api.capabilities;
  const { params, setParams, search, query } = useOrgListState();
  const list = useOrgList(params);
  const orgs = list.page?.items;
  return (
    <>
      <PageHeader
        title="Feature flags"
        subtitle={`${connection.label} · each organization’s flags side by side`}
        actions={
          <Button component={RouterLink} to={paths.orgs.list.href(connection.id, query)}>
            Back to the list
          </Button>
        }
      />
      <Paper>
        <Box sx={{ p: 2 }}>
          <SearchField
            fullWidth
            label="Search organizations"
            placeholder={caps.list.searchHint}
            value={search.value}
            onChange={search.change}
            onClear={search.clear}
          />
          <Alert severity="info" variant="outlined" role="note" sx={{ mt: 1.5, py: 0 }}>
            Each organization’s flags load when its row comes into view, three at a time, and stay
            cached. Highlighted cells are overridden.
          </Alert>
        </Box>
        {list.isError && !orgs ? (
          <Box sx={{ p: 2 }}>
            <ErrorState
              title="Could not load organizations"
              error={list.error}
              onRetry={() => void list.refetch()}
              retrying={list.isFetching}
            />
          </Box>
        ) : orgs?.length === 0 ? (
          <EmptyState
            title={params.search ? `No organizations match “${params.search}”` : 'No organizations'}
            action={params.search ? <Button onClick={search.clear}>Clear search</Button> : null}
          />
        ) : (
          <FlagMatrix orgs={orgs} busy={list.isFetching} />
        )}
        <ParamsPagination
          data={list.page}
          params={params}
          setParams={setParams}
          pageSizes={pageSizesFor(caps)}
          stale={list.isPlaceholderData}
        />
      </Paper>
    </>
  );
}

export default function FlagMatrixRoute() {
  const { connection, api } = useActiveConnection();
  useDocumentTitle('Feature flags', connection.label);
  if (!api.capabilities.featureFlags) {
    return (
      <EmptyState
        title="No feature flags here"
        description={`${api.capabilities.displayName} keeps no organization feature flags.`}
      />
    );
  }
  return <FlagMatrixPage />;
}
