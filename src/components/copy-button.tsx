import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import IconButton from '@mui/material/IconButton';
import type TooltipComponent from '@mui/material/Tooltip';
import { useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { loadableOnce, whenIdle } from '../lib/load-on-intent';
import { useToast } from './toast';

export interface CopyButtonProps {
  readonly value: string;
  /** What is copied, for the accessible name: "Copy organization ID". */
  readonly label: string;
  readonly size?: 'small' | 'medium';
}

type Tooltip = typeof TooltipComponent;
/**
 * The tooltip's code (Tooltip, Popper, Grow: its own chunk) loads when the page is first idle or
 * a copy button is pointed at or focused, not with the page: org headers carry copy buttons on
 * their first paint.
 */
const tooltip = loadableOnce<Tooltip>(() => import('@mui/material/Tooltip').then((m) => m.default));
const loadTooltip = tooltip.load;

export function CopyButton({ value, label, size = 'small' }: CopyButtonProps) {
  const { toast } = useToast();
  const [Tip, setTip] = useState<Tooltip | null>(() => tooltip.current());
  // The button is mounted anew inside the tooltip once its code is there, which would drop a
  // hover, a focus or a press in progress: the swap waits until the pointer and focus are away.
  const hovered = useRef(false);
  const focused = useRef(false);
  const swapIn = useCallback(() => {
    const loaded = tooltip.current();
    if (!loaded || hovered.current || focused.current) return;
    // At once, so no press can start between this check and the new button.
    flushSync(() => {
      setTip(() => loaded);
    });
  }, []);
  useEffect(() => {
    if (Tip) return;
    // Loaded when the page is next idle (or on the first hover or focus, whichever comes first).
    return whenIdle(() => void loadTooltip().then(swapIn));
  }, [Tip, swapIn]);
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
  const iconButton = (
    <IconButton
      aria-label={`Copy ${label}`}
      size={size}
      onClick={() => void copy()}
      {...(Tip
        ? {}
        : {
            onMouseEnter: () => {
              hovered.current = true;
              void loadTooltip();
            },
            onMouseLeave: () => {
              hovered.current = false;
              swapIn();
            },
            onFocus: () => {
              focused.current = true;
              void loadTooltip();
            },
            onBlur: () => {
              focused.current = false;
              swapIn();
            },
          })}
    >
      <ContentCopyIcon fontSize="inherit" />
    </IconButton>
  );
  if (!Tip) return iconButton;
  return <Tip title={`Copy ${label}`}>{iconButton}</Tip>;
}
