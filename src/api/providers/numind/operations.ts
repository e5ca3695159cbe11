import { defineOperations } from '../../operations';

/**
 * NuMind / NuExtract platform API, organizations (`../shared/providers/numind.md`). There is no
 * single-org GET and no pagination; update is a PUT of the whole `{name}`.
 */
export const numindOperations = defineOperations({
  listOrganizations: {
    method: 'GET',
    path: '/api/organizations',
    mutates: false,
    summary: "List the signed-in user's organizations",
  },
  createOrganization: {
    method: 'POST',
    path: '/api/organizations',
    mutates: true,
    summary: 'Create organization',
  },
  updateOrganization: {
    method: 'PUT',
    path: '/api/organizations/{organizationId}',
    mutates: true,
    summary: 'Update organization',
  },
  deleteOrganization: {
    method: 'DELETE',
    path: '/api/organizations/{organizationId}',
    mutates: true,
    summary: 'Delete organization',
  },
});
