import { defineOperations } from '../../operations';

/**
 * Permit.io API v2, organizations and their invites (`../shared/providers/permit.md`). Org
 * membership (`/v2/members`) is a separate API and out of scope.
 */
export const permitOperations = defineOperations({
  listOrganizations: {
    method: 'GET',
    path: '/v2/orgs',
    mutates: false,
    role: 'viewer',
    summary: 'List organizations',
  },
  createOrganization: {
    method: 'POST',
    path: '/v2/orgs',
    mutates: true,
    role: 'admin',
    summary: 'Create organization',
  },
  getActiveOrganization: {
    method: 'GET',
    path: '/v2/orgs/active/org',
    mutates: false,
    role: 'viewer',
    summary: 'Get active organization',
  },
  getOrganization: {
    method: 'GET',
    path: '/v2/orgs/{org_id}',
    mutates: false,
    role: 'viewer',
    summary: 'Get organization',
  },
  updateOrganization: {
    method: 'PATCH',
    path: '/v2/orgs/{org_id}',
    mutates: true,
    role: 'admin',
    summary: 'Update organization',
  },
  deleteOrganization: {
    method: 'DELETE',
    path: '/v2/orgs/{org_id}',
    mutates: true,
    role: 'admin',
    summary: 'Delete organization',
  },
  getOrganizationStats: {
    method: 'GET',
    path: '/v2/orgs/{org_id}/stats',
    mutates: false,
    role: 'viewer',
    summary: 'Organization stats',
  },
  listInvites: {
    method: 'GET',
    path: '/v2/orgs/{org_id}/invites',
    mutates: false,
    role: 'viewer',
    summary: 'List pending organization invites',
  },
  inviteMembers: {
    method: 'POST',
    path: '/v2/orgs/{org_id}/invites',
    mutates: true,
    role: 'support',
    summary: 'Invite members to organization',
  },
  cancelInvite: {
    method: 'DELETE',
    path: '/v2/orgs/{org_id}/invites/{invite_id}',
    mutates: true,
    role: 'support',
    summary: 'Cancel invite',
  },
});
