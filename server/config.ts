import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { ProviderKind } from '../src/api/domain';

/**
 * Connections: from a config file (path in ORGDECK_CONFIG, default `orgdeck.config.json`) whose
 * secrets are *names* of environment variables, never values. With none configured, the five
 * sandbox connections are served.
 */

const EnvName = z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'must be an environment variable name');

export const AuthConfig = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('bearer'),
    /** Environment variable holding the secret (Clerk secret key, Permit API key, user token). */
    secretEnv: EnvName,
  }),
  z.object({
    type: z.literal('oauth2-client-credentials'),
    tokenUrl: z.url(),
    clientIdEnv: EnvName,
    clientSecretEnv: EnvName,
    audience: z.string().optional(),
    scope: z.string().optional(),
  }),
]);
export type AuthConfig = z.infer<typeof AuthConfig>;

export const ConnectionConfig = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'use lowercase letters, digits and "-"'),
  label: z.string().min(1).max(80),
  provider: ProviderKind,
  /** The provider's base URL, e.g. https://api.clerk.com or https://acme.kinde.com. */
  baseUrl: z.url(),
  auth: AuthConfig,
  /** Non-secret query parameters added to every call (Clerk Frontend API: `_is_native=true`). */
  query: z.record(z.string(), z.string()).optional(),
});
export type ConnectionConfig = z.infer<typeof ConnectionConfig>;

export const OrgdeckConfig = z.object({
  connections: z.array(ConnectionConfig).default([]),
  /** Also serve the five sandbox connections. Defaults to true when no connection is configured. */
  sandboxConnections: z.boolean().optional(),
});
export type OrgdeckConfig = z.infer<typeof OrgdeckConfig>;

/** A connection as the server uses it: secrets resolved, never serialised to the browser. */
export type ResolvedAuth =
  | { readonly type: 'bearer'; readonly secret: string }
  | {
      readonly type: 'oauth2-client-credentials';
      readonly tokenUrl: string;
      readonly clientId: string;
      readonly clientSecret: string;
      readonly audience?: string;
      readonly scope?: string;
    };

export interface Connection {
  readonly id: string;
  readonly label: string;
  readonly provider: ProviderKind;
  readonly baseUrl: string;
  readonly sandbox: boolean;
  readonly auth: ResolvedAuth;
  readonly query: Readonly<Record<string, string>>;
}

/** `sandbox://<mount>` base URLs are served in-process by the embedded sandbox. */
export const SANDBOX_SCHEME = 'sandbox:';

export function sandboxConnections(): Connection[] {
  const bearer: ResolvedAuth = { type: 'bearer', secret: 'sandbox-token' };
  return [
    {
      id: 'permit',
      label: 'Permit.io (sandbox)',
      provider: 'permit',
      baseUrl: 'sandbox://permit',
      sandbox: true,
      auth: bearer,
      query: {},
    },
    {
      id: 'kinde',
      label: 'Kinde (sandbox)',
      provider: 'kinde',
      baseUrl: 'sandbox://kinde',
      sandbox: true,
      auth: {
        type: 'oauth2-client-credentials',
        tokenUrl: 'sandbox://kinde/oauth2/token',
        clientId: 'sandbox',
        clientSecret: 'sandbox-secret',
        audience: 'sandbox://kinde/api',
      },
      query: {},
    },
    {
      id: 'clerk',
      label: 'Clerk Backend API (sandbox)',
      provider: 'clerk',
      baseUrl: 'sandbox://clerk',
      sandbox: true,
      auth: bearer,
      query: {},
    },
    {
      id: 'clerk-frontend',
      label: 'Clerk Frontend API (sandbox)',
      provider: 'clerk-frontend',
      baseUrl: 'sandbox://clerk-frontend',
      sandbox: true,
      auth: bearer,
      query: { _is_native: 'true' },
    },
    {
      id: 'numind',
      label: 'NuMind (sandbox)',
      provider: 'numind',
      baseUrl: 'sandbox://numind',
      sandbox: true,
      auth: bearer,
      query: {},
    },
  ];
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function requireEnv(env: NodeJS.ProcessEnv, name: string, connectionId: string): string {
  const value = env[name];
  if (value === undefined || value.trim() === '') {
    throw new ConfigError(
      `Connection "${connectionId}": environment variable ${name} is not set (it should hold the secret).`,
    );
  }
  return value.trim();
}

function resolveAuth(config: ConnectionConfig, env: NodeJS.ProcessEnv): ResolvedAuth {
  const auth = config.auth;
  if (auth.type === 'bearer') {
    return { type: 'bearer', secret: requireEnv(env, auth.secretEnv, config.id) };
  }
  return {
    type: 'oauth2-client-credentials',
    tokenUrl: auth.tokenUrl,
    clientId: requireEnv(env, auth.clientIdEnv, config.id),
    clientSecret: requireEnv(env, auth.clientSecretEnv, config.id),
    ...(auth.audience ? { audience: auth.audience } : {}),
    ...(auth.scope ? { scope: auth.scope } : {}),
  };
}

export function parseConfig(raw: unknown, source: string): OrgdeckConfig {
  const parsed = OrgdeckConfig.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || '(root)';
    throw new ConfigError(`${source}: ${where}: ${issue?.message ?? 'invalid'}`);
  }
  const ids = new Set<string>();
  for (const connection of parsed.data.connections) {
    if (ids.has(connection.id)) {
      throw new ConfigError(`${source}: connections: duplicate id "${connection.id}"`);
    }
    ids.add(connection.id);
  }
  return parsed.data;
}

export function resolveConnections(config: OrgdeckConfig, env: NodeJS.ProcessEnv): Connection[] {
  const real = config.connections.map<Connection>((connection) => ({
    id: connection.id,
    label: connection.label,
    provider: connection.provider,
    baseUrl: connection.baseUrl.replace(/\/+$/, ''),
    sandbox: false,
    auth: resolveAuth(connection, env),
    query: connection.query ?? {},
  }));
  const withSandbox = config.sandboxConnections ?? real.length === 0;
  if (!withSandbox) return real;
  const taken = new Set(real.map((connection) => connection.id));
  return [...real, ...sandboxConnections().filter((connection) => !taken.has(connection.id))];
}

/** Reads the config file if there is one; throws ConfigError naming the bad field. */
export function loadConnections(
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
): Connection[] {
  const explicit = env['ORGDECK_CONFIG'];
  const path = resolve(cwd, explicit ?? 'orgdeck.config.json');
  let text: string | null = null;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || explicit) {
      throw new ConfigError(`Cannot read config file ${path}: ${(error as Error).message}`);
    }
  }
  if (text === null) return resolveConnections({ connections: [] }, env);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${path}: not valid JSON: ${(error as Error).message}`);
  }
  return resolveConnections(parseConfig(raw, path), env);
}
