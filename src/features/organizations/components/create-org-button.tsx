import AddIcon from '@mui/icons-material/Add';
import Button from '@mui/material/Button';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import type { CreateOrgResult } from '../../../api/domain';
import { paths } from '../../../config/paths';
import { useActiveConnection } from '../../../lib/connection-context';
import { useCreateOrg } from '../api/mutations';
import { toCreateInput } from '../schemas';
import { useToast } from '../../../components/toast';
import { Gated } from '../../../components/gated';

/** The form (react-hook-form, resolvers) loads when first opened, not with the page. */
const OneTimeSecretDialog = lazy(() =>
  import('./one-time-secret-dialog').then((m) => ({ default: m.OneTimeSecretDialog })),
);
const OrgFormDialog = lazy(() =>
  import('./org-form-dialog').then((m) => ({ default: m.OrgFormDialog })),
);

export interface CreateOrgButtonProps {
  readonly variant?: 'contained' | 'outlined';
  readonly icon?: ReactNode;
}

export function CreateOrgButton({
  variant = 'contained',
  icon = <AddIcon />,
}: CreateOrgButtonProps) {
  const { connection, api } = useActiveConnection();
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<CreateOrgResult | null>(null);
  const create = useCreateOrg();
  const navigate = useNavigate();
  const { toast } = useToast();
  const openDetail = (orgId: string) => {
    void navigate(paths.orgs.detail.href(connection.id, orgId));
  };

  return (
    <>
      <Gated need="admin" action="create organizations">
        {(gated) => (
          <Button
            disabled={gated}
            variant={variant}
            startIcon={icon}
            onClick={() => {
              setOpen(true);
            }}
          >
            Create organization
          </Button>
        )}
      </Gated>
      {open ? (
        <Suspense fallback={null}>
          <OrgFormDialog
            mode="create"
            caps={api.capabilities}
            onClose={() => {
              setOpen(false);
            }}
            onSubmit={async (values) => {
              const result = await create.mutateAsync(toCreateInput(values, api.capabilities));
              setOpen(false);
              toast(`Created ${result.organization.name}`, 'success');
              if (result.oneTimeSecret) setCreated(result);
              else openDetail(result.organization.id);
            }}
          />
        </Suspense>
      ) : null}
      {created?.oneTimeSecret ? (
        <Suspense fallback={null}>
          <OneTimeSecretDialog
            secret={created.oneTimeSecret}
            orgName={created.organization.name}
            onDone={() => {
              setCreated(null);
              openDetail(created.organization.id);
            }}
          />
        </Suspense>
      ) : null}
    </>
  );
}
