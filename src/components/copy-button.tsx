import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import { useToast } from './toast';

export interface CopyButtonProps {
  readonly value: string;
  /** What is copied, for the accessible name: "Copy organization ID". */
  readonly label: string;
  readonly size?: 'small' | 'medium';
}

export function CopyButton({ value, label, size = 'small' }: CopyButtonProps) {
  const { toast } = useToast();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      toast(`Copied ${label.toLowerCase()}`, 'success');
    } catch {
      toast(
        `Could not copy ${label.toLowerCase()}: the browser refused clipboard access.`,
        'error',
      );
    }
  };
  return (
    <Tooltip title={`Copy ${label}`}>
      <IconButton aria-label={`Copy ${label}`} size={size} onClick={() => void copy()}>
        <ContentCopyIcon fontSize="inherit" />
      </IconButton>
    </Tooltip>
  );
}
