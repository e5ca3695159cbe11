import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';
import Skeleton from '@mui/material/Skeleton';
import type { ReactNode } from 'react';

/** A chart with a title and, for assistive technology and exact figures, its data as a table. */
export function ChartCard({
  title,
  subheader,
  children,
  table,
}: {
  readonly title: string;
  readonly subheader?: string;
  readonly children: ReactNode;
  readonly table: ReactNode;
}) {
  return (
    <Card component="section" aria-label={title} sx={{ height: '100%' }}>
      <CardHeader
        title={title}
        subheader={subheader}
        slotProps={{ title: { component: 'h2', variant: 'h3' } }}
      />
      <CardContent sx={{ pt: 0 }}>
        <figure style={{ margin: 0 }} aria-label={`${title} (chart)`}>
          {children}
        </figure>
        <details>
          <summary style={{ cursor: 'pointer', fontSize: 14 }}>Show the figures</summary>
          {table}
        </details>
      </CardContent>
    </Card>
  );
}

/** A chart card while its data loads: the same frame and chart height, so nothing moves after. */
export function ChartCardSkeleton({
  title,
  subheader,
  label,
}: {
  readonly title: string;
  readonly subheader: string;
  readonly label: string;
}) {
  return (
    <ChartCard title={title} subheader={subheader} table={null}>
      <Skeleton variant="rounded" height={260} role="progressbar" aria-label={label} />
    </ChartCard>
  );
}
