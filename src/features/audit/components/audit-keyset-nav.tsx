import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { AuditPage } from '../../../api/audit';
import { formatNumber } from '../../../lib/format';
import type { useAuditCursor } from '../use-audit-cursor';

/**
 * Newer / Older over the audit log by cursor (the API's `before`/`nextBefore`): a page deep in a
 * long log costs what the first one does, and entries added meanwhile do not shift the pages.
 */
export function AuditKeysetNav({
  page,
  cursor,
  disabled,
}: {
  readonly page: AuditPage;
  readonly cursor: ReturnType<typeof useAuditCursor>;
  readonly disabled: boolean;
}) {
  const matching = `${formatNumber(page.total)}${page.totalCapped ? '+' : ''}`;
  return (
    <Stack
      component="nav"
      aria-label="Audit log pages"
      direction="row"
      spacing={1}
      sx={{ alignItems: 'center', justifyContent: 'flex-end', px: 2, py: 1, flexWrap: 'wrap' }}
    >
      <Typography variant="body2" role="status" sx={{ mr: 1 }}>
        {cursor.atNewest ? 'Newest' : 'Older'} {formatNumber(page.items.length)} of {matching}{' '}
        entries
      </Typography>
      <Button size="small" disabled={disabled || cursor.atNewest} onClick={cursor.newest}>
        Newest
      </Button>
      <Button size="small" disabled={disabled || cursor.atNewest} onClick={cursor.newer}>
        Newer
      </Button>
      <Button
        size="small"
        disabled={disabled || page.nextBefore === undefined}
        onClick={() => {
          if (page.nextBefore !== undefined) cursor.older(page.nextBefore);
        }}
      >
        Older
      </Button>
    </Stack>
  );
}
