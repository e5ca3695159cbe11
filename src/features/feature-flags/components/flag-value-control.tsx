import EditIcon from '@mui/icons-material/Edit';
import Button from '@mui/material/Button';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import type { FeatureFlag } from '../../../api/people';
import { useToast } from '../../../components/toast';
import { describeError } from '../../../lib/describe-error';
import { useSetFlag } from '../api/mutations';
import { formatFlagValue } from '../flag-values';
import { useCan } from '../../../lib/session-queries';

/**
 * A flag's value where it can be changed in place: a switch for booleans (optimistic, rolled back
 * with a message if refused), an edit button for the other types.
 */
export function FlagValueControl({
  orgId,
  orgName,
  flag,
  onEdit,
  compact = false,
}: {
  readonly orgId: string;
  readonly orgName: string;
  readonly flag: FeatureFlag;
  readonly onEdit: (flag: FeatureFlag) => void;
  readonly compact?: boolean;
}) {
  const set = useSetFlag(orgId);
  const { toast } = useToast();
  const { allowed } = useCan('admin', 'change feature flags');
  if (!allowed) {
    return <Typography variant="body2">{formatFlagValue(flag.value, flag.type)}</Typography>;
  }
  if (flag.type === 'boolean') {
    return (
      <Switch
        checked={flag.value === true}
        onChange={(event) => {
          const value = event.target.checked;
          set.mutate(
            { flag, value, optimistic: true },
            {
              onError: (error) => {
                toast(
                  `${flag.name} was not changed for ${orgName}: ${describeError(error).message}`,
                  'error',
                );
              },
            },
          );
        }}
        slotProps={{ input: { 'aria-label': `${flag.name} for ${orgName}` } }}
      />
    );
  }
  const text = formatFlagValue(flag.value, flag.type);
  return (
    <Button
      size="small"
      variant="text"
      color="inherit"
      endIcon={compact ? undefined : <EditIcon fontSize="small" />}
      onClick={() => {
        onEdit(flag);
      }}
      aria-label={`Edit ${flag.name} for ${orgName}: ${text}`}
      sx={{ textTransform: 'none', justifyContent: 'flex-start', maxWidth: 260 }}
    >
      <Typography
        variant="body2"
        noWrap
        sx={{ fontFamily: flag.type === 'json' ? 'monospace' : undefined }}
      >
        {text}
      </Typography>
    </Button>
  );
}
