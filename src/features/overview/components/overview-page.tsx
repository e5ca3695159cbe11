import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';
import Grid from '@mui/material/Grid';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { ErrorState } from '../../../components/error-state';
import { PageHeader } from '../../../components/page-header';
import { UsageBar } from '../../../components/usage-bar';
import { paths } from '../../../config/paths';
import { useActiveConnection } from '../../../lib/connection-context';
import { formatDate, formatNumber } from '../../../lib/format';
import { orgQueries } from '../../../data/orgs';
import { overviewQueries, SAMPLE_SIZE } from '../api/queries';
import {
  createdPerMonth,
  recentChanges,
  spreadsOverDecades,
  sumIfComplete,
} from '../overview-math';
import { ChartCard, ChartCardSkeleton } from './chart-card';
import { LazyBarChart } from './lazy-bar-chart';
import { StatCard, type StatCompleteness } from './stat-card';

function monthLabel(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return new Date(Date.UTC(year ?? 2000, (m ?? 1) - 1, 1)).toLocaleString(undefined, {
    month: 'short',
    year: '2-digit',
    timeZone: 'UTC',
  });
}

export interface OverviewPageProps {
  /**
   * What "Recent changes" shows when the provider's org list carries no dates (composed in
   * src/app: the console's audit log for this connection).
   */
  readonly recentChangesFallback?: ReactNode;
}

/** A connection at a glance: how many orgs, members and pending invitations, growth, the largest orgs, recent changes, usage. */
export function OverviewPage({ recentChangesFallback }: OverviewPageProps = {}) {
  const active = useActiveConnection();
  const { connection, api } = active;
  const caps = api.capabilities;
  const [now] = useState(() => new Date());
  const orgs = useQuery(orgQueries.everything(active));
  const items = useMemo(() => orgs.data?.items ?? [], [orgs.data]);
  const knownMembers = sumIfComplete(items, (org) => org.memberCount);
  const knownPending = sumIfComplete(items, (org) => org.pendingInvitationCount);
  const sampleOrgs = useMemo(() => items.slice(0, SAMPLE_SIZE), [items]);
  const needsSample =
    knownMembers === null || (knownPending === null && caps.people.invitations !== null);
  const sample = useQuery({
    ...overviewQueries.sample(active, sampleOrgs),
    enabled: orgs.isSuccess && needsSample && sampleOrgs.length > 0,
  });
  const usage = useQuery({
    ...overviewQueries.activeStats(active),
    enabled: caps.stats && caps.activeOrganization,
  });
  const months = useMemo(() => createdPerMonth(items, now), [items, now]);
  // While the list loads, the cards it will show hold their final size (nothing moves when it
  // answers): the monthly chart where the provider's list carries creation dates.
  const showMonths = months !== null || (orgs.isPending && caps.list.columns.includes('createdAt'));
  const recent = useMemo(() => recentChanges(items), [items]);

  const sampled = sample.data?.orgs ?? [];
  const sampleCompleteness: StatCompleteness = {
    kind: 'sampled',
    covered: sampled.length,
    of: items.length,
  };
  const complete: StatCompleteness = { kind: 'complete' };
  const membersLoading = orgs.isPending || (needsSample && sample.isPending);
  const members =
    knownMembers !== null
      ? { value: formatNumber(knownMembers), completeness: complete }
      : sample.data?.sizeLabel === 'members'
        ? {
            value: formatNumber(sampled.reduce((sum, s) => sum + (s.size ?? 0), 0)),
            completeness: sampleCompleteness,
          }
        : null;
  const pending =
    knownPending !== null
      ? { value: formatNumber(knownPending), completeness: complete }
      : caps.people.invitations && sample.data
        ? {
            value: formatNumber(sampled.reduce((sum, s) => sum + (s.pending ?? 0), 0)),
            completeness: sampleCompleteness,
          }
        : null;
  const largest =
    knownMembers !== null
      ? [...items]
          .sort((a, b) => (b.memberCount ?? 0) - (a.memberCount ?? 0))
          .slice(0, 8)
          .map((org) => ({ org, size: org.memberCount ?? 0 }))
      : [...sampled]
          .filter((s) => s.size !== null)
          .sort((a, b) => (b.size ?? 0) - (a.size ?? 0))
          .slice(0, 8)
          .map((s) => ({ org: s.org, size: s.size ?? 0 }));
  // One very large org (2,000 members beside orgs of 5) flattens a linear chart to one bar.
  const logScale = spreadsOverDecades(largest.map(({ size }) => size));
  const sizeLabel = knownMembers !== null ? 'members' : (sample.data?.sizeLabel ?? 'members');

  if (orgs.isError)
    return (
      <ErrorState
        title="Could not load the overview"
        error={orgs.error}
        onRetry={() => void orgs.refetch()}
      />
    );

  return (
    <>
      <PageHeader title="Overview" subtitle={`${connection.label} · ${caps.displayName}`} />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, sm: 4 }}>
          <StatCard
            label="Organizations"
            loading={orgs.isPending}
            value={
              orgs.data ? `${formatNumber(items.length)}${orgs.data.complete ? '' : '+'}` : null
            }
            note={caps.list.scope}
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 4 }}>
          <StatCard
            label="Members"
            loading={membersLoading}
            value={members?.value ?? null}
            completeness={members?.completeness}
            note={members || membersLoading ? null : `${caps.displayName} has no members API here`}
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 4 }}>
          <StatCard
            label="Pending invitations"
            loading={
              orgs.isPending ||
              (needsSample && sample.isPending && caps.people.invitations !== null)
            }
            value={pending?.value ?? null}
            completeness={pending?.completeness}
            note={
              pending || caps.people.invitations
                ? null
                : `${caps.displayName} keeps no invitations here`
            }
          />
        </Grid>

        {months === null && showMonths ? (
          <Grid size={{ xs: 12, lg: 7 }}>
            <ChartCardSkeleton
              title="Organizations created per month"
              subheader="Last 24 months"
              label="Loading organizations created per month"
            />
          </Grid>
        ) : null}
        {months ? (
          <Grid size={{ xs: 12, lg: 7 }}>
            <ChartCard
              title="Organizations created per month"
              subheader="Last 24 months"
              table={
                <Table size="small" aria-label="Organizations created per month">
                  <TableHead>
                    <TableRow>
                      <TableCell>Month</TableCell>
                      <TableCell align="right">Created</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {months.map((m) => (
                      <TableRow key={m.month}>
                        <TableCell>{monthLabel(m.month)}</TableCell>
                        <TableCell align="right">{m.count}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              }
            >
              <LazyBarChart
                height={260}
                xAxis={[{ scaleType: 'band', data: months.map((m) => monthLabel(m.month)) }]}
                series={[{ data: months.map((m) => m.count), label: 'Created', color: '#3949ab' }]}
                hideLegend
              />
            </ChartCard>
          </Grid>
        ) : null}

        <Grid size={{ xs: 12, lg: showMonths ? 5 : 7 }}>
          {largest.length > 0 ? (
            <ChartCard
              title="Largest organizations"
              subheader={
                (knownMembers !== null
                  ? `By ${sizeLabel}`
                  : `Sample: by ${sizeLabel}, among ${sampled.length} of ${formatNumber(items.length)} organizations — others may be larger`) +
                (logScale ? ' · logarithmic scale' : '')
              }
              table={
                <Table size="small" aria-label="Largest organizations">
                  <TableHead>
                    <TableRow>
                      <TableCell>Organization</TableCell>
                      <TableCell align="right">
                        {sizeLabel === 'users' ? 'Users' : 'Members'}
                      </TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {largest.map(({ org, size }) => (
                      <TableRow key={org.id}>
                        <TableCell>
                          <Link
                            component={RouterLink}
                            to={paths.orgs.detail.href(connection.id, org.id)}
                          >
                            {org.name}
                          </Link>
                        </TableCell>
                        <TableCell align="right">{formatNumber(size)}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              }
            >
              <LazyBarChart
                height={260}
                layout="horizontal"
                xAxis={[logScale ? { scaleType: 'symlog' } : { scaleType: 'linear' }]}
                yAxis={[
                  { scaleType: 'band', data: largest.map(({ org }) => org.name), width: 140 },
                ]}
                series={[
                  {
                    data: largest.map(({ size }) => size),
                    label: sizeLabel === 'users' ? 'Users' : 'Members',
                    color: '#00897b',
                  },
                ]}
                hideLegend
              />
            </ChartCard>
          ) : orgs.isPending || sample.isPending ? (
            <ChartCardSkeleton
              title="Largest organizations"
              subheader={`By ${sizeLabel}`}
              label="Loading the largest organizations"
            />
          ) : (
            <Card sx={{ height: '100%' }}>
              <CardContent>
                {
                  <Alert severity="info">
                    {caps.displayName} gives no organization sizes here.
                  </Alert>
                }
              </CardContent>
            </Card>
          )}
        </Grid>

        <Grid size={{ xs: 12, lg: showMonths ? (usage.data ? 6 : 12) : 5 }}>
          <Card component="section" aria-label="Recent changes" sx={{ height: '100%' }}>
            <CardHeader
              title="Recent changes"
              slotProps={{ title: { component: 'h2', variant: 'h3' } }}
            />
            <CardContent sx={{ pt: 0 }}>
              {recent === null ? (
                (recentChangesFallback ?? (
                  <Alert severity="info">
                    {caps.displayName} does not say when organizations were created or changed in
                    its list.
                  </Alert>
                ))
              ) : (
                <List dense aria-label="Recently changed organizations">
                  {recent.map(({ org, at, kind }) => (
                    <ListItem key={org.id} disableGutters>
                      <ListItemText
                        primary={
                          <Link
                            component={RouterLink}
                            to={paths.orgs.detail.href(connection.id, org.id)}
                          >
                            {org.name}
                          </Link>
                        }
                        secondary={`${kind === 'updated' ? 'Changed' : 'Created'} ${formatDate(at)}`}
                      />
                    </ListItem>
                  ))}
                </List>
              )}
            </CardContent>
          </Card>
        </Grid>

        {usage.data ? (
          <Grid size={{ xs: 12, lg: showMonths ? 6 : 12 }}>
            <Card component="section" aria-label="Usage" sx={{ height: '100%' }}>
              <CardHeader
                title="Usage"
                subheader={`${usage.data.org.name} (active organization) · plan ${usage.data.stats.limits.plan ?? 'unknown'}`}
                slotProps={{ title: { component: 'h2', variant: 'h3' } }}
              />
              <CardContent sx={{ pt: 0 }}>
                <Stack spacing={2}>
                  <Stack direction="row" spacing={3}>
                    {usage.data.stats.counts.map((count) => (
                      <Box key={count.label}>
                        <strong>{formatNumber(count.value)}</strong> {count.label.toLowerCase()}
                      </Box>
                    ))}
                  </Stack>
                  {usage.data.stats.usage[0] ? (
                    <>
                      <UsageBar
                        label="Monthly active users"
                        used={usage.data.stats.usage[0].mau}
                        limit={usage.data.stats.limits.mau}
                      />
                      <UsageBar
                        label="Tenants"
                        used={usage.data.stats.usage[0].tenants}
                        limit={usage.data.stats.limits.tenants}
                      />
                    </>
                  ) : null}
                </Stack>
              </CardContent>
            </Card>
          </Grid>
        ) : null}
      </Grid>
    </>
  );
}
