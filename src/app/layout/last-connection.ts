import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { connectionQueries } from '../../data/connections';

const KEY = 'orgdeck.lastConnection';

function read(): string | null {
  try {
    return window.localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

/**
 * The connection the console works on: the route's, or on pages outside a connection (Audit log,
 * Connections, 404) the last one used, so the picker, the side navigation and Ctrl+K keep their
 * context. Only a connection that still exists is remembered.
 */
export function useContextConnection(routeConnectionId: string | null): {
  readonly connectionId: string | null;
  /** Whether the page itself is outside any connection (the id is the remembered one). */
  readonly remembered: boolean;
} {
  const [last, setLast] = useState<string | null>(read);
  const connections = useQuery(connectionQueries.list());
  // Kept in step during render (React's pattern for state derived from a changing prop).
  if (routeConnectionId !== null && routeConnectionId !== last) setLast(routeConnectionId);
  useEffect(() => {
    if (routeConnectionId === null) return;
    try {
      window.localStorage.setItem(KEY, routeConnectionId);
    } catch {
      // Storage may be off (private mode): the context is then kept only while the page lives.
    }
  }, [routeConnectionId]);
  if (routeConnectionId !== null) return { connectionId: routeConnectionId, remembered: false };
  const known = connections.data?.some((connection) => connection.id === last) ?? false;
  return { connectionId: known ? last : null, remembered: true };
}
