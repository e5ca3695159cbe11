import Skeleton from '@mui/material/Skeleton';
import type { BarChart as BarChartComponent } from '@mui/x-charts/BarChart';
import { lazy, Suspense, type ComponentProps } from 'react';

/**
 * Asked for as soon as the overview's code runs, so it downloads while the page's data loads, but
 * never awaited by the page: MUI X's charts are most of the overview's code (≈100 kB gzipped of
 * its ≈130), and the cards, figures and tables paint without them.
 */
const chartModule = import('@mui/x-charts/BarChart');
// A failed download surfaces where the chart renders (the route's error state), not as unhandled.
chartModule.catch(() => undefined);
const BarChartImpl = lazy(() => chartModule.then((module) => ({ default: module.BarChart })));

/** MUI X's BarChart; until its code has arrived, a placeholder of the chart's own height. */
export function LazyBarChart(props: ComponentProps<typeof BarChartComponent>) {
  return (
    <Suspense
      fallback={
        <Skeleton
          variant="rounded"
          height={props.height}
          role="progressbar"
          aria-label="Loading the chart"
        />
      }
    >
      <BarChartImpl {...props} />
    </Suspense>
  );
}
