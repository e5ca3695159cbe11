import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';

export interface InvitationRowActionsProps {
  /** The invited address, which names each action for assistive technology. */
  readonly email: string;
  /** A resend of this invitation is under way. */
  readonly resending: boolean;
  /** Each action shows only when given (the caller decides from capabilities and status). */
  readonly onCopyLink: (() => void) | null;
  readonly onResend: (() => void) | null;
  readonly onRevoke: (() => void) | null;
}

/** An invitation row's actions (copy link, resend, revoke): one org's list and the cross-org page. */
export function InvitationRowActions(props: InvitationRowActionsProps) {
  const { email, resending, onCopyLink, onResend, onRevoke } = props;
  return (
    <Stack direction="row" spacing={0.5} sx={{ justifyContent: 'flex-end', whiteSpace: 'nowrap' }}>
      {onCopyLink ? (
        <Tooltip title="Copy invitation link">
          <IconButton
            size="small"
            aria-label={`Copy the invitation link for ${email}`}
            onClick={onCopyLink}
          >
            <ContentCopyIcon fontSize="small" />
          </IconButton>
        </Tooltip>
      ) : null}
      {onResend ? (
        <Button
          size="small"
          loading={resending}
          aria-label={`Resend the invitation to ${email}`}
          onClick={onResend}
        >
          Resend
        </Button>
      ) : null}
      {onRevoke ? (
        <Button
          size="small"
          color="error"
          aria-label={`Revoke the invitation to ${email}`}
          onClick={onRevoke}
        >
          Revoke
        </Button>
      ) : null}
    </Stack>
  );
}
