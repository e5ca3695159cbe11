import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import LinearProgress from '@mui/material/LinearProgress';
import { lazy, Suspense, type ReactNode } from 'react';
import { MembersPanel } from '../../features/members/components/members-panel';
import {
  useOrgChangedCallback,
  useOrgUpdatedCallback,
} from '../../features/organizations/api/mutations';
import { orgQueries } from '../../features/organizations/api/queries';
import {
  OrgCrumb,
  OrgDetailPage,
  type OrgTabDefinition,
} from '../../features/organizations/components/org-detail-page';
import { useActiveConnection } from '../../lib/connection-context';
import { useDocumentTitle } from '../../lib/use-document-title';
import type { Crumb } from '../router';

// The members tab is the one support opens most: it ships with the page. The other tabs load
// when opened, so the org page (and its members tab) does not wait for their code.
const InvitationsPanel = lazy(() =>
  import('../../features/invitations/components/invitations-panel').then((m) => ({
    default: m.InvitationsPanel,
  })),
);
const RolesPanel = lazy(() =>
  import('../../features/access/components/roles-panel').then((m) => ({ default: m.RolesPanel })),
);
const FlagsPanel = lazy(() =>
  import('../../features/feature-flags/components/flags-panel').then((m) => ({
    default: m.FlagsPanel,
  })),
);
const MetadataPanel = lazy(() =>
  import('../../features/branding/components/metadata-panel').then((m) => ({
    default: m.MetadataPanel,
  })),
);
const BrandingPanel = lazy(() =>
  import('../../features/branding/components/branding-panel').then((m) => ({
    default: m.BrandingPanel,
  })),
);
const OrgActivity = lazy(() =>
  import('../../features/audit/components/org-activity').then((m) => ({ default: m.OrgActivity })),
);

function TabCode({ children }: { readonly children: ReactNode }) {
  return (
    <Suspense fallback={<LinearProgress aria-label="Loading this tab" />}>{children}</Suspense>
  );
}

/** Composes the org page with the tabs other areas contribute. */
export default function OrgDetailRoute() {
  const active = useActiveConnection();
  const { orgId = '' } = useParams();
  const detail = useQuery(orgQueries.detail(active, orgId));
  useDocumentTitle(detail.data?.name ?? orgId, active.connection.label);
  const onOrgUpdated = useOrgUpdatedCallback();
  const onOrgChanged = useOrgChangedCallback();

  const tabs: OrgTabDefinition[] = [
    {
      id: 'members',
      label: 'Members',
      visible: (caps) => caps.people.members !== null,
      render: (org) => <MembersPanel key={org.id} org={org} />,
    },
    {
      id: 'invitations',
      label: 'Invitations',
      visible: (caps) => caps.people.invitations !== null,
      render: (org) => (
        <TabCode key={org.id}>
          <InvitationsPanel org={org} />
        </TabCode>
      ),
    },
    {
      id: 'roles',
      label: 'Roles',
      visible: (caps) => caps.access !== null,
      render: (org) => (
        <TabCode key={org.id}>
          <RolesPanel org={org} />
        </TabCode>
      ),
    },
    {
      id: 'flags',
      label: 'Feature flags',
      visible: (caps) => caps.featureFlags !== null,
      render: (org) => (
        <TabCode key={org.id}>
          <FlagsPanel org={org} />
        </TabCode>
      ),
    },
    {
      id: 'metadata',
      label: 'Metadata',
      visible: (caps) => caps.metadata !== null,
      render: (org) => (
        <TabCode key={org.id}>
          <MetadataPanel org={org} onOrgUpdated={onOrgUpdated} />
        </TabCode>
      ),
    },
    {
      id: 'branding',
      label: 'Branding',
      visible: (caps) => caps.logo !== null,
      render: (org) => (
        <TabCode key={org.id}>
          <BrandingPanel
            org={org}
            onOrgChanged={(updated) => (updated ? onOrgUpdated(updated) : onOrgChanged(org.id))}
          />
        </TabCode>
      ),
    },
    {
      id: 'activity',
      label: 'Activity',
      visible: () => true,
      render: (org) => (
        <TabCode key={org.id}>
          <OrgActivity org={org} />
        </TabCode>
      ),
    },
  ];
  return <OrgDetailPage extraTabs={tabs} />;
}

export const crumb: Crumb = (params) => <OrgCrumb orgId={params['orgId'] ?? ''} />;
