import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { publicOriginsFor, type HostPolicy } from '../http/host-guard';
import { createServerApp, type ServerApp, type ServerAppOptions } from '../app';
import { DEMO_USERS, sandboxConnections, type Connection, type ConsoleSettings } from '../config';
import type { FaultSpec } from '../sandbox/faults';

export interface TestServer {
  readonly origin: string;
  readonly server: ServerApp;
  /** Base URL an adapter uses to reach a connection through the gateway. */
  upstreamUrl(connectionId: string): string;
  addFault(fault: FaultSpec): Promise<void>;
  clearFaults(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The sandbox default (optional sign-in, demo users), except that anonymous callers need no
 * CSRF token: the contract suites drive adapters with plain fetch, as a script would. Tests of
 * the console's own protections pass their settings.
 */
export function testConsoleSettings(overrides: Partial<ConsoleSettings> = {}): ConsoleSettings {
  return {
    signIn: 'optional',
    users: [],
    demoUsers: DEMO_USERS,
    sessionTtlMinutes: 60,
    proxyAuth: null,
    anonymousCsrf: false,
    trustForwarded: false,
    imageOrigins: [],
    ...overrides,
  };
}

export type TestServerOptions = Partial<
  Omit<ServerAppOptions, 'connections' | 'sandboxDataDir' | 'hostPolicy'>
> & {
  /** Origins the server also answers on (ORGDECK_PUBLIC_ORIGIN), beside its own loopback one. */
  readonly publicOrigins?: readonly string[];
};

/** The real server (gateway + in-memory sandbox) on an ephemeral port, for tests over HTTP. */
export async function startTestServer(
  connections: readonly Connection[] = sandboxConnections(),
  options: TestServerOptions = {},
): Promise<TestServer> {
  // The allow-list names the port, known once listening.
  const { publicOrigins = [], ...appOptions } = options;
  const consoleSettings = options.console ?? testConsoleSettings();
  let hostPolicy: HostPolicy = { origins: [] };
  const server = await createServerApp({
    connections,
    sandboxDataDir: null,
    hostPolicy: () => hostPolicy,
    ...appOptions,
    console: consoleSettings,
  });
  const http = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const instance = serve({ fetch: server.app.fetch, port: 0, hostname: '127.0.0.1' }, () =>
      resolve(instance),
    );
  });
  const { port } = http.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  hostPolicy = {
    origins: publicOriginsFor(publicOrigins, '127.0.0.1', port),
    trustForwarded: consoleSettings.trustForwarded,
  };
  return {
    origin,
    server,
    upstreamUrl: (id) => `${origin}/api/connections/${id}/upstream`,
    async addFault(fault) {
      const response = await fetch(`${origin}/sandbox/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(fault),
      });
      if (!response.ok)
        throw new Error(`addFault failed: ${response.status} ${await response.text()}`);
    },
    async clearFaults() {
      await fetch(`${origin}/sandbox/faults`, { method: 'DELETE' });
    },
    async close() {
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await server.close();
    },
  };
}
