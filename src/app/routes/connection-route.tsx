import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Skeleton from '@mui/material/Skeleton';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useMemo } from 'react';
import { Link as RouterLink, Outlet, useParams } from 'react-router-dom';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { paths } from '../../config/paths';
import { connectionQueries } from '../../data/connections';
import { ActiveConnectionContext } from '../../lib/connection-context';
import { AppBreadcrumbs } from '../layout/app-breadcrumbs';
import { useGlobalSearch } from '../../lib/global-search-context';

function LoadingPage() {
  return (
    <Box role="status" aria-label="Loading" aria-busy>
      <Skeleton variant="text" width={240} height={44} />
      <Skeleton variant="rounded" height={320} sx={{ mt: 2 }} />
    </Box>
  );
}

/** Everything under /c/:connectionId: resolves the connection, loads its adapter, provides both. */
/** The search loads when first opened (Ctrl/Cmd+K), not with every page. */
const GlobalSearchDialog = lazy(() =>
  import('../layout/global-search-dialog').then((m) => ({ default: m.GlobalSearchDialog })),
);

export function ConnectionRoute() {
  const search = useGlobalSearch();
  const { connectionId = '' } = useParams();
  const connections = useQuery(connectionQueries.list());
  const connection = connections.data?.find((candidate) => candidate.id === connectionId);
  const adapter = useQuery(connectionQueries.adapter(connectionId, connection));
  const value = useMemo(
    () => (connection && adapter.data ? { connection, api: adapter.data } : null),
    [connection, adapter.data],
  );

  if (connections.isError) {
    return (
      <ErrorState
        title="Could not load connections"
        error={connections.error}
        onRetry={() => void connections.refetch()}
      />
    );
  }
  if (connections.isPending) return <LoadingPage />;
  if (!connection) {
    return (
      <EmptyState
        title="No such connection"
        description={`This Orgdeck has no connection “${connectionId}”.`}
        action={
          <Button
            component={RouterLink}
            to={paths.connections.href()}
            startIcon={<ArrowBackIcon />}
          >
            See all connections
          </Button>
        }
      />
    );
  }
  if (adapter.isError) {
    return (
      <ErrorState
        title="Could not load this provider’s adapter"
        error={adapter.error}
        onRetry={() => void adapter.refetch()}
      />
    );
  }
  if (!value) return <LoadingPage />;
  return (
    <ActiveConnectionContext value={value}>
      <AppBreadcrumbs />
      <Outlet />
      {search.open ? (
        <Suspense fallback={null}>
          <GlobalSearchDialog />
        </Suspense>
      ) : null}
    </ActiveConnectionContext>
  );
}
