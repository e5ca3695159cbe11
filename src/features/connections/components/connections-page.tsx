import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardActions from '@mui/material/CardActions';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';
import Grid from '@mui/material/Grid';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router-dom';
import { useState } from 'react';
import type { Capabilities } from '../../../api/capabilities';
import type { Connection } from '../../../api/connections';
import { ErrorState } from '../../../components/error-state';
import { PageHeader } from '../../../components/page-header';
import { paths } from '../../../config/paths';
import { connectionQueries } from '../../../data/connections';
import { ConnectionHealth } from './connection-health';
import { ProviderDot, SandboxChip } from './provider-badge';
import { UserTokenDialog } from './user-token-dialog';

const PAGINATION: Record<Capabilities['list']['pagination'], string> = {
  offset: 'offset pages with a total',
  page: 'numbered pages without a total',
  cursor: 'cursor pages',
  none: 'one list, no pages',
};

function features(caps: Capabilities): string[] {
  return [
    `Lists: ${PAGINATION[caps.list.pagination]}`,
    `Search: ${caps.list.search === 'server' ? 'by the provider' : 'in the browser'}`,
    caps.slug
      ? `${caps.slug.label}${caps.slug.lookup ? ', usable instead of the ID' : ''}`
      : 'No slug',
    caps.metadata ? (caps.metadata.editable ? 'Metadata: editable' : 'Metadata: read-only') : null,
    caps.logo ? 'Logo upload' : null,
    caps.stats ? 'Usage stats' : null,
    caps.activeOrganization ? 'Active organization' : null,
  ].filter((item): item is string => item !== null);
}

export function ConnectionsPage() {
  const connections = useQuery(connectionQueries.list());
  const [tokenFor, setTokenFor] = useState<Connection | null>(null);
  return (
    <>
      <PageHeader
        title="Connections"
        subtitle="Each connection reaches one provider account through the Orgdeck gateway, which holds its credentials."
      />
      {connections.isPending ? (
        <Grid container spacing={2}>
          {[0, 1, 2].map((key) => (
            <Grid key={key} size={{ xs: 12, md: 6, lg: 4 }}>
              <Skeleton variant="rounded" height={180} />
            </Grid>
          ))}
        </Grid>
      ) : connections.isError ? (
        <ErrorState
          title="Could not load connections"
          error={connections.error}
          onRetry={() => void connections.refetch()}
        />
      ) : (
        <Grid container spacing={2}>
          {connections.data.map((connection) => (
            <Grid key={connection.id} size={{ xs: 12, md: 6, lg: 4 }}>
              <Card
                component="section"
                aria-label={connection.label}
                sx={{ height: '100%', display: 'flex', flexDirection: 'column' }}
              >
                <CardHeader
                  avatar={<ProviderDot provider={connection.provider} />}
                  title={connection.label}
                  subheader={connection.capabilities.displayName}
                  action={connection.sandbox ? <SandboxChip /> : null}
                  slotProps={{ title: { component: 'h2', variant: 'h3' } }}
                />
                <CardContent sx={{ flexGrow: 1 }}>
                  <Stack component="ul" spacing={0.5} sx={{ m: 0, pl: 2 }}>
                    {features(connection.capabilities).map((line) => (
                      <Typography component="li" variant="body2" key={line}>
                        {line}
                      </Typography>
                    ))}
                  </Stack>
                </CardContent>
                <CardActions sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }}>
                  <Button component={RouterLink} to={paths.orgs.list.href(connection.id)}>
                    Open organizations
                  </Button>
                  {connection.auth === 'user-token' ? (
                    <Button
                      onClick={() => {
                        setTokenFor(connection);
                      }}
                    >
                      {connection.userTokenSet ? 'Replace your token' : 'Provide your token'}
                    </Button>
                  ) : null}
                  <ConnectionHealth connectionId={connection.id} label={connection.label} />
                </CardActions>
              </Card>
            </Grid>
          ))}
        </Grid>
      )}
      {tokenFor ? (
        <UserTokenDialog
          connection={tokenFor}
          onClose={() => {
            setTokenFor(null);
          }}
        />
      ) : null}
    </>
  );
}
