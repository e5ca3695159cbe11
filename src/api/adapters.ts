import type { ProviderKind } from './domain';
import type { OrgAdminApi } from './org-admin-api';
import type { AdapterOptions } from './providers/shared';

type AdapterFactory = (options: AdapterOptions) => OrgAdminApi;

/** Adapters load on demand, so the browser only downloads the providers it talks to. */
const loaders: Readonly<Record<ProviderKind, () => Promise<AdapterFactory>>> = {
  permit: () => import('./providers/permit/adapter').then((m) => m.createPermitApi),
  kinde: () => import('./providers/kinde/adapter').then((m) => m.createKindeApi),
  clerk: () => import('./providers/clerk/adapter').then((m) => m.createClerkApi),
  'clerk-frontend': () =>
    import('./providers/clerk-frontend/adapter').then((m) => m.createClerkFrontendApi),
  numind: () => import('./providers/numind/adapter').then((m) => m.createNumindApi),
};

export async function loadAdapter(
  provider: ProviderKind,
  options: AdapterOptions,
): Promise<OrgAdminApi> {
  const factory = await loaders[provider]();
  return factory(options);
}
