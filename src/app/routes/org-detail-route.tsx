import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { OrgActivity } from '../../features/audit/components/org-activity';
import { RolesPanel } from '../../features/access/components/roles-panel';
import { FlagsPanel } from '../../features/feature-flags/components/flags-panel';
import { InvitationsPanel } from '../../features/invitations/components/invitations-panel';
import { MembersPanel } from '../../features/members/components/members-panel';
import { BrandingPanel } from '../../features/branding/components/branding-panel';
import { MetadataPanel } from '../../features/branding/components/metadata-panel';
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
      render: (org) => <InvitationsPanel key={org.id} org={org} />,
    },
    {
      id: 'roles',
      label: 'Roles',
      visible: (caps) => caps.access !== null,
      render: (org) => <RolesPanel key={org.id} org={org} />,
    },
    {
      id: 'flags',
      label: 'Feature flags',
      visible: (caps) => caps.featureFlags !== null,
      render: (org) => <FlagsPanel key={org.id} org={org} />,
    },
    {
      id: 'metadata',
      label: 'Metadata',
      visible: (caps) => caps.metadata !== null,
      render: (org) => <MetadataPanel key={org.id} org={org} onOrgUpdated={onOrgUpdated} />,
    },
    {
      id: 'branding',
      label: 'Branding',
      visible: (caps) => caps.logo !== null,
      render: (org) => (
        <BrandingPanel
          key={org.id}
          org={org}
          onOrgChanged={(updated) => (updated ? onOrgUpdated(updated) : onOrgChanged(org.id))}
        />
      ),
    },
    {
      id: 'activity',
      label: 'Activity',
      visible: () => true,
      render: (org) => <OrgActivity key={org.id} org={org} />,
    },
  ];
  return <OrgDetailPage extraTabs={tabs} />;
}

export const crumb: Crumb = (params) => <OrgCrumb orgId={params['orgId'] ?? ''} />;
