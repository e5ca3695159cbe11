import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';

/**
 * How a figure was reached: `complete` is a count of everything; `sampled` was counted in some of
 * the organizations only (a lower bound), and must never read as a total.
 */
export type StatCompleteness =
  | { readonly kind: 'complete' }
  | { readonly kind: 'sampled'; readonly covered: number; readonly of: number };

export interface StatCardProps {
  readonly label: string;
  readonly value: string | null;
  /** Complete unless said otherwise; a sample is shown as one (smaller, "≥", how far it reached). */
  readonly completeness?: StatCompleteness | undefined;
  /** Why there is no figure, or how it was reached where that is neither complete nor sampled. */
  readonly note?: string | null;
  readonly loading?: boolean;
}

export function StatCard({
  label,
  value,
  completeness = { kind: 'complete' },
  note,
  loading = false,
}: StatCardProps) {
  const sampled = completeness.kind === 'sampled' && value !== null ? completeness : null;
  return (
    <Card component="section" aria-label={label} sx={{ height: '100%' }}>
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Typography variant="body2" color="text.secondary" component="h2">
            {label}
          </Typography>
          {sampled !== null && !loading ? (
            <Chip size="small" variant="outlined" label="Sample" />
          ) : null}
        </Stack>
        {loading ? (
          <Typography variant="h1" component="p" sx={{ mt: 1 }}>
            <Skeleton width={80} />
          </Typography>
        ) : sampled !== null ? (
          <>
            <Typography variant="h3" component="p" sx={{ mt: 1 }}>
              at least {value}
            </Typography>
            <Typography variant="body2" color="text.secondary" component="div">
              counted in {sampled.covered} of {sampled.of} orgs — not a total
            </Typography>
          </>
        ) : (
          <Typography variant="h1" component="p" sx={{ mt: 1 }}>
            {value ?? '—'}
          </Typography>
        )}
        {note ? (
          <Typography variant="caption" color="text.secondary">
            {note}
          </Typography>
        ) : null}
      </CardContent>
    </Card>
  );
}
