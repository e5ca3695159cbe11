import { kindeError, kindeErrors } from './errors';
import {
  environmentFlagValues,
  findFlag,
  flagNotFound,
  flagValueError,
  orgFlagValues,
} from './flags';
import { pathOrg, success, type KindeHandlers, type KindeRouteKit } from './route-kit';

/**
 * Feature flags: an org's values and overrides (`GET/DELETE /api/v1/organizations/{org_code}/feature_flags`,
 * `PATCH/DELETE …/feature_flags/{feature_flag_key}`) and the environment's values
 * (`GET /api/v1/environment/feature_flags`). The spec declares 400 `error_response` for these.
 */

type FlagOperation =
  | 'getOrganizationFeatureFlags'
  | 'updateOrganizationFeatureFlagOverride'
  | 'deleteOrganizationFeatureFlagOverride'
  | 'deleteOrganizationFeatureFlagOverrides'
  | 'getEnvironmentFeatureFlags';

const FLAG_KEY_FIELD = 'feature_flag_key';

export function flagHandlers(kit: KindeRouteKit): KindeHandlers<FlagOperation> {
  const state = () => kit.state();

  return {
    getOrganizationFeatureFlags: kit.guarded('read:organization_feature_flags', (c) => {
      const org = pathOrg(kit, c);
      if (org instanceof Response) return org;
      return c.json({
        code: 'OK',
        message: 'Success',
        feature_flags: orgFlagValues(state(), org.code),
      });
    }),

    updateOrganizationFeatureFlagOverride: kit.guarded('update:organization_feature_flags', (c) => {
      const org = pathOrg(kit, c);
      if (org instanceof Response) return org;
      const key = c.req.param(FLAG_KEY_FIELD) ?? '';
      const flag = findFlag(state(), key);
      if (!flag) return kindeErrors(400, [flagNotFound(key, FLAG_KEY_FIELD)]);
      const value = c.req.query('value');
      if (value === undefined)
        return kindeError(400, 'VALUE_REQUIRED', 'An override value is required', 'value');
      const invalid = flagValueError(flag, value, 'value');
      if (invalid) return kindeErrors(400, [invalid]);
      const s = state();
      const existing = s.flagOverrides.find(
        (row) => row.orgCode === org.code && row.flagKey === key,
      );
      // An override equal to the environment's value is still stored (a choice: Kinde does not say).
      if (existing) existing.value = value;
      else s.flagOverrides.push({ orgCode: org.code, flagKey: key, value });
      kit.ctx.store.changed();
      return success();
    }),

    deleteOrganizationFeatureFlagOverride: kit.guarded('delete:organization_feature_flags', (c) => {
      const org = pathOrg(kit, c);
      if (org instanceof Response) return org;
      const key = c.req.param(FLAG_KEY_FIELD) ?? '';
      if (!findFlag(state(), key)) return kindeErrors(400, [flagNotFound(key, FLAG_KEY_FIELD)]);
      const s = state();
      const before = s.flagOverrides.length;
      s.flagOverrides = s.flagOverrides.filter(
        (row) => row.orgCode !== org.code || row.flagKey !== key,
      );
      // Removing an override the org does not have succeeds without change (a choice).
      if (s.flagOverrides.length !== before) kit.ctx.store.changed();
      return success();
    }),

    deleteOrganizationFeatureFlagOverrides: kit.guarded(
      'delete:organization_feature_flags',
      (c) => {
        const org = pathOrg(kit, c);
        if (org instanceof Response) return org;
        const s = state();
        const before = s.flagOverrides.length;
        s.flagOverrides = s.flagOverrides.filter((row) => row.orgCode !== org.code);
        if (s.flagOverrides.length !== before) kit.ctx.store.changed();
        return success();
      },
    ),

    getEnvironmentFeatureFlags: kit.guarded('read:environment_feature_flags', (c) =>
      // Every flag comes at once: the spec lists no paging parameters to send a token back.
      c.json({
        code: 'OK',
        message: 'Success',
        feature_flags: environmentFlagValues(state()),
      }),
    ),
  };
}
