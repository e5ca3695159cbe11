import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import IconButton from '@mui/material/IconButton';
import type TooltipComponent from '@mui/material/Tooltip';
import { useEffect, useRef, useState } from 'react';
import { useToast } from './toast';

export interface CopyButtonProps {
  readonly value: string;
  /** What is copied, for the accessible name: "Copy organization ID". */
  readonly label: string;
  readonly size?: 'small' | 'medium';
}

type Tooltip = typeof TooltipComponent;
let loadedTooltip: Tooltip | null = null;
let loadingTooltip: Promise<Tooltip> | null = null;
/**
 * The tooltip's code (Tooltip, Popper, Grow: its own chunk) loads when a copy button is first
 * pointed at or focused, not with the page: org headers carry copy buttons on their first paint.
 */
function loadTooltip(): Promise<Tooltip> {
  loadingTooltip ??= import('@mui/material/Tooltip').then((m) => (loadedTooltip = m.default));
  return loadingTooltip;
}

export function CopyButton({ value, label, size = 'small' }: CopyButtonProps) {
  const { toast } = useToast();
  const [Tip, setTip] = useState<Tooltip | null>(() => loadedTooltip);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  // The button is mounted anew inside the tooltip once its code is there: it keeps the focus.
  const refocus = useRef(false);
  useEffect(() => {
    if (!refocus.current) return;
    refocus.current = false;
    button.current?.focus();
  }, [Tip]);
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
  // Swapping the button while it is pressed would lose the click: a tooltip that arrives between
  // press and release waits for the click (or for the pointer to leave).
  const pressed = useRef(false);
  const arrived = useRef<Tooltip | null>(null);
  const swapIn = () => {
    const loaded = arrived.current;
    if (!loaded || pressed.current) return;
    arrived.current = null;
    refocus.current = document.activeElement === button.current;
    setTip(() => loaded);
  };
  // Before the tooltip's code is there, pointing or focusing asks for it and opens the tooltip
  // as soon as it arrives; then the tooltip handles hover and focus itself.
  const want = () => {
    setOpen(true);
    void loadTooltip().then((loaded) => {
      arrived.current = loaded;
      swapIn();
    });
  };
  const unwant = () => {
    setOpen(false);
  };
  const release = () => {
    pressed.current = false;
    swapIn();
  };
  const iconButton = (
    <IconButton
      ref={button}
      aria-label={`Copy ${label}`}
      size={size}
      onClick={() => {
        void copy();
        release();
      }}
      {...(Tip
        ? {}
        : {
            onMouseEnter: want,
            onFocus: want,
            onMouseLeave: () => {
              unwant();
              release();
            },
            onBlur: unwant,
            onPointerDown: () => {
              pressed.current = true;
            },
          })}
    >
      <ContentCopyIcon fontSize="inherit" />
    </IconButton>
  );
  if (!Tip) return iconButton;
  return (
    <Tip
      title={`Copy ${label}`}
      open={open}
      onOpen={() => {
        setOpen(true);
      }}
      onClose={unwant}
    >
      {iconButton}
    </Tip>
  );
}
