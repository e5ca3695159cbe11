import { createContext, useContext } from 'react';

export interface GlobalSearchControl {
  readonly open: boolean;
  readonly setOpen: (open: boolean) => void;
}

/** The shell owns the Ctrl/Cmd+K shortcut; the connection route renders the search itself. */
export const GlobalSearchContext = createContext<GlobalSearchControl>({
  open: false,
  setOpen: () => undefined,
});

export function useGlobalSearch(): GlobalSearchControl {
  return useContext(GlobalSearchContext);
}
