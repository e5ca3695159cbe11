import Alert from '@mui/material/Alert';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router-dom';
import { ErrorState } from '../../../components/error-state';
import { paths } from '../../../config/paths';
import { useActiveConnection } from '../../../lib/connection-context';
import { formatDateTime } from '../../../lib/format';
import { auditQueries } from '../api/queries';
import { useKnownOrgNames } from '../api/org-names';
import { operationText } from '../audit-wording';

/**
 * This connection's latest successful changes made through Orgdeck, from the console's own audit
 * log: the overview's "recent changes" for providers whose org list carries no dates.
 */
export function ConnectionRecentChanges({ limit = 8 }: { readonly limit?: number }) {
  const { connection, api } = useActiveConnection();
  const audit = useQuery(
    auditQueries.page({ connection: connection.id, outcome: 'success', page: 1, pageSize: limit }),
  );
  const items = audit.data?.items ?? [];
  const orgName = useKnownOrgNames([connection.id]);
  return (
    <Stack spacing={1}>
      <Typography variant="body2" color="text.secondary">
        {api.capabilities.displayName} does not date its organizations in its list, so these are the
        changes made through Orgdeck on this connection, from its audit log.
      </Typography>
      {audit.isPending ? (
        <Skeleton
          variant="rounded"
          height={160}
          role="progressbar"
          aria-label="Loading recent changes"
        />
      ) : audit.isError ? (
        <ErrorState
          title="Could not load the audit log"
          error={audit.error}
          onRetry={() => void audit.refetch()}
        />
      ) : items.length === 0 ? (
        <Alert severity="info">No changes have been made through Orgdeck here yet.</Alert>
      ) : (
        <List dense aria-label="Recent changes from the audit log">
          {items.map((entry) => (
            <ListItem key={entry.id} disableGutters>
              <ListItemText
                primary={operationText(
                  entry,
                  entry.target.orgId
                    ? (orgName(entry.connectionId, entry.target.orgId) ??
                        entry.target.orgName ??
                        null)
                    : null,
                )}
                secondary={`${formatDateTime(entry.at)} · ${entry.actor.name ?? entry.actor.id}`}
              />
            </ListItem>
          ))}
        </List>
      )}
      <Link
        component={RouterLink}
        to={`${paths.audit.href()}?connection=${encodeURIComponent(connection.id)}`}
        variant="body2"
      >
        All of this connection’s entries in the audit log
      </Link>
    </Stack>
  );
}
