import { defineOperations } from '../../operations';

/**
 * Clerk Frontend API v1: organizations and their logos, members, invitations and roles
 * (`../shared/providers/clerk-frontend.md`). It acts as the signed-in user: there is no list-all,
 * so the org list comes from the user's memberships.
 */
export const clerkFrontendOperations = defineOperations({
  listMyMemberships: {
    method: 'GET',
    path: '/v1/me/organization_memberships',
    mutates: false,
    role: 'viewer',
    summary: "List the signed-in user's organization memberships",
  },
  createOrganization: {
    method: 'POST',
    path: '/v1/organizations',
    mutates: true,
    role: 'admin',
    summary: 'Create organization',
  },
  getOrganization: {
    method: 'GET',
    path: '/v1/organizations/{organization_id}',
    mutates: false,
    role: 'viewer',
    summary: 'Get organization',
  },
  updateOrganization: {
    method: 'PATCH',
    path: '/v1/organizations/{organization_id}',
    mutates: true,
    role: 'admin',
    summary: 'Update organization',
  },
  deleteOrganization: {
    method: 'DELETE',
    path: '/v1/organizations/{organization_id}',
    mutates: true,
    role: 'admin',
    summary: 'Delete organization',
  },
  updateOrganizationLogo: {
    method: 'PUT',
    path: '/v1/organizations/{organization_id}/logo',
    mutates: true,
    role: 'admin',
    summary: 'Upload organization logo (admins)',
  },
  deleteOrganizationLogo: {
    method: 'DELETE',
    path: '/v1/organizations/{organization_id}/logo',
    mutates: true,
    role: 'admin',
    summary: 'Delete organization logo (admins)',
  },
  listOrganizationMemberships: {
    method: 'GET',
    path: '/v1/organizations/{organization_id}/memberships',
    mutates: false,
    role: 'viewer',
    summary: 'List organization members',
  },
  createOrganizationMembership: {
    method: 'POST',
    path: '/v1/organizations/{organization_id}/memberships',
    mutates: true,
    role: 'support',
    summary: 'Add a user to an organization',
  },
  updateOrganizationMembership: {
    method: 'PATCH',
    path: '/v1/organizations/{organization_id}/memberships/{user_id}',
    mutates: true,
    role: 'admin',
    summary: "Change a member's role",
  },
  deleteOrganizationMembership: {
    method: 'DELETE',
    path: '/v1/organizations/{organization_id}/memberships/{user_id}',
    mutates: true,
    role: 'support',
    summary: 'Remove a member from an organization',
  },
  listOrganizationInvitations: {
    method: 'GET',
    path: '/v1/organizations/{organization_id}/invitations',
    mutates: false,
    role: 'viewer',
    summary: 'List organization invitations',
  },
  createOrganizationInvitation: {
    method: 'POST',
    path: '/v1/organizations/{organization_id}/invitations',
    mutates: true,
    role: 'support',
    summary: 'Create an organization invitation',
  },
  createOrganizationInvitationsBulk: {
    method: 'POST',
    path: '/v1/organizations/{organization_id}/invitations/bulk',
    mutates: true,
    role: 'support',
    summary: 'Create organization invitations in bulk',
  },
  revokeOrganizationInvitation: {
    method: 'POST',
    path: '/v1/organizations/{organization_id}/invitations/{invitation_id}/revoke',
    mutates: true,
    role: 'support',
    summary: 'Revoke a pending organization invitation',
  },
  listOrganizationRoles: {
    method: 'GET',
    path: '/v1/organizations/{organization_id}/roles',
    mutates: false,
    role: 'viewer',
    summary: 'List the roles of an organization',
  },
});
