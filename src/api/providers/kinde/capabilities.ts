import type { Capabilities } from '../../capabilities';

const THEMES = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'user_preference', label: "User's preference" },
];

/** Kinde's documented hard maximum `page_size` on list endpoints. */
export const KINDE_MAX_PAGE_SIZE = 500;
/** Bulk `POST`/`PATCH …/organizations/{org_code}/users`: at most 100 users per request (docs). */
export const KINDE_MAX_USERS_PER_REQUEST = 100;

/**
 * Kinde's docs: org logos "need to be under 1MB"; SVG works best, PNG, JPEG and GIF are named,
 * "and other formats are accepted" (WebP is the sandbox's reading of that).
 */
export const KINDE_LOGO_MAX_BYTES = 1024 * 1024;
export const KINDE_LOGO_TYPES = [
  'image/svg+xml',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
] as const;

export const kindeCapabilities: Capabilities = {
  provider: 'kinde',
  displayName: 'Kinde',
  idLabel: 'Code',
  name: {
    required: true,
    maxLength: null,
    pattern: null,
    patternMessage: null,
    forbidUrlsAndHtml: false,
  },
  slug: {
    label: 'Handle',
    required: false,
    maxLength: null,
    pattern: '^[a-z0-9_-]+$',
    patternMessage: 'Use lowercase letters, digits, "_" and "-".',
    forbidUrlsAndHtml: false,
    onCreate: true,
    editable: true,
    lookup: false,
    help: 'Optional unique handle, e.g. acme_corp.',
    derivedFromName: false,
    clearable: true,
  },
  fields: [
    {
      key: 'external_id',
      label: 'External ID',
      type: 'text',
      help: 'ID in another system, e.g. your CRM.',
      onCreate: true,
      onUpdate: true,
    },
    {
      key: 'is_auto_membership_enabled',
      label: 'Auto membership',
      type: 'boolean',
      help: 'Users who give the org code when signing in become members.',
      onCreate: true,
      onUpdate: true,
    },
    {
      key: 'theme_code',
      label: 'Theme',
      type: 'select',
      options: THEMES,
      onCreate: true,
      onUpdate: true,
    },
    {
      key: 'background_color',
      label: 'Background colour',
      type: 'color',
      onCreate: true,
      onUpdate: true,
    },
    { key: 'button_color', label: 'Button colour', type: 'color', onCreate: true, onUpdate: true },
    {
      key: 'button_text_color',
      label: 'Button text colour',
      type: 'color',
      onCreate: true,
      onUpdate: true,
    },
    { key: 'link_color', label: 'Link colour', type: 'color', onCreate: true, onUpdate: true },
    {
      key: 'sender_name',
      label: 'Email sender name',
      type: 'text',
      onCreate: true,
      onUpdate: true,
    },
    {
      key: 'sender_email',
      label: 'Email sender address',
      type: 'email',
      help: 'Needs a custom SMTP setup in Kinde.',
      onCreate: true,
      onUpdate: true,
    },
    {
      key: 'allowed_domains',
      label: 'Allowed domains',
      type: 'list',
      help: 'Comma-separated. Empty means no restriction.',
      onCreate: false,
      onUpdate: true,
    },
    {
      key: 'is_suspended',
      label: 'Suspended',
      type: 'boolean',
      help: 'The default organization cannot be suspended.',
      onCreate: false,
      onUpdate: true,
    },
  ],
  list: {
    pagination: 'cursor',
    total: false,
    defaultPageSize: 25,
    maxPageSize: KINDE_MAX_PAGE_SIZE,
    search: 'client',
    searchHint: 'Filter by name, handle or code',
    serverSortFields: ['name'],
    sortFields: ['name'],
    defaultOrder: null,
    columns: ['slug'],
    scope: null,
  },
  create: true,
  update: true,
  delete: true,
  deleteConsequence:
    'This deletes the organization in Kinde. Its users stay in your Kinde business but lose this membership, its roles and its permissions.',
  createReturnsSecret: false,
  activeOrganization: false,
  stats: false,
  metadata: null,
  logo: {
    contentTypes: KINDE_LOGO_TYPES,
    maxBytes: KINDE_LOGO_MAX_BYTES,
    variants: ['light', 'dark'],
    removable: true,
  },
  people: {
    members: {
      pagination: 'cursor',
      total: false,
      defaultPageSize: 25,
      maxPageSize: KINDE_MAX_PAGE_SIZE,
      // Kinde's org users list filters by role and permission keys, not by text.
      search: 'client',
      searchHint: 'Filter by name or email',
      roleFilter: 'server',
      permissionFilter: 'server',
      serverSortFields: ['name', 'email'],
      sortFields: ['name', 'email', 'joinedAt'],
      add: true,
      bulkAdd: { maxPerRequest: KINDE_MAX_USERS_PER_REQUEST },
      remove: true,
      changeRole: true,
      multipleRoles: true,
      roleRequiredOnAdd: false,
      removeConsequence:
        'The user loses this membership with its roles and permissions. The user stays in your Kinde business.',
    },
    invitations: {
      pagination: 'cursor',
      total: false,
      defaultPageSize: 25,
      maxPageSize: KINDE_MAX_PAGE_SIZE,
      statuses: ['pending', 'accepted', 'revoked'],
      // Kinde lists pending invites whatever is asked; revoked and accepted ones on request.
      statusFilter: 'plus-pending',
      roles: 'multiple',
      roleRequired: true,
      defaultRole: null,
      names: true,
      sendEmailOption: true,
      expiryOption: false,
      expires: false,
      link: true,
      resend: null,
      revoke: true,
      bulk: null,
      inviter: false,
      limitsNote:
        'Kinde limits the invitations an organization can send in 24 hours and how many can be pending at once.',
    },
    userSearch: true,
    roleCatalogue: true,
    userOrganizations: true,
  },
  access: {
    roles: 'editable',
    permissions: 'editable',
    permissionSources: true,
    permissionCatalogue: true,
    bulkGrant: { maxPerRequest: KINDE_MAX_USERS_PER_REQUEST },
  },
  // Kinde flags are str, int or bool; values travel as strings.
  featureFlags: {
    types: ['boolean', 'string', 'integer'],
    defaults: true,
    resetOne: true,
    resetAll: true,
  },
};
