import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';

export interface StatCardProps {
  readonly label: string;
  readonly value: string | null;
  /** How the figure was reached, where it is not a plain count ("in 12 sampled orgs"). */
  readonly note?: string | null;
  readonly loading?: boolean;
}

export function StatCard({ label, value, note, loading = false }: StatCardProps) {
  return (
    <Card component="section" aria-label={label} sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="body2" color="text.secondary" component="h2">
          {label}
        </Typography>
        <Typography variant="h1" component="p" sx={{ mt: 1 }}>
          {loading ? <Skeleton width={80} /> : (value ?? '—')}
        </Typography>
        {note ? (
          <Typography variant="caption" color="text.secondary">
            {note}
          </Typography>
        ) : null}
      </CardContent>
    </Card>
  );
}
