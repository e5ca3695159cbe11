/**
 * The instance's organization roles and permissions. Clerk's system permissions are
 * `org:sys_*`; custom ones are `org:<feature>:<action>`. The default creator role is
 * `org:admin` (every system permission) and the default member role `org:member` (the read
 * ones Clerk gives it); custom roles carry custom permissions. A membership's `permissions` are
 * always its role's, read from here when it is serialised.
 */

export interface ClerkPermissionRecord {
  id: string;
  key: string;
  name: string;
  description: string;
  type: 'system' | 'user';
  created_at: number;
  updated_at: number;
}

export interface ClerkRoleRecord {
  id: string;
  key: string;
  name: string;
  description: string;
  /** Permission keys. */
  permissions: string[];
  is_creator_eligible: boolean;
  created_at: number;
  updated_at: number;
}

export const ADMIN_ROLE = 'org:admin';
export const MEMBER_ROLE = 'org:member';

const CREATED = Date.UTC(2023, 0, 4, 9, 30);

const PERMISSIONS: readonly [key: string, name: string, description: string][] = [
  ['org:sys_profile:manage', 'Manage organization', 'Update the organization name, slug and logo.'],
  ['org:sys_profile:delete', 'Delete organization', 'Delete the organization.'],
  ['org:sys_memberships:read', 'Read members', 'See the members of the organization.'],
  [
    'org:sys_memberships:manage',
    'Manage members',
    'Invite, remove and change the role of members.',
  ],
  ['org:sys_domains:read', 'Read domains', 'See the verified domains of the organization.'],
  ['org:sys_domains:manage', 'Manage domains', 'Add, verify and remove domains.'],
  ['org:sys_billing:read', 'Read billing', 'See the subscription and invoices.'],
  ['org:sys_billing:manage', 'Manage billing', 'Change the plan and payment methods.'],
  ['org:invoices:export', 'Export invoices', 'Download invoices as CSV.'],
  ['org:tickets:read', 'Read support tickets', 'See the support tickets of the organization.'],
  ['org:tickets:reply', 'Reply to support tickets', 'Answer support tickets.'],
];

const ROLES: readonly Omit<ClerkRoleRecord, 'id' | 'created_at' | 'updated_at'>[] = [
  {
    key: ADMIN_ROLE,
    name: 'Admin',
    description: 'Full access to the organization, its members and its settings.',
    permissions: PERMISSIONS.filter(([key]) => key.startsWith('org:sys_')).map(([key]) => key),
    is_creator_eligible: true,
  },
  {
    key: MEMBER_ROLE,
    name: 'Member',
    description: 'Can see the organization, its members and its billing.',
    // Clerk's default member role: "Read members" and "Read billing".
    permissions: ['org:sys_memberships:read', 'org:sys_billing:read'],
    is_creator_eligible: false,
  },
  {
    key: 'org:billing',
    name: 'Billing manager',
    description: 'Manages the subscription and exports invoices.',
    permissions: [
      'org:sys_memberships:read',
      'org:sys_billing:read',
      'org:sys_billing:manage',
      'org:invoices:export',
    ],
    is_creator_eligible: false,
  },
  {
    key: 'org:support',
    name: 'Support agent',
    description: 'Reads and answers the support tickets of the organization.',
    permissions: ['org:sys_memberships:read', 'org:tickets:read', 'org:tickets:reply'],
    is_creator_eligible: false,
  },
];

export function seedPermissions(newId: (prefix: string) => string): ClerkPermissionRecord[] {
  return PERMISSIONS.map(([key, name, description]) => ({
    id: newId('perm_'),
    key,
    name,
    description,
    type: key.startsWith('org:sys_') ? 'system' : 'user',
    created_at: CREATED,
    updated_at: CREATED,
  }));
}

/** When each role was added: the two default roles with the instance, the custom ones later. */
const ROLE_CREATED: readonly number[] = [
  CREATED,
  CREATED + 1000,
  Date.UTC(2023, 4, 17, 14, 5),
  Date.UTC(2024, 1, 8, 11, 40),
];

export function seedRoles(newId: (prefix: string) => string): ClerkRoleRecord[] {
  return ROLES.map((role, index) => {
    const created = ROLE_CREATED[index] ?? CREATED;
    return { ...role, id: newId('role_'), created_at: created, updated_at: created };
  });
}

export function roleByKey(
  roles: readonly ClerkRoleRecord[],
  key: string,
): ClerkRoleRecord | undefined {
  return roles.find((role) => role.key === key);
}
