import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import type { Organization } from '../../../api/domain';
import { useActiveConnection } from '../../../lib/connection-context';
import { LogoCard } from './logo-card';

export interface BrandingPanelProps {
  readonly org: Organization;
  /** Called with the updated org, or without one when the caller must re-read it. */
  readonly onOrgChanged: (org?: Organization) => Promise<void>;
}

/** The org's logo, or its light and dark logos where the provider keeps both. */
export function BrandingPanel({ org, onOrgChanged }: BrandingPanelProps) {
  const { api } = useActiveConnection();
  const caps = api.capabilities.logo;
  if (!caps || !api.logo)
    return <Alert severity="info">This provider keeps no organization logo.</Alert>;
  return (
    <Stack spacing={2}>
      {caps.variants.map((variant) => (
        <LogoCard
          key={variant}
          org={org}
          caps={caps}
          variant={variant}
          onOrgChanged={onOrgChanged}
        />
      ))}
    </Stack>
  );
}
