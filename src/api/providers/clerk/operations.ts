import { defineOperations } from '../../operations';

/**
 * Clerk Backend API v1: organizations, their memberships and invitations, the instance's users
 * and organization roles (`../shared/providers/clerk-backend.md`).
 */
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
  listOrganizationMemberships: {
    method: 'GET',
    path: '/v1/organizations/{organization_id}/memberships',
    mutates: false,
    summary: 'List organization memberships',
  },
  createOrganizationMembership: {
    method: 'POST',
    path: '/v1/organizations/{organization_id}/memberships',
    mutates: true,
    summary: 'Add a user to an organization',
  },
  updateOrganizationMembership: {
    method: 'PATCH',
    path: '/v1/organizations/{organization_id}/memberships/{user_id}',
    mutates: true,
    summary: "Change a member's role",
  },
  deleteOrganizationMembership: {
    method: 'DELETE',
    path: '/v1/organizations/{organization_id}/memberships/{user_id}',
    mutates: true,
    summary: 'Remove a member from an organization',
  },
  listOrganizationInvitations: {
    method: 'GET',
    path: '/v1/organizations/{organization_id}/invitations',
    mutates: false,
    summary: 'List organization invitations',
  },
  createOrganizationInvitation: {
    method: 'POST',
    path: '/v1/organizations/{organization_id}/invitations',
    mutates: true,
    summary: 'Create and send an organization invitation',
  },
  createOrganizationInvitationBulk: {
    method: 'POST',
    path: '/v1/organizations/{organization_id}/invitations/bulk',
    mutates: true,
    summary: 'Create and send up to 10 organization invitations',
  },
  listPendingOrganizationInvitations: {
    method: 'GET',
    path: '/v1/organizations/{organization_id}/invitations/pending',
    mutates: false,
    summary: 'List pending organization invitations (deprecated)',
  },
  getOrganizationInvitation: {
    method: 'GET',
    path: '/v1/organizations/{organization_id}/invitations/{invitation_id}',
    mutates: false,
    summary: 'Get an organization invitation',
  },
  revokeOrganizationInvitation: {
    method: 'POST',
    path: '/v1/organizations/{organization_id}/invitations/{invitation_id}/revoke',
    mutates: true,
    summary: 'Revoke a pending organization invitation',
  },
  listUsers: {
    method: 'GET',
    path: '/v1/users',
    mutates: false,
    summary: 'List users',
  },
  countUsers: {
    method: 'GET',
    path: '/v1/users/count',
    mutates: false,
    summary: 'Count users',
  },
  listUserOrganizationMemberships: {
    method: 'GET',
    path: '/v1/users/{user_id}/organization_memberships',
    mutates: false,
    summary: "List a user's organization memberships",
  },
  listOrganizationRoles: {
    method: 'GET',
    path: '/v1/organization_roles',
    mutates: false,
    summary: 'List organization roles',
  },
});
