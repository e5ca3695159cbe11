import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { lazy, Suspense, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { Organization } from '../../../api/domain';
import { paths } from '../../../config/paths';
import { useActiveConnection } from '../../../lib/connection-context';
import { describeError } from '../../../lib/describe-error';
import { useDeleteOrg } from '../api/mutations';
import { useToast } from '../../../components/toast';
import { Gated } from '../../../components/gated';

// The dialog (Dialog, Modal, TextField) is its own chunk: the org page's first paint does not wait
// for it. It starts loading when the pointer or focus reaches the button; a press before it
// arrives opens the dialog as soon as it does.
const loadConfirmDialog = () => import('../../../components/confirm-dialog');
const ConfirmDialog = lazy(() => loadConfirmDialog().then((m) => ({ default: m.ConfirmDialog })));

export function DeleteOrgButton({ org }: { readonly org: Organization }) {
  const { connection, api } = useActiveConnection();
  const [open, setOpen] = useState(false);
  // Mounted from the first press on, so closing still plays the dialog's exit transition.
  const [mounted, setMounted] = useState(false);
  const remove = useDeleteOrg(org.id);
  const navigate = useNavigate();
  const { toast } = useToast();
  return (
    <>
      <Gated need="admin" action="delete organizations">
        {(gated) => (
          <Button
            disabled={gated}
            color="error"
            variant="outlined"
            startIcon={<DeleteIcon />}
            onPointerEnter={() => void loadConfirmDialog()}
            onFocus={() => void loadConfirmDialog()}
            onClick={() => {
              setMounted(true);
              setOpen(true);
            }}
          >
            Delete
          </Button>
        )}
      </Gated>
      {mounted ? (
        <Suspense fallback={null}>
          <ConfirmDialog
            open={open}
            destructive
            title={`Delete ${org.name}?`}
            confirmLabel={`Delete ${org.name}`}
            typeToConfirm={org.name}
            pending={remove.isPending}
            error={remove.error ? describeError(remove.error).message : null}
            onClose={() => {
              setOpen(false);
              remove.reset();
            }}
            onConfirm={() => {
              remove.mutate(undefined, {
                onSuccess: () => {
                  setOpen(false);
                  toast(`Deleted ${org.name}`, 'success');
                  void navigate(paths.orgs.list.href(connection.id), { replace: true });
                },
              });
            }}
          >
            <Typography>{api.capabilities.deleteConsequence}</Typography>
          </ConfirmDialog>
        </Suspense>
      ) : null}
    </>
  );
}
