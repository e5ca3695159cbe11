import { loadAdapter } from '../../src/api/adapters';
import type { ProviderKind } from '../../src/api/domain';
import type { OrgAdminApi } from '../../src/api/org-admin-api';
import { createServerApp, type ServerApp } from '../app';
import { sandboxConnections, type Connection } from '../config';
import type { FaultSpec } from '../sandbox/faults';
import type { Store } from '../store/store';
import { testConsoleSettings } from '../testing/test-server';
import type { ConnectionIndexOptions } from './service';

export const ORIGIN = 'http://orgdeck.test';

export interface IndexedApp {
  readonly server: ServerApp;
  call(path: string, init?: RequestInit): Promise<Response>;
  json<T>(path: string, init?: RequestInit): Promise<T>;
  adapter(connectionId: string, provider: ProviderKind): Promise<OrgAdminApi>;
  addFault(fault: FaultSpec): Promise<void>;
}

/** The real app (gateway, sandbox in memory, sign-in optional) with the index in `store`. */
export async function indexedApp(
  store: Store,
  index: Partial<
    Omit<ConnectionIndexOptions, 'connections' | 'gatewayFetch' | 'log' | 'db' | 'engine'>
  > = {},
  connections: readonly Connection[] = sandboxConnections(),
): Promise<IndexedApp> {
  const server = await createServerApp({
    connections,
    sandboxDataDir: null,
    console: testConsoleSettings(),
    connectionIndex: { db: store.db, engine: store.engine, refreshMs: null, ...index },
  });
  const call = (path: string, init?: RequestInit) =>
    Promise.resolve(server.app.fetch(new Request(`${ORIGIN}${path}`, init)));
  return {
    server,
    call,
    async json<T>(path: string, init?: RequestInit) {
      const response = await call(path, init);
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    adapter: (connectionId, provider) =>
      loadAdapter(provider, {
        baseUrl: `${ORIGIN}/api/connections/${connectionId}/upstream`,
        fetch: (input: RequestInfo | URL, init?: RequestInit) =>
          call(
            (input instanceof Request ? input.url : input.toString()).slice(ORIGIN.length),
            init,
          ),
      }),
    async addFault(fault) {
      const response = await call('/sandbox/faults', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(fault),
      });
      if (!response.ok) throw new Error(`addFault: ${response.status}`);
    },
  };
}
