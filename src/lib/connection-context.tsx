import { createContext, useContext } from 'react';
import type { Connection } from '../api/connections';
import type { OrgAdminApi } from '../api/org-admin-api';

export interface ActiveConnection {
  readonly connection: Connection;
  readonly api: OrgAdminApi;
}

export const ActiveConnectionContext = createContext<ActiveConnection | null>(null);

/** The connection the current route is about, with its loaded adapter. */
export function useActiveConnection(): ActiveConnection {
  const value = useContext(ActiveConnectionContext);
  if (!value) throw new Error('useActiveConnection must be used under a /c/:connectionId route');
  return value;
}
