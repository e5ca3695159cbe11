import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

export interface EmptyStateProps {
  readonly title: string;
  readonly description?: ReactNode;
  readonly action?: ReactNode;
  readonly icon?: ReactNode;
  /** `h1` where the empty state is the whole page (a 404), so the page still has its heading. */
  readonly titleAs?: 'p' | 'h1' | 'h2';
}

export function EmptyState({ title, description, action, icon, titleAs = 'p' }: EmptyStateProps) {
  return (
    <Box sx={{ py: 6, px: 2, textAlign: 'center', color: 'text.secondary' }} role="status">
      {icon ? <Box sx={{ fontSize: 40, mb: 1, '& svg': { fontSize: 40 } }}>{icon}</Box> : null}
      <Typography
        variant="h3"
        component={titleAs}
        tabIndex={titleAs === 'h1' ? -1 : undefined}
        color="text.primary"
        gutterBottom
      >
        {title}
      </Typography>
      {description ? <Typography variant="body2">{description}</Typography> : null}
      {action ? <Box sx={{ mt: 2 }}>{action}</Box> : null}
    </Box>
  );
}
