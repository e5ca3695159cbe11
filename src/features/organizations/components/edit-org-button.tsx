import EditIcon from '@mui/icons-material/Edit';
import Button from '@mui/material/Button';
import { lazy, Suspense, useState } from 'react';
import type { Organization } from '../../../api/domain';
import { useActiveConnection } from '../../../lib/connection-context';
import { useUpdateOrg } from '../api/mutations';
import { toUpdateInput } from '../schemas';
import { useToast } from '../../../components/toast';
import { Gated } from '../../../components/gated';

/** The form (react-hook-form, resolvers) loads when first opened, not with the page. */
const OrgFormDialog = lazy(() =>
  import('./org-form-dialog').then((m) => ({ default: m.OrgFormDialog })),
);

export function EditOrgButton({ org }: { readonly org: Organization }) {
  const { api } = useActiveConnection();
  const [open, setOpen] = useState(false);
  const update = useUpdateOrg(org.id);
  const { toast } = useToast();
  return (
    <>
      <Gated need="admin" action="edit organizations">
        {(gated) => (
          <Button
            disabled={gated}
            variant="outlined"
            startIcon={<EditIcon />}
            onClick={() => {
              setOpen(true);
            }}
          >
            Edit
          </Button>
        )}
      </Gated>
      {open ? (
        <Suspense fallback={null}>
          <OrgFormDialog
            mode="edit"
            caps={api.capabilities}
            org={org}
            onClose={() => {
              setOpen(false);
            }}
            onSubmit={async (values, initial) => {
              const input = toUpdateInput(values, initial, api.capabilities);
              if (Object.keys(input).length === 0) {
                setOpen(false);
                toast('Nothing changed', 'info');
                return;
              }
              const updated = await update.mutateAsync(input);
              setOpen(false);
              toast(`Saved ${updated.name}`, 'success');
            }}
          />
        </Suspense>
      ) : null}
    </>
  );
}
