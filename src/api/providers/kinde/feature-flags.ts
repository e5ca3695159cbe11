import { ApiError } from '../../errors';
import type { HttpClient } from '../../http-client';
import type { FeatureFlagsApi } from '../../org-admin-api';
import { parseWire } from '../../parse';
import { toFeatureFlags, toFlagValue } from './access-map';
import { KindeFeatureFlagsWire } from './access-wire';
import { kindeOperations as ops } from './operations';
import { KindeSuccessWire } from './wire';

/** How long the environment's flags (the defaults, the same for every org) are reused. */
export const ENVIRONMENT_FLAGS_TTL_MS = 30_000;

/**
 * An org's feature-flag overrides (`/api/v1/organizations/{org_code}/feature_flags`), with the
 * environment's values as defaults. Kinde takes the override as a string in `?value=` and
 * checks it against the flag's type itself. The environment's flags are fetched once for a
 * while, not once per org: the flag matrix lists many orgs' flags side by side.
 */
export function createKindeFeatureFlags(
  http: HttpClient,
  now: () => number = Date.now,
): Required<FeatureFlagsApi> {
  let environment: { readonly at: number; readonly flags: Promise<KindeFeatureFlagsWire> } | null =
    null;
  const environmentFlags = (): Promise<KindeFeatureFlagsWire> => {
    if (environment && now() - environment.at < ENVIRONMENT_FLAGS_TTL_MS) return environment.flags;
    // Not tied to one caller's signal: other lists may be waiting on the same request.
    const flags = http
      .call(ops.getEnvironmentFeatureFlags)
      .then((raw) => parseWire(KindeFeatureFlagsWire, raw.json, 'environment feature flags'));
    const entry = { at: now(), flags };
    environment = entry;
    flags.catch(() => {
      if (environment === entry) environment = null;
    });
    return flags;
  };
  return {
    async list(orgId, { signal } = {}) {
      const [org, defaults] = await Promise.all([
        http.call(ops.getOrganizationFeatureFlags, { params: { org_code: orgId }, signal }),
        environmentFlags(),
      ]);
      return toFeatureFlags(
        parseWire(KindeFeatureFlagsWire, org.json, 'organization feature flags'),
        defaults,
      );
    },

    async set(orgId, key, value, { signal } = {}) {
      // Kinde has no "no value" for a flag: resetting to the default is `reset`.
      if (value === null) {
        throw new ApiError({
          kind: 'validation',
          message: 'A feature flag override needs a value.',
          fieldErrors: { value: 'Enter a value.' },
        });
      }
      const raw = await http.call(ops.updateOrganizationFeatureFlagOverride, {
        params: { org_code: orgId, feature_flag_key: key },
        query: { value: toFlagValue(value) },
        signal,
      });
      parseWire(KindeSuccessWire, raw.json, 'feature flag override result');
    },

    async reset(orgId, key, { signal } = {}) {
      const raw = await http.call(ops.deleteOrganizationFeatureFlagOverride, {
        params: { org_code: orgId, feature_flag_key: key },
        signal,
      });
      parseWire(KindeSuccessWire, raw.json, 'feature flag override removal');
    },

    async resetAll(orgId, { signal } = {}) {
      const raw = await http.call(ops.deleteOrganizationFeatureFlagOverrides, {
        params: { org_code: orgId },
        signal,
      });
      parseWire(KindeSuccessWire, raw.json, 'feature flag overrides removal');
    },
  };
}
