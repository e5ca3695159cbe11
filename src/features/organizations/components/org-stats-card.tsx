import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';
import Chip from '@mui/material/Chip';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import type { OrgStats, UsagePeriod } from '../../../api/domain';
import { ErrorState } from '../../../components/error-state';
import { UsageBar } from '../../../components/usage-bar';
import { useActiveConnection } from '../../../lib/connection-context';
import { formatNumber } from '../../../lib/format';
import { orgQueries } from '../api/queries';

function periodLabel(period: UsagePeriod): string {
  if (period.month === null || period.year === null) return period.label;
  const name = new Date(Date.UTC(period.year, period.month - 1, 1)).toLocaleString(undefined, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return `${period.label} (${name})`;
}

function StatsBody({ stats }: { readonly stats: OrgStats }) {
  const current = stats.usage[0];
  return (
    <Stack spacing={2.5}>
      <Stack direction="row" spacing={3} sx={{ flexWrap: 'wrap' }}>
        {stats.counts.map((count) => (
          <Box key={count.label}>
            <Typography variant="h2" component="p">
              {formatNumber(count.value)}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {count.label}
            </Typography>
          </Box>
        ))}
      </Stack>
      {current ? (
        <Stack spacing={1.5}>
          <Typography variant="h3" component="h3">
            {periodLabel(current)}
          </Typography>
          <UsageBar label="Monthly active users" used={current.mau} limit={stats.limits.mau} />
          <UsageBar label="Tenants" used={current.tenants} limit={stats.limits.tenants} />
        </Stack>
      ) : null}
      {stats.usage.length > 1 ? (
        <Box
          component="table"
          sx={{
            borderCollapse: 'collapse',
            '& td, & th': { py: 0.5, pr: 3, textAlign: 'left', fontSize: 14 },
          }}
        >
          <caption style={{ textAlign: 'left', captionSide: 'top', paddingBottom: 4 }}>
            Usage history
          </caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col">MAU</th>
              <th scope="col">Tenants</th>
            </tr>
          </thead>
          <tbody>
            {stats.usage.map((period) => (
              <tr key={period.label}>
                <td>{periodLabel(period)}</td>
                <td>{formatNumber(period.mau)}</td>
                <td>{formatNumber(period.tenants)}</td>
              </tr>
            ))}
          </tbody>
        </Box>
      ) : null}
    </Stack>
  );
}

export function OrgStatsCard({ orgId }: { readonly orgId: string }) {
  const active = useActiveConnection();
  const stats = useQuery(orgQueries.stats(active, orgId));
  return (
    <Card component="section" aria-labelledby="org-usage-title">
      <CardHeader
        title="Usage"
        slotProps={{ title: { id: 'org-usage-title', component: 'h2', variant: 'h3' } }}
        action={
          stats.data?.limits.plan ? (
            <Chip size="small" label={`Plan: ${stats.data.limits.plan}`} />
          ) : null
        }
      />
      <CardContent>
        {stats.isPending ? (
          <Stack spacing={1}>
            <Skeleton variant="rounded" height={40} />
            <Skeleton variant="rounded" height={24} />
            <Skeleton variant="rounded" height={24} />
          </Stack>
        ) : stats.isError ? (
          <ErrorState
            title="Could not load usage"
            error={stats.error}
            onRetry={() => void stats.refetch()}
            retrying={stats.isFetching}
          />
        ) : (
          <StatsBody stats={stats.data} />
        )}
      </CardContent>
    </Card>
  );
}
