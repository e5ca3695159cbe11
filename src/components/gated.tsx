import { lazy, Suspense, useState, type ReactElement } from 'react';
import type { ConsoleRole } from '../api/session';
import { useCan } from '../lib/session-queries';

/** Loaded only when a control is actually gated, so pages for admins do not carry the tooltip code. */
const Tooltip = lazy(() => import('@mui/material/Tooltip'));

export interface GatedProps {
  readonly need: ConsoleRole;
  /** What the control does, for the reason: "delete organizations". */
  readonly action: string;
  readonly children: (disabled: boolean) => ReactElement;
}

/** A control the console user's role may not use: disabled, and saying why on hover and focus. */
export function Gated({ need, action, children }: GatedProps) {
  const { allowed, reason } = useCan(need, action);
  // Kept here, not in the tooltip: a hover or focus that came while the tooltip's code was still
  // loading opens it as soon as it arrives (the wrapper is remounted then, and gets no new hover).
  const [open, setOpen] = useState(false);
  if (allowed) return children(false);
  // A disabled button takes no focus or hover: the wrapper carries the reason instead.
  const wrapper = (
    <span
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- keyboard users must reach the reason too
      tabIndex={0}
      role="note"
      aria-label={reason ?? undefined}
      style={{ display: 'inline-flex' }}
      onMouseEnter={() => {
        setOpen(true);
      }}
      onMouseLeave={() => {
        setOpen(false);
      }}
      onFocus={() => {
        setOpen(true);
      }}
      onBlur={() => {
        setOpen(false);
      }}
    >
      {children(true)}
    </span>
  );
  return (
    <Suspense fallback={wrapper}>
      <Tooltip
        title={reason}
        describeChild
        open={open}
        onOpen={() => {
          setOpen(true);
        }}
        onClose={() => {
          setOpen(false);
        }}
      >
        {wrapper}
      </Tooltip>
    </Suspense>
  );
}
