import { defineOperations } from '../../operations';

/**
 * Kinde Management API, organizations (`../shared/providers/kinde.md`). Note the singular
 * `/organization` for single-org CRUD and the plural `/organizations` for the list.
 * The OAuth2 token endpoint is not here: the gateway calls it server-side, never the browser.
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
});
