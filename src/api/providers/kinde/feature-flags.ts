import { ApiError } from '../../errors';
import type { HttpClient } from '../../http-client';
import type { FeatureFlagsApi } from '../../org-admin-api';
import { parseWire } from '../../parse';
import { toFeatureFlags, toFlagValue } from './access-map';
import { KindeFeatureFlagsWire } from './access-wire';
import { kindeOperations as ops } from './operations';
import { KindeSuccessWire } from './wire';

/**
 * An org's feature-flag overrides (`/api/v1/organizations/{org_code}/feature_flags`), with the
 * environment's values as defaults. Kinde takes the override as a string in `?value=` and
 * checks it against the flag's type itself.
 */
export function createKindeFeatureFlags(http: HttpClient): Required<FeatureFlagsApi> {
  return {
    async list(orgId, { signal } = {}) {
      const [org, environment] = await Promise.all([
        http.call(ops.getOrganizationFeatureFlags, { params: { org_code: orgId }, signal }),
        http.call(ops.getEnvironmentFeatureFlags, { signal }),
      ]);
      return toFeatureFlags(
        parseWire(KindeFeatureFlagsWire, org.json, 'organization feature flags'),
        parseWire(KindeFeatureFlagsWire, environment.json, 'environment feature flags'),
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
