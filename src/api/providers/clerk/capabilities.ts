import type {
  AccessCapabilities,
  Capabilities,
  InvitationCapabilities,
  LogoCapabilities,
} from '../../capabilities';

export const CLERK_SLUG_PATTERN = '^[a-z0-9-]+$';
export const CLERK_API_VERSION = '2026-05-12';

/**
 * Invitations work the same way on both Clerk APIs, except that only the Backend API takes an
 * expiry and an inviter, and its bulk call a role per invitation.
 */
export const CLERK_INVITATION_CAPABILITIES: InvitationCapabilities = {
  pagination: 'offset',
  total: true,
  defaultPageSize: 25,
  maxPageSize: 500,
  statuses: ['pending', 'accepted', 'revoked', 'expired'],
  // The Backend API filters by several statuses at once.
  statusFilter: 'exact',
  roles: 'single',
  roleRequired: true,
  defaultRole: null,
  names: false,
  sendEmailOption: true,
  expiryOption: true,
  expires: true,
  link: true,
  // Clerk has no resend call: the docs' way is to revoke and invite again.
  resend: 'recreate',
  revoke: true,
  // The Backend API's bulk call takes an array of create bodies, each with its own role.
  bulk: { max: 10, sameRole: false },
  inviter: true,
  limitsNote: 'Pending invitations count toward the organization’s membership limit.',
  limitsNoteField: 'max_allowed_memberships',
};

/** Both Clerk APIs take the same logo types and size. */
export const CLERK_LOGO_CAPABILITIES: LogoCapabilities = {
  contentTypes: ['image/jpeg', 'image/png', 'image/gif', 'image/webp'],
  maxBytes: 10 * 1024 * 1024,
  variants: ['default'],
  removable: true,
};

/**
 * Both Clerk APIs: a member's one role and the permissions it gives, read from the membership and
 * the role catalogue. Changing the role is `members.setRoles`; Clerk grants nothing directly.
 */
export const CLERK_ACCESS_CAPABILITIES: AccessCapabilities = {
  roles: 'readonly',
  permissions: 'readonly',
  permissionSources: true,
  permissionCatalogue: false,
};

export const clerkCapabilities: Capabilities = {
  provider: 'clerk',
  displayName: 'Clerk',
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
    pattern: CLERK_SLUG_PATTERN,
    patternMessage: 'Use only lowercase letters, digits and "-".',
    forbidUrlsAndHtml: false,
    onCreate: true,
    editable: true,
    lookup: true,
    help: 'Unique in the instance. Left empty, Clerk derives it from the name.',
    derivedFromName: true,
    clearable: false,
  },
  fields: [
    {
      key: 'max_allowed_memberships',
      label: 'Membership limit',
      type: 'number',
      min: 0,
      help: '0 means no limit.',
      zeroMeans: 'No limit',
      onCreate: true,
      onUpdate: true,
    },
    {
      key: 'admin_delete_enabled',
      label: 'Admins may delete the org',
      type: 'boolean',
      help: 'Lets an org admin delete it from the Frontend API.',
      onCreate: false,
      onUpdate: true,
    },
    {
      key: 'created_by',
      label: 'Creator user ID',
      type: 'text',
      help: 'Optional user_… ID who becomes the org admin.',
      onCreate: true,
      onUpdate: false,
    },
  ],
  list: {
    pagination: 'offset',
    total: true,
    defaultPageSize: 25,
    maxPageSize: 500,
    search: 'server',
    searchHint: 'Search by name, slug or exact ID',
    serverSortFields: ['name', 'createdAt', 'memberCount'],
    sortFields: ['name', 'createdAt', 'memberCount'],
    defaultOrder: { field: 'createdAt', direction: 'desc' },
    columns: ['logo', 'slug', 'createdAt', 'memberCount'],
    scope: null,
  },
  create: true,
  update: true,
  delete: true,
  deleteConsequence:
    'This deletes the organization with all of its memberships and invitations. It is not reversible.',
  createReturnsSecret: false,
  activeOrganization: false,
  stats: false,
  metadata: { merge: true, replace: true, privateMetadata: true, editable: true },
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
      serverSortFields: ['name', 'email', 'joinedAt'],
      sortFields: ['name', 'email', 'joinedAt'],
      add: true,
      remove: true,
      changeRole: true,
      multipleRoles: false,
      roleRequiredOnAdd: true,
      removeConsequence:
        'The user loses access to this organization at once. Their Clerk account and other memberships stay.',
    },
    invitations: CLERK_INVITATION_CAPABILITIES,
    userSearch: true,
    roleCatalogue: true,
    userOrganizations: true,
  },
  access: CLERK_ACCESS_CAPABILITIES,
  featureFlags: null,
};
