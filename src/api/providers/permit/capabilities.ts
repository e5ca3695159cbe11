import type { Capabilities } from '../../capabilities';

export const PERMIT_KEY_PATTERN = '^[A-Za-z0-9\\-_]+$';
export const PERMIT_NAME_PATTERN = '^[A-Za-z0-9.\\-_ ]+$';
/** Our own cap on one bulk invite: Permit documents none. */
export const PERMIT_INVITE_BATCH = 20;

export const permitCapabilities: Capabilities = {
  provider: 'permit',
  displayName: 'Permit.io',
  idLabel: 'ID',
  name: {
    required: true,
    maxLength: null,
    pattern: PERMIT_NAME_PATTERN,
    patternMessage: 'Use only letters, digits, spaces, ".", "-" and "_".',
    forbidUrlsAndHtml: false,
  },
  slug: {
    label: 'Key',
    required: true,
    maxLength: null,
    pattern: PERMIT_KEY_PATTERN,
    patternMessage: 'Use only letters, digits, "-" and "_".',
    forbidUrlsAndHtml: false,
    onCreate: true,
    editable: false,
    lookup: true,
    help: 'URL-friendly and usable in place of the ID. It cannot be changed later.',
    derivedFromName: false,
    clearable: false,
  },
  fields: [
    {
      key: 'settings',
      label: 'Settings',
      type: 'json',
      help: 'Free-form settings object.',
      onCreate: true,
      onUpdate: true,
    },
  ],
  list: {
    pagination: 'page',
    total: false,
    // Permit's API pages by 30 when not asked; Orgdeck asks per_page=25 like every other list.
    defaultPageSize: 25,
    maxPageSize: 100,
    search: 'server',
    searchHint: 'Search by name, key or ID',
    serverSortFields: [],
    sortFields: ['name', 'createdAt'],
    defaultOrder: null,
    columns: ['slug', 'createdAt'],
    scope: null,
  },
  create: true,
  update: true,
  delete: true,
  deleteConsequence:
    'This deletes the Permit.io account and all of its data: projects, environments, policies and users.',
  createReturnsSecret: true,
  activeOrganization: true,
  stats: true,
  metadata: null,
  logo: null,
  people: {
    // Permit's org members live in the separate `/v2/members` API, which Orgdeck does not use.
    members: null,
    invitations: {
      pagination: 'page',
      total: false,
      // Orgdeck asks per_page=25 here too (Permit's own default is 30).
      defaultPageSize: 25,
      maxPageSize: 100,
      statuses: ['pending'],
      statusFilter: 'exact',
      roles: 'single',
      // `InviteCreate.role` defaults to admin when omitted: the picker names that default.
      roleRequired: false,
      defaultRole: 'admin',
      names: false,
      sendEmailOption: false,
      expiryOption: false,
      expires: false,
      // `invite_code` is a code, not an accept link.
      link: false,
      resend: 'recreate',
      revoke: true,
      // `POST …/invites` takes an array and answers per address (`success` / `failed`). No
      // limit on the array is documented, so batches stay at a conservative 20; each invite
      // carries its own role.
      bulk: { max: PERMIT_INVITE_BATCH, sameRole: false },
      inviter: false,
      limitsNote: null,
    },
    userSearch: false,
    // The fixed access levels of `MemberAccessLevel`.
    roleCatalogue: true,
    userOrganizations: false,
  },
  access: null,
  featureFlags: null,
};
