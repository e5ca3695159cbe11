import { defineOperations } from '../../operations';

/**
 * Kinde Management API, organizations and their people (`../shared/providers/kinde.md`). Note
 * the singular `/organization` for single-org CRUD and invites, and the plural `/organizations`
 * for the list, org users with their roles and permissions, feature flags and logos. The OAuth2
 * token endpoint is not here: the gateway calls it server-side, never the browser.
 */
export const kindeOperations = defineOperations({
  listOrganizations: {
    method: 'GET',
    path: '/api/v1/organizations',
    mutates: false,
    summary: 'List organizations',
  },
  createOrganization: {
    method: 'POST',
    path: '/api/v1/organization',
    mutates: true,
    summary: 'Create organization',
  },
  getOrganization: {
    method: 'GET',
    path: '/api/v1/organization',
    mutates: false,
    summary: 'Get organization (by ?code=)',
  },
  updateOrganization: {
    method: 'PATCH',
    path: '/api/v1/organization/{org_code}',
    mutates: true,
    summary: 'Update organization',
  },
  deleteOrganization: {
    method: 'DELETE',
    path: '/api/v1/organization/{org_code}',
    mutates: true,
    summary: 'Delete organization',
  },
  listOrganizationUsers: {
    method: 'GET',
    path: '/api/v1/organizations/{org_code}/users',
    mutates: false,
    summary: 'List organization users (roles/permissions filters, cursor)',
  },
  addOrganizationUsers: {
    method: 'POST',
    path: '/api/v1/organizations/{org_code}/users',
    mutates: true,
    summary: 'Add existing users to an organization (bulk)',
  },
  updateOrganizationUsers: {
    method: 'PATCH',
    path: '/api/v1/organizations/{org_code}/users',
    mutates: true,
    summary: 'Add, update or remove organization users (bulk)',
  },
  removeOrganizationUser: {
    method: 'DELETE',
    path: '/api/v1/organizations/{org_code}/users/{user_id}',
    mutates: true,
    summary: 'Remove a user from an organization',
  },
  listOrganizationUserRoles: {
    method: 'GET',
    path: '/api/v1/organizations/{org_code}/users/{user_id}/roles',
    mutates: false,
    summary: "List an organization user's roles",
  },
  addOrganizationUserRole: {
    method: 'POST',
    path: '/api/v1/organizations/{org_code}/users/{user_id}/roles',
    mutates: true,
    summary: 'Give an organization user a role (by role id)',
  },
  removeOrganizationUserRole: {
    method: 'DELETE',
    path: '/api/v1/organizations/{org_code}/users/{user_id}/roles/{role_id}',
    mutates: true,
    summary: 'Take a role from an organization user',
  },
  listOrganizationInvites: {
    method: 'GET',
    path: '/api/v1/organization/{org_code}/invites',
    mutates: false,
    summary: 'List organization invites (pending; optionally revoked and accepted)',
  },
  createOrganizationInvite: {
    method: 'POST',
    path: '/api/v1/organization/{org_code}/invites',
    mutates: true,
    summary: 'Invite an email to an organization',
  },
  getOrganizationInvite: {
    method: 'GET',
    path: '/api/v1/organization/{org_code}/invites/{invite_code}',
    mutates: false,
    summary: 'Get an organization invite',
  },
  revokeOrganizationInvite: {
    method: 'DELETE',
    path: '/api/v1/organization/{org_code}/invites/{invite_code}',
    mutates: true,
    summary: 'Revoke an organization invite',
  },
  listUsers: {
    method: 'GET',
    path: '/api/v1/users',
    mutates: false,
    summary: 'List users of the business',
  },
  searchUsers: {
    method: 'GET',
    path: '/api/v1/search/users',
    mutates: false,
    summary: 'Search users by email or name',
  },
  listRoles: {
    method: 'GET',
    path: '/api/v1/roles',
    mutates: false,
    summary: 'List roles',
  },
  getUser: {
    method: 'GET',
    path: '/api/v1/user',
    mutates: false,
    summary: 'Get a user (by ?id=; expand=organizations gives their org codes)',
  },
  listOrganizationUserPermissions: {
    method: 'GET',
    path: '/api/v1/organizations/{org_code}/users/{user_id}/permissions',
    mutates: false,
    summary: "List an organization user's permissions (expand=roles: the roles giving each)",
  },
  addOrganizationUserPermission: {
    method: 'POST',
    path: '/api/v1/organizations/{org_code}/users/{user_id}/permissions',
    mutates: true,
    summary: 'Grant an organization user a permission directly (by permission id)',
  },
  removeOrganizationUserPermission: {
    method: 'DELETE',
    path: '/api/v1/organizations/{org_code}/users/{user_id}/permissions/{permission_id}',
    mutates: true,
    summary: "Withdraw an organization user's direct permission",
  },
  listPermissions: {
    method: 'GET',
    path: '/api/v1/permissions',
    mutates: false,
    summary: 'List permissions',
  },
  getOrganizationFeatureFlags: {
    method: 'GET',
    path: '/api/v1/organizations/{org_code}/feature_flags',
    mutates: false,
    summary: "List an organization's feature flag values",
  },
  updateOrganizationFeatureFlagOverride: {
    method: 'PATCH',
    path: '/api/v1/organizations/{org_code}/feature_flags/{feature_flag_key}',
    mutates: true,
    summary: 'Override a feature flag for an organization (?value=)',
  },
  deleteOrganizationFeatureFlagOverride: {
    method: 'DELETE',
    path: '/api/v1/organizations/{org_code}/feature_flags/{feature_flag_key}',
    mutates: true,
    summary: "Remove one of an organization's feature flag overrides",
  },
  deleteOrganizationFeatureFlagOverrides: {
    method: 'DELETE',
    path: '/api/v1/organizations/{org_code}/feature_flags',
    mutates: true,
    summary: "Remove all of an organization's feature flag overrides",
  },
  getEnvironmentFeatureFlags: {
    method: 'GET',
    path: '/api/v1/environment/feature_flags',
    mutates: false,
    summary: "List the environment's feature flag values (the organizations' defaults)",
  },
  getOrganizationLogos: {
    method: 'GET',
    path: '/api/v1/organizations/{org_code}/logos',
    mutates: false,
    summary: "Read an organization's logo details",
  },
  addOrganizationLogo: {
    method: 'POST',
    path: '/api/v1/organizations/{org_code}/logos/{type}',
    mutates: true,
    summary: 'Upload an organization logo (type light or dark; multipart field logo)',
  },
  deleteOrganizationLogo: {
    method: 'DELETE',
    path: '/api/v1/organizations/{org_code}/logos/{type}',
    mutates: true,
    summary: 'Delete an organization logo (204 when there is none)',
  },
});
