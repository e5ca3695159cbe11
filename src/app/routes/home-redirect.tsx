import { useQuery } from '@tanstack/react-query';
import Skeleton from '@mui/material/Skeleton';
import { Navigate } from 'react-router-dom';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { paths } from '../../config/paths';
import { connectionQueries } from '../../data/connections';

/**
 * The console opens on the overview of the first connection that can answer: one with the
 * server's credential, or a user-token one this user has given a token (else the first).
 */
export function HomeRedirect() {
  const connections = useQuery(connectionQueries.list());
  if (connections.isPending)
    return <Skeleton variant="rounded" height={320} role="progressbar" aria-label="Loading" />;
  if (connections.isError) {
    return (
      <ErrorState
        title="Could not load connections"
        error={connections.error}
        onRetry={() => void connections.refetch()}
      />
    );
  }
  const first =
    connections.data.find((item) => item.auth !== 'user-token' || item.userTokenSet) ??
    connections.data[0];
  if (!first) {
    return (
      <EmptyState
        title="No connections configured"
        description="Add a connection to orgdeck.config.json (see the README), or start without one to get the five sandbox connections."
      />
    );
  }
  return <Navigate to={paths.overview.href(first.id)} replace />;
}
