import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One chunk of Vite's build manifest (`build.manifest: true`), keyed by its source path. */
export interface ManifestChunk {
  readonly file: string;
  readonly imports?: readonly string[];
  readonly dynamicImports?: readonly string[];
  readonly isEntry?: boolean;
  readonly isDynamicEntry?: boolean;
  readonly css?: readonly string[];
}
export type BuildManifest = Readonly<Record<string, ManifestChunk>>;

export const MANIFEST_PATH = join('.vite', 'manifest.json');
export const ENTRY_SOURCE = 'index.html';

export function readManifest(clientDir: string): BuildManifest | null {
  const path = join(clientDir, MANIFEST_PATH);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as BuildManifest) : null;
}

/**
 * Which lazy route module a page path renders (the router in src/app/router.tsx imports the same
 * files): the server preloads it with the entry, so the route's code arrives with the shell's
 * instead of after it. A test checks that each source here is a dynamic entry of the build.
 */
export const ROUTE_MODULES: readonly { readonly pattern: RegExp; readonly source: string }[] = [
  { pattern: /^\/c\/[^/]+\/orgs\/?$/, source: 'src/app/routes/org-list-route.tsx' },
  { pattern: /^\/c\/[^/]+\/orgs\/[^/]+\/[^/]+\/?$/, source: 'src/app/routes/org-detail-route.tsx' },
  { pattern: /^\/c\/[^/]+\/(?:overview\/?)?$/, source: 'src/app/routes/overview-route.tsx' },
  { pattern: /^\/c\/[^/]+\/flags\/?$/, source: 'src/app/routes/flag-matrix-route.tsx' },
  {
    pattern: /^\/c\/[^/]+\/invitations\/?$/,
    source: 'src/app/routes/pending-invitations-route.tsx',
  },
  { pattern: /^\/connections\/?$/, source: 'src/app/routes/connections-route.tsx' },
  { pattern: /^\/audit\/?$/, source: 'src/app/routes/audit-route.tsx' },
  { pattern: /^\/sign-in\/?$/, source: 'src/app/routes/sign-in-route.tsx' },
];

/** The adapter module of a provider (src/api/adapters.ts imports the same files lazily). */
export function adapterSource(provider: string): string {
  return `src/api/providers/${provider}/adapter.ts`;
}

/** The connection a page path is about (`/c/:connectionId/...`), if any. */
export function connectionIdOf(pathname: string): string | null {
  const match = /^\/c\/([^/]+)/.exec(pathname);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

/** Every chunk a source needs before it runs: itself and its static imports, recursively. */
export function staticClosure(manifest: BuildManifest, sources: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    for (const next of manifest[key].imports ?? []) visit(next);
  };
  for (const source of sources) visit(source);
  return [...seen];
}

/**
 * The `/assets/…` files to `modulepreload` for a page path beyond what index.html already loads:
 * the route module and the active connection's adapter, each with its static imports.
 */
export function preloadsFor(
  manifest: BuildManifest,
  pathname: string,
  provider: string | null,
): string[] {
  const sources = ROUTE_MODULES.filter((route) => route.pattern.test(pathname)).map(
    (route) => route.source,
  );
  if (provider) sources.push(adapterSource(provider));
  const initial = new Set(staticClosure(manifest, [ENTRY_SOURCE]));
  return staticClosure(manifest, sources)
    .filter((key) => !initial.has(key))
    .map((key) => `/${manifest[key]?.file ?? ''}`);
}
