import type { QueryClient } from '@tanstack/react-query';
import { parseConnections } from '../api/connections';
import { adoptSession } from '../api/session';
import { connectionQueries } from '../data/connections';
import { sessionQuery } from '../lib/session-queries';
import { BOOT_DATA_ID } from './boot-data-id';

/**
 * The session and connection list the server answered for this very page load, embedded as a
 * non-executable `<script type="application/json">`: put in the query cache as fresh data, so
 * the shell and the first route need no round trip before their own calls. Anything missing or
 * malformed is ignored (the queries then fetch as usual); the dev server embeds nothing.
 */
export function seedBootData(client: QueryClient, doc: Document = document): void {
  const element = doc.getElementById(BOOT_DATA_ID);
  if (element?.getAttribute('type') !== 'application/json') return;
  let boot: { session?: unknown; connections?: unknown };
  try {
    boot = JSON.parse(element.textContent) as typeof boot;
  } catch {
    return;
  }
  // The page was answered at navigation start: that is when this data was read.
  const updatedAt = Math.round(performance.timeOrigin);
  try {
    if (boot.session)
      client.setQueryData(sessionQuery().queryKey, adoptSession(boot.session), { updatedAt });
  } catch {
    // malformed: the session query fetches it
  }
  try {
    if (Array.isArray(boot.connections)) {
      client.setQueryData(connectionQueries.list().queryKey, parseConnections(boot.connections), {
        updatedAt,
      });
    }
  } catch {
    // malformed: the connections query fetches it
  }
}
