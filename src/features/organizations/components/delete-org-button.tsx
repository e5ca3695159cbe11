import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { Organization } from '../../../api/domain';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { paths } from '../../../config/paths';
import { useActiveConnection } from '../../../lib/connection-context';
import { describeError } from '../../../lib/describe-error';
import { useDeleteOrg } from '../api/mutations';
import { useToast } from '../../../components/toast';
import { Gated } from '../../../components/gated';

export function DeleteOrgButton({ org }: { readonly org: Organization }) {
  const { connection, api } = useActiveConnection();
  const [open, setOpen] = useState(false);
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
            onClick={() => {
              setOpen(true);
            }}
          >
            Delete
          </Button>
        )}
      </Gated>
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
    </>
  );
}
