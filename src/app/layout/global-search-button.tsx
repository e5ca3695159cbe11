import SearchIcon from '@mui/icons-material/Search';
import Button from '@mui/material/Button';
import { useEffect } from 'react';
import { useGlobalSearch } from '../../lib/global-search-context';
import { shell } from './shell-styles';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Opens the global search; Ctrl+K (⌘K on a Mac) does the same from anywhere. */
export function GlobalSearchButton({
  enabled,
  onOpen,
}: {
  readonly enabled: boolean;
  /** Runs before the search opens (from a page outside a connection: go to the connection). */
  readonly onOpen?: (() => void) | undefined;
}) {
  const { setOpen } = useGlobalSearch();
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        onOpen?.();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  }, [enabled, onOpen, setOpen]);
  return (
    <Button
      color="inherit"
      variant="outlined"
      disabled={!enabled}
      startIcon={<SearchIcon />}
      onClick={() => {
        onOpen?.();
        setOpen(true);
      }}
      aria-keyshortcuts={isMac ? 'Meta+K' : 'Control+K'}
      sx={{
        borderColor: 'divider',
        color: 'text.secondary',
        minWidth: { xs: 0, sm: 200 },
        justifyContent: 'flex-start',
      }}
    >
      <span className={shell.searchLabel}>Search…</span>
      <kbd className={shell.searchKeys}>{isMac ? '⌘K' : 'Ctrl K'}</kbd>
    </Button>
  );
}
