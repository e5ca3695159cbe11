import { defineOperations } from '../../operations';

/**
 * NuMind / NuExtract platform API, organizations (`../shared/providers/numind.md`). There is no
 * single-org GET and no pagination; update is a PUT of the whole `{name}`. Members are listed and
 * removed; people join only by invitation (`POST …/members`), and there is no role change.
 */
export const numindOperations = defineOperations({
  listOrganizations: {
    method: 'GET',
    path: '/api/organizations',
    mutates: false,
    role: 'viewer',
    summary: "List the signed-in user's organizations",
  },
  createOrganization: {
    method: 'POST',
    path: '/api/organizations',
    mutates: true,
    role: 'admin',
    summary: 'Create organization',
  },
  updateOrganization: {
    method: 'PUT',
    path: '/api/organizations/{organizationId}',
    mutates: true,
    role: 'admin',
    summary: 'Update organization',
  },
  deleteOrganization: {
    method: 'DELETE',
    path: '/api/organizations/{organizationId}',
    mutates: true,
    role: 'admin',
    summary: 'Delete organization',
  },
  listMembers: {
    method: 'GET',
    path: '/api/organizations/{organizationId}/members',
    mutates: false,
    role: 'viewer',
    summary: 'List organization members',
  },
  inviteMember: {
    method: 'POST',
    path: '/api/organizations/{organizationId}/members',
    mutates: true,
    role: 'support',
    summary: 'Invite someone to the organization by email',
  },
  removeMember: {
    method: 'DELETE',
    path: '/api/organizations/{organizationId}/members/{userId}',
    mutates: true,
    role: 'support',
    summary: 'Remove organization member',
  },
  listInvitations: {
    method: 'GET',
    path: '/api/organizations/{organizationId}/members/invitations',
    mutates: false,
    role: 'viewer',
    summary: 'List pending invitations',
  },
  deleteInvitation: {
    method: 'DELETE',
    path: '/api/organizations/{organizationId}/members/invitations/{invitationId}',
    mutates: true,
    role: 'support',
    summary: 'Delete invitation',
  },
});
