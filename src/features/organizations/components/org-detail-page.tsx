import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link as RouterLink, useParams } from 'react-router-dom';
import type { Capabilities } from '../../../api/capabilities';
import type { Organization } from '../../../api/domain';
import { isApiError } from '../../../api/errors';
import { CopyButton } from '../../../components/copy-button';
import { EmptyState } from '../../../components/empty-state';
import { ErrorState } from '../../../components/error-state';
import { PageHeader } from '../../../components/page-header';
import { paths, type OrgTab } from '../../../config/paths';
import { useActiveConnection } from '../../../lib/connection-context';
import { formatDate, formatDateTime, formatNumber } from '../../../lib/format';
import { orgQueries } from '../api/queries';
import { DeleteOrgButton } from './delete-org-button';
import { EditOrgButton } from './edit-org-button';
import { OrgAvatar } from './org-avatar';
import { OrgOverview } from './org-overview';

/** A tab another area contributes (composed in src/app, so features stay independent). */
export interface OrgTabDefinition {
  readonly id: OrgTab;
  readonly label: string;
  readonly visible: (caps: Capabilities) => boolean;
  readonly render: (org: Organization) => ReactNode;
}

function HeaderSkeleton() {
  return (
    <Stack direction="row" spacing={2} sx={{ mb: 3, alignItems: 'center' }} aria-hidden>
      <Skeleton variant="rounded" width={56} height={56} />
      <Box sx={{ flexGrow: 1 }}>
        <Skeleton variant="text" width="40%" height={40} />
        <Skeleton variant="text" width="25%" />
      </Box>
    </Stack>
  );
}

/** "Created 3 Jan 2026", with the exact time on hover; nothing where the provider gives no date. */
function HeaderDate({ label, iso }: { readonly label: string; readonly iso: string | null }) {
  if (iso === null) return null;
  return (
    <Typography component="span" variant="body2">
      {label}{' '}
      <time dateTime={iso} title={formatDateTime(iso)}>
        {formatDate(iso)}
      </time>
    </Typography>
  );
}

export function OrgDetailPage({ extraTabs }: { readonly extraTabs: readonly OrgTabDefinition[] }) {
  const active = useActiveConnection();
  const { connection, api } = active;
  const caps = api.capabilities;
  const { orgId = '', tab = 'overview' } = useParams();
  const detail = useQuery(orgQueries.detail(active, orgId));
  const activeOrg = useQuery(orgQueries.active(active));
  const tabs = extraTabs.filter((definition) => definition.visible(caps));
  const listHref = paths.orgs.list.href(connection.id);

  if (tab !== 'overview' && !tabs.some((definition) => definition.id === tab)) {
    // Said, not silently replaced by Overview: an old link or a tab this provider lacks.
    return (
      <EmptyState
        title="No such tab"
        description={`Organizations on ${caps.displayName} have no “${tab}” tab. These exist:`}
        action={
          <Stack
            component="nav"
            aria-label="Tabs of this organization"
            direction="row"
            useFlexGap
            sx={{ flexWrap: 'wrap', gap: 1, justifyContent: 'center' }}
          >
            {[{ id: 'overview' as const, label: 'Overview' }, ...tabs].map((definition) => (
              <Button
                key={definition.id}
                variant="outlined"
                component={RouterLink}
                to={paths.orgs.detail.href(connection.id, orgId, definition.id)}
              >
                {definition.label}
              </Button>
            ))}
          </Stack>
        }
      />
    );
  }

  if (detail.isPending) {
    return (
      <>
        <HeaderSkeleton />
        <Skeleton
          variant="rounded"
          height={240}
          role="progressbar"
          aria-label="Loading organization"
        />
      </>
    );
  }

  if (detail.isError) {
    if (isApiError(detail.error) && detail.error.kind === 'not_found') {
      return (
        <EmptyState
          title="Organization not found"
          titleAs="h1"
          description={`${caps.displayName} has no organization “${orgId}” on this connection. It may have been deleted.`}
          action={
            <Button component={RouterLink} to={listHref} startIcon={<ArrowBackIcon />}>
              Back to organizations
            </Button>
          }
        />
      );
    }
    return (
      <ErrorState
        title="Could not load this organization"
        error={detail.error}
        onRetry={() => void detail.refetch()}
        retrying={detail.isFetching}
      />
    );
  }

  const org = detail.data;
  const current = tabs.find((definition) => definition.id === tab);
  return (
    <>
      <PageHeader
        avatar={<OrgAvatar org={org} size={56} />}
        title={org.name}
        subtitle={
          <Stack
            direction="row"
            useFlexGap
            role="group"
            aria-label="Organization facts"
            // Facts are spaced, not joined by "·": a wrapped line never starts with a dot.
            sx={{ alignItems: 'center', flexWrap: 'wrap', columnGap: 2, rowGap: 0.25 }}
          >
            {caps.slug && org.slug ? (
              <Stack direction="row" sx={{ alignItems: 'center' }}>
                <Chip size="small" label={`${caps.slug.label}: ${org.slug}`} />
                <CopyButton
                  value={org.slug}
                  label={`organization ${caps.slug.label.toLowerCase()}`}
                />
              </Stack>
            ) : null}
            <Stack direction="row" sx={{ alignItems: 'center' }}>
              <Typography component="span" variant="body2" sx={{ fontFamily: 'monospace' }}>
                {org.id}
              </Typography>
              <CopyButton value={org.id} label={`organization ${caps.idLabel}`} />
            </Stack>
            {org.memberCount !== null ? (
              <Typography component="span" variant="body2">
                {formatNumber(org.memberCount)} members
              </Typography>
            ) : null}
            <HeaderDate label="Created" iso={org.createdAt} />
            <HeaderDate label="Updated" iso={org.updatedAt} />
            {activeOrg.data?.id === org.id ? (
              <Chip size="small" color="primary" label="Active organization" />
            ) : null}
          </Stack>
        }
        actions={
          <>
            {caps.update ? <EditOrgButton org={org} /> : null}
            {caps.delete ? <DeleteOrgButton org={org} /> : null}
          </>
        }
      />
      {tabs.length > 0 ? (
        <Tabs
          value={tab}
          // On a phone the tabs scroll, with arrows as the cue that more follow.
          variant="scrollable"
          scrollButtons="auto"
          allowScrollButtonsMobile
          sx={{ mb: 2, borderBottom: 1, borderColor: 'divider' }}
          aria-label="Organization sections"
        >
          <Tab
            value="overview"
            label="Overview"
            component={RouterLink}
            to={paths.orgs.detail.href(connection.id, org.id)}
          />
          {tabs.map((definition) => (
            <Tab
              key={definition.id}
              value={definition.id}
              label={definition.label}
              component={RouterLink}
              to={paths.orgs.detail.href(connection.id, org.id, definition.id)}
            />
          ))}
        </Tabs>
      ) : null}
      <Box
        role={tabs.length > 0 ? 'tabpanel' : undefined}
        aria-label={current?.label ?? 'Overview'}
      >
        {current ? current.render(org) : <OrgOverview org={org} caps={caps} />}
      </Box>
    </>
  );
}

/** Breadcrumb text for an org route: its name once loaded. */
export function OrgCrumb({ orgId }: { readonly orgId: string }) {
  const active = useActiveConnection();
  const detail = useQuery(orgQueries.detail(active, orgId));
  return <>{detail.data?.name ?? orgId}</>;
}
