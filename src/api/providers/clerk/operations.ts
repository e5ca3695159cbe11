import { defineOperations } from '../../operations';

/** Clerk Backend API v1, organizations (`../shared/providers/clerk-backend.md`). */
export const clerkOperations = defineOperations({
  listOrganizations: {
    method: 'GET',
    path: '/v1/organizations',
    mutates: false,
    summary: 'List organizations',
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
    summary: 'Get organization by ID or slug',
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
  mergeOrganizationMetadata: {
    method: 'PATCH',
    path: '/v1/organizations/{organization_id}/metadata',
    mutates: true,
    summary: 'Merge organization metadata',
  },
  replaceOrganizationMetadata: {
    method: 'PUT',
    path: '/v1/organizations/{organization_id}/metadata',
    mutates: true,
    summary: 'Replace organization metadata',
  },
  uploadOrganizationLogo: {
    method: 'PUT',
    path: '/v1/organizations/{organization_id}/logo',
    mutates: true,
    summary: 'Upload organization logo',
  },
  deleteOrganizationLogo: {
    method: 'DELETE',
    path: '/v1/organizations/{organization_id}/logo',
    mutates: true,
    summary: 'Delete organization logo',
  },
});
