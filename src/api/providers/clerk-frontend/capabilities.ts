import type { Capabilities } from '../../capabilities';
import {
  CLERK_ACCESS_CAPABILITIES,
  CLERK_INVITATION_CAPABILITIES,
  CLERK_LOGO_CAPABILITIES,
} from '../clerk/capabilities';

export const clerkFrontendCapabilities: Capabilities = {
  provider: 'clerk-frontend',
  displayName: 'Clerk Frontend API',
  idLabel: 'ID',
  name: {
    required: true,
    maxLength: 256,
    pattern: null,
    patternMessage: null,
    forbidUrlsAndHtml: true,
  },
  slug: {
    label: 'Slug',
    required: false,
    maxLength: 256,
    pattern: '^[a-z0-9-]+$',
    patternMessage: 'Use only lowercase letters, digits and "-".',
    forbidUrlsAndHtml: false,
    onCreate: true,
    editable: true,
    lookup: false,
    help: 'Unique in the instance. Left empty, Clerk derives it from the name.',
    derivedFromName: true,
    clearable: false,
  },
  fields: [],
  list: {
    pagination: 'offset',
    total: true,
    defaultPageSize: 25,
    maxPageSize: 500,
    search: 'client',
    searchHint: 'Filter by name, slug or ID',
    serverSortFields: [],
    sortFields: ['name', 'createdAt', 'memberCount'],
    defaultOrder: null,
    columns: ['logo', 'slug', 'createdAt', 'memberCount'],
    scope: 'Organizations the signed-in user is a member of',
  },
  create: true,
  update: true,
  delete: true,
  deleteConsequence:
    'This deletes the organization for every member. Clerk allows it only to admins, and only when admin deletion is enabled for the org.',
  createReturnsSecret: false,
  activeOrganization: false,
  stats: false,
  metadata: { merge: false, replace: false, privateMetadata: false, editable: false },
  // Admins only (`org:sys_profile:manage`); the same types and size as the Backend API.
  logo: CLERK_LOGO_CAPABILITIES,
  people: {
    members: {
      pagination: 'offset',
      total: true,
      defaultPageSize: 25,
      maxPageSize: 500,
      search: 'server',
      searchHint: 'Search by email, name, username or user ID',
      roleFilter: 'server',
      // No `order_by` on the Frontend API: sorting loads the members and sorts them here.
      serverSortFields: [],
      sortFields: ['name', 'email', 'joinedAt'],
      add: true,
      remove: true,
      changeRole: true,
      multipleRoles: false,
      roleRequiredOnAdd: true,
      removeConsequence:
        'The user loses access to this organization at once. Clerk lets only admins do this, and keeps at least one admin.',
    },
    // The Frontend API takes no expiry (its invitations last Clerk's default 30 days) and no
    // inviter (the signed-in user invites); its bulk call gives every address one role.
    invitations: {
      ...CLERK_INVITATION_CAPABILITIES,
      // The Frontend API filters by one status a call; several answer every status.
      statusFilter: 'one',
      expiryOption: false,
      inviter: false,
      bulk: { max: 10, sameRole: true },
    },
    // The Frontend API cannot search the instance's users; members are added by user ID.
    userSearch: false,
    roleCatalogue: true,
    userOrganizations: false,
  },
  access: CLERK_ACCESS_CAPABILITIES,
  featureFlags: null,
};
