import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { ProviderKind } from '../src/api/domain';
import { CONSOLE_ROLES, type ConsoleRole } from '../src/api/operations';
import { PASSWORD_HASH_PATTERN } from './auth/password';

/**
 * Connections: from a config file (path in ORGDECK_CONFIG, default `orgdeck.config.json`) whose
 * secrets are *names* of environment variables, never values. With none configured, the five
 * sandbox connections are served.
 */

const EnvName = z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'must be an environment variable name');

export const AuthConfig = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('bearer'),
    /** Environment variable holding the secret (Clerk secret key, Permit API key, user token). */
    secretEnv: EnvName,
  }),
  z.strictObject({
    type: z.literal('oauth2-client-credentials'),
    tokenUrl: z.url(),
    clientIdEnv: EnvName,
    clientSecretEnv: EnvName,
    audience: z.string().optional(),
    scope: z.string().optional(),
  }),
  /** No server secret: each console user supplies their own token (NuMind, Clerk Frontend API). */
  z.strictObject({ type: z.literal('user-token') }),
]);
export type AuthConfig = z.infer<typeof AuthConfig>;

export const ConnectionConfig = z.strictObject({
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

export const ConsoleRoleSchema = z.enum(CONSOLE_ROLES);

export const ConsoleUserConfig = z.strictObject({
  username: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._@+-]{0,99}$/, 'use letters, digits and . _ @ + -'),
  name: z.string().min(1).max(80),
  role: ConsoleRoleSchema,
  passwordHash: z
    .string()
    .regex(PASSWORD_HASH_PATTERN, 'must be a scrypt hash made by "npm run user:add"'),
});
export type ConsoleUserConfig = z.infer<typeof ConsoleUserConfig>;

export const ConsoleConfig = z.strictObject({
  /** `required`: nothing but the sign-in works until signed in. `optional`: anonymous visitors act as admin. */
  signIn: z.enum(['required', 'optional', 'off']).optional(),
  users: z.array(ConsoleUserConfig).default([]),
  /** One password-less user per role, labelled "Demo". Only allowed when every connection is a sandbox. */
  demoUsers: z.boolean().optional(),
  /** Idle time after which a session ends. */
  sessionTtlMinutes: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(8 * 60),
  /** Extra origins logos may load from (img-src), e.g. the host of a Kinde business's logos. */
  imageOrigins: z.array(z.url({ protocol: /^https$/ })).default([]),
});
export type ConsoleConfig = z.infer<typeof ConsoleConfig>;

export const OrgdeckConfig = z.strictObject({
  connections: z.array(ConnectionConfig).default([]),
  /** Also serve the five sandbox connections. Defaults to true when no connection is configured. */
  sandboxConnections: z.boolean().optional(),
  console: ConsoleConfig.optional(),
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
    }
  | { readonly type: 'user-token' };

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
  if (auth.type === 'user-token') return { type: 'user-token' };
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
  const usernames = new Set<string>();
  for (const [index, user] of (parsed.data.console?.users ?? []).entries()) {
    const key = user.username.toLowerCase();
    if (usernames.has(key)) {
      throw new ConfigError(
        `${source}: console.users.${index}.username: duplicate username "${user.username}"`,
      );
    }
    usernames.add(key);
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

/** A console user from the config (or a demo user), as the server keeps it. */
export interface ConsoleUser {
  readonly id: string;
  readonly name: string;
  readonly role: ConsoleRole;
  /** `null` for demo users, who sign in without a password. */
  readonly passwordHash: string | null;
  readonly demo: boolean;
}

export interface ProxyAuthSettings {
  /** Lower-case request header names set by the trusted reverse proxy. */
  readonly userHeader: string;
  readonly roleHeader: string;
}

export type SignInMode = 'required' | 'optional' | 'off';

/** How the console itself is protected. */
export interface ConsoleSettings {
  readonly signIn: SignInMode;
  readonly users: readonly ConsoleUser[];
  readonly demoUsers: readonly ConsoleUser[];
  readonly sessionTtlMinutes: number;
  /** ORGDECK_TRUST_PROXY_AUTH: the proxy's headers are the session. */
  readonly proxyAuth: ProxyAuthSettings | null;
  /**
   * Anonymous (not signed-in) sessions must send the CSRF token too. On by default;
   * ORGDECK_ANONYMOUS_CSRF=off turns it off for clients that do not send it yet.
   */
  readonly anonymousCsrf: boolean;
  /**
   * Believe `X-Forwarded-Proto`/`-Host`/`-For` (Secure cookies, the public origin, the client
   * address for sign-in rate limits): ORGDECK_TRUST_FORWARDED, or implied by ORGDECK_TRUST_PROXY_AUTH.
   */
  readonly trustForwarded: boolean;
  readonly imageOrigins: readonly string[];
}

export const DEMO_USERS: readonly ConsoleUser[] = [
  { id: 'demo-viewer', name: 'Demo viewer', role: 'viewer', passwordHash: null, demo: true },
  { id: 'demo-support', name: 'Demo support', role: 'support', passwordHash: null, demo: true },
  { id: 'demo-admin', name: 'Demo admin', role: 'admin', passwordHash: null, demo: true },
];

function flag(value: string | undefined): boolean {
  return value !== undefined && /^(1|true|yes|on)$/i.test(value.trim());
}

function headerName(value: string | undefined, fallback: string, variable: string): string {
  const name = (value ?? fallback).trim().toLowerCase();
  if (!/^[a-z0-9-]+$/.test(name)) {
    throw new ConfigError(`${variable} must be a header name (letters, digits and "-").`);
  }
  return name;
}

/** Resolves the console settings; throws ConfigError when no one could ever sign in. */
export function resolveConsole(
  config: OrgdeckConfig,
  connections: readonly Connection[],
  env: NodeJS.ProcessEnv,
  source = 'config',
): ConsoleSettings {
  const settings = config.console;
  const allSandbox = connections.every((connection) => connection.sandbox);
  const signIn: SignInMode = settings?.signIn ?? (allSandbox ? 'optional' : 'required');
  const demoUsers = settings?.demoUsers ?? allSandbox;
  if (demoUsers && !allSandbox) {
    throw new ConfigError(
      `${source}: console.demoUsers: demo users sign in without a password, so they are only allowed when every connection is a sandbox.`,
    );
  }
  if (signIn === 'optional' && !allSandbox) {
    throw new ConfigError(
      `${source}: console.signIn: "optional" lets anyone who is not signed in act as admin, so it is only allowed when every connection is a sandbox. Use "required" (the default) beside a real connection.`,
    );
  }
  const proxyAuth = flag(env['ORGDECK_TRUST_PROXY_AUTH'])
    ? {
        userHeader: headerName(
          env['ORGDECK_PROXY_USER_HEADER'],
          'x-forwarded-user',
          'ORGDECK_PROXY_USER_HEADER',
        ),
        roleHeader: headerName(
          env['ORGDECK_PROXY_ROLE_HEADER'],
          'x-forwarded-role',
          'ORGDECK_PROXY_ROLE_HEADER',
        ),
      }
    : null;
  const users = (settings?.users ?? []).map<ConsoleUser>((user) => ({
    id: user.username,
    name: user.name,
    role: user.role,
    passwordHash: user.passwordHash,
    demo: false,
  }));
  if (signIn === 'required' && users.length === 0 && !demoUsers && !proxyAuth) {
    throw new ConfigError(
      `${source}: console.users: sign-in is required but no one can sign in. Add a user with "npm run user:add", or set ORGDECK_TRUST_PROXY_AUTH=1 behind an authenticating proxy, or set console.signIn.`,
    );
  }
  return {
    signIn,
    users,
    demoUsers: demoUsers ? DEMO_USERS : [],
    sessionTtlMinutes: settings?.sessionTtlMinutes ?? 8 * 60,
    proxyAuth,
    anonymousCsrf: env['ORGDECK_ANONYMOUS_CSRF']?.trim().toLowerCase() !== 'off',
    trustForwarded: proxyAuth !== null || flag(env['ORGDECK_TRUST_FORWARDED']),
    imageOrigins: settings?.imageOrigins ?? [],
  };
}

export interface LoadedConfig {
  readonly connections: Connection[];
  readonly console: ConsoleSettings;
}

/** Reads the config file if there is one; throws ConfigError naming the bad field. */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
): LoadedConfig {
  const { config, source } = readConfigFile(env, cwd);
  const connections = resolveConnections(config, env);
  return { connections, console: resolveConsole(config, connections, env, source) };
}

/** The connections of the config file (see `loadConfig`). */
export function loadConnections(
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
): Connection[] {
  const { config } = readConfigFile(env, cwd);
  return resolveConnections(config, env);
}

function readConfigFile(
  env: NodeJS.ProcessEnv,
  cwd: string,
): { config: OrgdeckConfig; source: string } {
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
  if (text === null) return { config: { connections: [] }, source: path };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${path}: not valid JSON: ${(error as Error).message}`);
  }
  return { config: parseConfig(raw, path), source: path };
}
