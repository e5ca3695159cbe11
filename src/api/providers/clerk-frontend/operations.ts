import { defineOperations } from '../../operations';

/**
 * Clerk Frontend API v1, organizations (`../shared/providers/clerk-frontend.md`). It acts as the
 * signed-in user: there is no list-all, so the org list comes from the user's memberships.
 */
export const clerkFrontendOperations = defineOperations({
  listMyMemberships: {
    method: 'GET',
    path: '/v1/me/organization_memberships',
    mutates: false,
    summary: "List the signed-in user's organization memberships",
  },
  createOrganization: {
    method: 'POST',
    path: '/v1/organizations',
    mutates: true,
    summary: 'Create organization',
  },
  getOrganization: {
    method: 'GET',
    path: '/v1/organizations/{organization_id}',
    mutates: false,
    summary: 'Get organization',
  },
  updateOrganization: {
    method: 'PATCH',
    path: '/v1/organizations/{organization_id}',
    mutates: true,
    summary: 'Update organization',
  },
  deleteOrganization: {
    method: 'DELETE',
    path: '/v1/organizations/{organization_id}',
    mutates: true,
    summary: 'Delete organization',
  },
});
