import * as z from 'zod/mini';

/**
 * Wire shapes of Kinde's permission, feature-flag, single-user and logo endpoints
 * (`kinde-mgmt-api-specs.yaml`). The spec marks no field required: everything is optional.
 */

/** `permissions`: one entry of the permission catalogue. */
export const KindePermissionWire = z.object({
  id: z.nullish(z.string()),
  key: z.nullish(z.string()),
  name: z.nullish(z.string()),
  description: z.nullish(z.string()),
});
export type KindePermissionWire = z.infer<typeof KindePermissionWire>;

/** `get_permissions_response`. */
export const KindePermissionsWire = z.object({
  code: z.nullish(z.string()),
  message: z.nullish(z.string()),
  permissions: z.nullish(z.array(KindePermissionWire)),
  next_token: z.nullish(z.string()),
});

/** `organization_user_permission`: `roles` (`[{id, key}]`) comes with `expand=roles`. */
export const KindeOrganizationUserPermissionWire = z.extend(KindePermissionWire, {
  roles: z.nullish(z.array(z.object({ id: z.nullish(z.string()), key: z.nullish(z.string()) }))),
});
export type KindeOrganizationUserPermissionWire = z.infer<
  typeof KindeOrganizationUserPermissionWire
>;

/** `get_organizations_user_permissions_response`. */
export const KindeOrganizationUserPermissionsWire = z.object({
  code: z.nullish(z.string()),
  message: z.nullish(z.string()),
  permissions: z.nullish(z.array(KindeOrganizationUserPermissionWire)),
});

/** One flag of a `feature_flags` map: Kinde sends every value as a string. */
export const KindeFlagValueWire = z.object({
  // An enum (`str`, `int`, `bool`) in the spec; kept a string so a new type does not break the list.
  type: z.nullish(z.string()),
  value: z.nullish(z.string()),
});
export type KindeFlagValueWire = z.infer<typeof KindeFlagValueWire>;

/**
 * `get_organization_feature_flags_response` and `get_environment_feature_flags_response`
 * (the latter also has a `next_token`, with no paging parameters to send it back).
 */
export const KindeFeatureFlagsWire = z.object({
  code: z.nullish(z.string()),
  message: z.nullish(z.string()),
  feature_flags: z.nullish(z.record(z.string(), KindeFlagValueWire)),
  next_token: z.nullish(z.string()),
});
export type KindeFeatureFlagsWire = z.infer<typeof KindeFeatureFlagsWire>;

/** `user` (`GET /api/v1/user`), as far as the adapter reads it: flat, no `{code, message}`. */
export const KindeUserDetailWire = z.object({
  id: z.nullish(z.string()),
  /** Org codes, with `expand=organizations`. */
  organizations: z.nullish(z.array(z.string())),
});
