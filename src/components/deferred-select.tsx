import ArrowDropDownIcon from '@mui/icons-material/ArrowDropDown';
import FormControl from '@mui/material/FormControl';
import InputLabel from '@mui/material/InputLabel';
import type { InputBaseComponentProps } from '@mui/material/InputBase';
import OutlinedInput from '@mui/material/OutlinedInput';
import { styled } from '@mui/material/styles';
import {
  useEffect,
  useId,
  useImperativeHandle,
  useRef,
  useState,
  type ElementType,
  type FocusEventHandler,
  type Ref,
} from 'react';
import { loadableOnce, whenIdle } from '../lib/load-on-intent';
import type { DeferredSelectMenu } from './deferred-select-menu';

export interface DeferredSelectOption {
  readonly value: string;
  readonly label: string;
}

export interface DeferredSelectProps {
  readonly label: string;
  /** `''` for the first option when it means "any". */
  readonly value: string;
  readonly options: readonly DeferredSelectOption[];
  readonly onChange: (value: string) => void;
  /** The menu opens (e.g. to fetch a catalogue that fills it). */
  readonly onOpen?: () => void;
  readonly minWidth: number;
  /** Load the real select's code when the page is next idle (e.g. once the page's data shows). */
  readonly prefetch?: boolean;
}

type Menu = typeof DeferredSelectMenu;
const menu = loadableOnce<Menu>(() =>
  import('./deferred-select-menu').then((m) => m.DeferredSelectMenu),
);
const loadMenu = menu.load;

/** What the user did to the stand-in: it had focus, or they pressed it to open it. */
interface Intent {
  readonly open: boolean;
}

/**
 * A small outlined select filter whose menu code (Select, Menu, Popover, Modal: tens of kB) is
 * not on the page's first paint. Until then a stand-in that looks the same (MUI's outlined input
 * with the select's styles and caret) holds its place and says the same thing to assistive
 * technology (a combobox named by its label, showing the chosen option). Pointing at it or
 * focusing it loads the real select; focusing or pressing it swaps the real one in as soon as it
 * is there, focused, and open when it was pressed: a press before the code arrived is not lost.
 */
export function DeferredSelect(props: DeferredSelectProps) {
  const [Real, setReal] = useState<Menu | null>(() => menu.current());
  const [intent, setIntent] = useState<Intent | null>(null);
  const { prefetch = false, onOpen } = props;

  useEffect(() => {
    if (!prefetch || menu.current()) return;
    return whenIdle(() => void loadMenu());
  }, [prefetch]);

  if (Real && intent) return <Real {...props} defaultOpen={intent.open} />;

  const want = (open: boolean) => {
    if (open) onOpen?.();
    setIntent((previous) => ({ open: open || (previous?.open ?? false) }));
    if (!Real) {
      void loadMenu().then((loaded) => {
        setReal(() => loaded);
      });
    }
  };
  return <SelectStandIn {...props} onIntent={want} onPrefetch={() => void loadMenu()} />;
}

const standInStyles = {
  // The rules MUI's outlined Select adds to its input (SelectInput and NativeSelectInput).
  '&&': {
    userSelect: 'none',
    cursor: 'pointer',
    height: 'auto',
    minHeight: '1.4375em',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    overflow: 'hidden',
  },
  '&&&': { paddingRight: 32, minWidth: 16 },
} as const;

const StandInDisplay = styled('div')(({ theme }) => ({
  ...standInStyles,
  '&&, &&:focus': { borderRadius: theme.vars.shape.borderRadius },
}));

const Caret = styled(ArrowDropDownIcon)(({ theme }) => ({
  position: 'absolute',
  right: 7,
  top: 'calc(50% - .5em)',
  pointerEvents: 'none',
  color: theme.vars.palette.action.active,
}));

interface StandInInputProps {
  readonly className?: string;
  readonly onFocus?: FocusEventHandler;
  readonly onBlur?: FocusEventHandler;
  readonly ref?: Ref<{ focus: () => void; value: string }>;
  readonly display: string;
  readonly labelId: string;
  readonly onIntent: (open: boolean) => void;
}

/** The combobox element, in place of MUI's SelectInput (InputBase styles it through className). */
function StandInInput({
  className,
  onFocus,
  onBlur,
  ref,
  display,
  labelId,
  onIntent,
}: StandInInputProps) {
  const element = useRef<HTMLDivElement>(null);
  useImperativeHandle(ref, () => ({
    focus: () => {
      element.current?.focus();
    },
    value: display,
  }));
  return (
    <>
      <StandInDisplay
        ref={element}
        role="combobox"
        tabIndex={0}
        aria-expanded="false"
        aria-haspopup="listbox"
        aria-labelledby={labelId}
        className={className}
        onFocus={(event) => {
          onFocus?.(event);
          onIntent(false);
        }}
        onBlur={onBlur}
        onMouseDown={(event) => {
          if (event.button !== 0) return;
          event.preventDefault();
          onIntent(true);
        }}
        onKeyDown={(event) => {
          if ([' ', 'ArrowUp', 'ArrowDown', 'Enter'].includes(event.key)) {
            event.preventDefault();
            onIntent(true);
          }
        }}
      >
        {display === '' ? (
          <span className="notranslate" aria-hidden>
            {'\u200b'}
          </span>
        ) : (
          display
        )}
      </StandInDisplay>
      {/* Inside the input like Select's own caret, not an end adornment (which pads the input). */}
      <Caret />
    </>
  );
}

function SelectStandIn({
  label,
  value,
  options,
  minWidth,
  onIntent,
  onPrefetch,
}: DeferredSelectProps & {
  readonly onIntent: (open: boolean) => void;
  readonly onPrefetch: () => void;
}) {
  const labelId = `${useId()}-label`;
  // Like MUI's Select: the empty value shows nothing (the label sits in the box).
  const display = value === '' ? '' : (options.find((o) => o.value === value)?.label ?? '');
  return (
    <FormControl size="small" variant="outlined" sx={{ minWidth }} onPointerEnter={onPrefetch}>
      <InputLabel id={labelId}>{label}</InputLabel>
      <OutlinedInput
        label={label}
        value={value}
        // InputBase types its input component's props loosely; ours are passed in inputProps.
        inputComponent={StandInInput as ElementType<InputBaseComponentProps>}
        inputProps={{ display, labelId, onIntent }}
      />
    </FormControl>
  );
}
