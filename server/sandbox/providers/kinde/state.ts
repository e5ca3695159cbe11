import { seedWindow } from '../../seed-clock';
import { companyNames, EMAIL_DOMAINS, people, slugify } from '../../names';
import { Random } from '../../random';
import { sandboxScale, scaledKinde } from './scale';

/**
 * The Kinde sandbox's business: organizations, users, memberships, invitations, roles,
 * permissions and environment feature flags. Rows reference each other by code, id or key,
 * never by copy.
 */

export const KINDE_COLOR_KEYS = [
  'link_color',
  'background_color',
  'button_color',
  'button_text_color',
  'link_color_dark',
  'background_color_dark',
  'button_text_color_dark',
  'button_color_dark',
] as const;
export type KindeColorKey = (typeof KINDE_COLOR_KEYS)[number];

export const KINDE_THEME_CODES = ['light', 'dark', 'user_preference'] as const;
export type KindeThemeCode = (typeof KINDE_THEME_CODES)[number];

export const KINDE_LOGO_TYPES = ['light', 'dark'] as const;
export type KindeLogoType = (typeof KINDE_LOGO_TYPES)[number];

export interface KindeLogoRecord {
  /** `ImageStore` id of the uploaded file. */
  image: string;
  /** The uploaded file's name, as `GET …/logos` reports it. */
  file_name: string;
}

/** The `billing` object of `get_organization_response`. */
export interface KindeBillingRecord {
  billing_customer_id: string;
  agreements: { plan_code: string; agreement_id: string }[];
}

export interface KindeOrgRecord {
  code: string;
  name: string;
  handle: string | null;
  is_default: boolean;
  external_id: string | null;
  is_auto_membership_enabled: boolean;
  /** Empty: no restriction. */
  allowed_domains: string[];
  /** Brand colours as they were sent; `hex` and `hsl` are derived when the org is read. */
  colors: Partial<Record<KindeColorKey, string>>;
  theme_code: KindeThemeCode;
  sender_name: string | null;
  sender_email: string | null;
  is_suspended: boolean;
  suspended_on: string | null;
  created_on: string;
  /** Set when the org was created with `is_create_billing_customer`; shown with `expand=billing`. */
  billing?: KindeBillingRecord;
  /** Uploaded logos by type; absent when the org has none. */
  logos?: Partial<Record<KindeLogoType, KindeLogoRecord>>;
  /** Write-only settings of the update request (not part of the GET response). */
  settings?: {
    is_auto_join_domain_list?: boolean;
    is_enable_advanced_orgs?: boolean;
    is_enforce_mfa?: boolean;
  };
}

export interface KindeUserRecord {
  /** `kp_` + 32 hex. */
  id: string;
  email: string;
  first_name: string;
  last_name: string;
  picture: string | null;
  is_suspended: boolean;
  created_on: string;
  last_accessed_on: string | null;
}

export interface KindeMembershipRecord {
  orgCode: string;
  userId: string;
  /** Role keys. */
  roles: string[];
  /** Permission keys granted directly rather than through a role; absent when none. */
  permissions?: string[];
  joinedOn: string;
}

export interface KindeInviteRecord {
  /** `inv_` + 12 hex. Kinde's examples show the same value as the invite's `id` and `code`. */
  code: string;
  orgCode: string;
  /** Stored lower-cased. */
  email: string;
  first_name: string | null;
  last_name: string | null;
  /** Role keys. */
  roles: string[];
  created_on: string;
  /** Whether Kinde emailed it (`send_email`). */
  is_sent: boolean;
  accepted_on: string | null;
  is_revoked: boolean;
}

export interface KindePermissionRecord {
  id: string;
  key: string;
  name: string;
  description: string;
}

export interface KindeRoleRecord {
  id: string;
  key: string;
  name: string;
  description: string;
  /** Given to users added to an org without roles. */
  is_default_role: boolean;
  /** Permission keys the role grants. */
  permissions: string[];
}

export type KindeFlagType = 'str' | 'int' | 'bool';

export interface KindeFeatureFlagRecord {
  key: string;
  name: string;
  description: string;
  type: KindeFlagType;
  /** Environment default, as a string like every Kinde flag value. */
  default_value: string;
}

export interface KindeFlagOverrideRecord {
  orgCode: string;
  flagKey: string;
  value: string;
}

export interface KindeState {
  orgs: KindeOrgRecord[];
  users: KindeUserRecord[];
  memberships: KindeMembershipRecord[];
  invites: KindeInviteRecord[];
  roles: KindeRoleRecord[];
  permissions: KindePermissionRecord[];
  featureFlags: KindeFeatureFlagRecord[];
  flagOverrides: KindeFlagOverrideRecord[];
}

export const KINDE_ORG_COUNT = 268;
export const KINDE_USER_COUNT = 900;
const { from: FROM, to: TO } = seedWindow();

/** Kinde writes timestamps to the second (`2021-01-01T00:00:00Z`). */
export function kindeTime(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

const PERMISSIONS: readonly (readonly [string, string, string])[] = [
  ['read:reports', 'Read reports', 'View dashboards and exported reports.'],
  ['write:reports', 'Write reports', 'Create and edit saved reports.'],
  ['read:billing', 'Read billing', 'See invoices and the current plan.'],
  ['manage:billing', 'Manage billing', 'Change the plan and payment methods.'],
  ['read:projects', 'Read projects', 'Open projects and their settings.'],
  ['write:projects', 'Write projects', 'Create and edit projects.'],
  ['delete:projects', 'Delete projects', 'Delete projects permanently.'],
  ['invite:users', 'Invite users', 'Send invitations to join the organization.'],
  ['manage:users', 'Manage users', 'Change members and their roles.'],
  ['manage:settings', 'Manage settings', 'Change organization settings and branding.'],
  ['read:audit_log', 'Read audit log', 'View the organization audit log.'],
  ['manage:support_tickets', 'Manage support tickets', 'Answer and close support tickets.'],
];

const ROLES: readonly (readonly [string, string, string, readonly string[]])[] = [
  ['admin', 'Admin', 'Full access to the organization.', PERMISSIONS.map(([key]) => key)],
  [
    'manager',
    'Manager',
    'Runs projects and the people on them.',
    [
      'read:reports',
      'write:reports',
      'read:projects',
      'write:projects',
      'invite:users',
      'manage:users',
    ],
  ],
  ['member', 'Member', 'Works on projects.', ['read:reports', 'read:projects', 'write:projects']],
  [
    'billing',
    'Billing',
    'Looks after invoices and the plan.',
    ['read:billing', 'manage:billing', 'read:reports'],
  ],
  [
    'support',
    'Support',
    'Helps the organization’s users.',
    ['read:projects', 'read:audit_log', 'manage:support_tickets'],
  ],
];

const FLAGS: readonly KindeFeatureFlagRecord[] = [
  {
    key: 'theme',
    name: 'Theme',
    description: 'Default colour theme of the app.',
    type: 'str',
    default_value: 'light',
  },
  {
    key: 'max_seats',
    name: 'Maximum seats',
    description: 'Seats included in the plan.',
    type: 'int',
    default_value: '10',
  },
  {
    key: 'beta_dashboard',
    name: 'Beta dashboard',
    description: 'Show the new dashboard.',
    type: 'bool',
    default_value: 'false',
  },
  {
    key: 'csv_export',
    name: 'CSV export',
    description: 'Allow exporting reports as CSV.',
    type: 'bool',
    default_value: 'true',
  },
  {
    key: 'api_rate_limit',
    name: 'API rate limit',
    description: 'Requests per minute for API keys.',
    type: 'int',
    default_value: '600',
  },
  {
    key: 'support_tier',
    name: 'Support tier',
    description: 'Support level: standard, priority or dedicated.',
    type: 'str',
    default_value: 'standard',
  },
  {
    key: 'sso_enforced',
    name: 'SSO enforced',
    description: 'Require single sign-on for members.',
    type: 'bool',
    default_value: 'false',
  },
  {
    key: 'report_retention_days',
    name: 'Report retention (days)',
    description: 'How long reports are kept.',
    type: 'int',
    default_value: '90',
  },
];

const BRAND_COLORS = [
  '#0056F1',
  '#1F7A4D',
  '#E4572E',
  '#6C3FC5',
  '#0F172A',
  '#D97706',
  '#0D9488',
  '#DB2777',
  '#2563EB',
  '#B91C1C',
];
const ROLE_WEIGHTS: readonly (readonly [string, number])[] = [
  ['member', 0.6],
  ['manager', 0.12],
  ['admin', 0.1],
  ['support', 0.1],
  ['billing', 0.08],
];
const BIG_ORGS = 5;
/** The role given to users added to an org without roles. */
const DEFAULT_ROLE = 'member';

function weightedRole(random: Random): string {
  let roll = random.next();
  for (const [key, weight] of ROLE_WEIGHTS) {
    roll -= weight;
    if (roll < 0) return key;
  }
  return 'member';
}

function uniqueCode(random: Random, taken: Set<string>): string {
  for (;;) {
    const code = `org_${random.hex(11)}`;
    if (!taken.has(code)) {
      taken.add(code);
      return code;
    }
  }
}

function externalId(random: Random): string {
  const kind = random.int(0, 3);
  if (kind === 0) return `crm-${random.int(1000, 99999)}`;
  if (kind === 1) return `001${random.string('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', 12)}`;
  if (kind === 2) return `acct_${random.int(100000, 999999)}`;
  return `hs-${random.int(10000000, 99999999)}`;
}

function seedOrgs(random: Random): KindeOrgRecord[] {
  const codes = new Set<string>();
  const handles = new Set<string>();
  const names = companyNames(random, KINDE_ORG_COUNT - 1);
  const orgs = names.map((name): KindeOrgRecord => {
    const created = random.time(FROM, TO);
    const slug = slugify(name, '_');
    const handle = random.chance(0.5) && !handles.has(slug) ? slug : null;
    if (handle) handles.add(handle);
    const branded = random.chance(0.3);
    const colors: KindeOrgRecord['colors'] = {};
    if (branded) {
      colors.button_color = random.pick(BRAND_COLORS);
      colors.link_color = random.chance(0.5) ? colors.button_color : random.pick(BRAND_COLORS);
      colors.button_text_color = '#FFFFFF';
      colors.background_color = random.pick(['#FFFFFF', '#F8FAFC', '#FFFBF5']);
      if (random.chance(0.4)) {
        colors.background_color_dark = '#0B1120';
        colors.button_color_dark = colors.button_color;
        colors.button_text_color_dark = '#FFFFFF';
        colors.link_color_dark = '#93C5FD';
      }
    }
    const suspended = random.chance(0.03);
    const domain = `${slugify(name).replace(/-/g, '')}.test`;
    return {
      code: uniqueCode(random, codes),
      name,
      handle,
      is_default: false,
      external_id: random.chance(0.35) ? externalId(random) : null,
      is_auto_membership_enabled: random.chance(0.25),
      allowed_domains: random.chance(0.15)
        ? [domain, ...(random.chance(0.3) ? [`mail.${domain}`] : [])]
        : [],
      colors,
      theme_code: branded ? random.pick(KINDE_THEME_CODES) : 'light',
      sender_name: random.chance(0.25) ? name : null,
      sender_email: random.chance(0.12) ? `no-reply@${domain}` : null,
      is_suspended: suspended,
      suspended_on: suspended ? kindeTime(random.time(created, TO)) : null,
      created_on: kindeTime(created),
    };
  });
  const defaultOrg: KindeOrgRecord = {
    code: uniqueCode(random, codes),
    name: 'Default Organization',
    handle: null,
    is_default: true,
    external_id: null,
    is_auto_membership_enabled: false,
    allowed_domains: [],
    colors: {},
    theme_code: 'light',
    sender_name: null,
    sender_email: null,
    is_suspended: false,
    suspended_on: null,
    created_on: kindeTime(FROM),
  };
  return [defaultOrg, ...orgs].sort((a, b) => a.created_on.localeCompare(b.created_on));
}

function seedUsers(random: Random): KindeUserRecord[] {
  return people(random, KINDE_USER_COUNT, EMAIL_DOMAINS).map((person) => {
    const created = random.time(FROM, TO);
    return {
      id: `kp_${random.hex(32)}`,
      email: person.email,
      first_name: person.firstName,
      last_name: person.lastName,
      picture: random.chance(0.3)
        ? `https://gravatar.com/avatar/${random.hex(32)}?d=identicon`
        : null,
      is_suspended: false,
      created_on: kindeTime(created),
      last_accessed_on: random.chance(0.85) ? kindeTime(random.time(created, TO)) : null,
    };
  });
}

function seedMemberships(
  random: Random,
  orgs: readonly KindeOrgRecord[],
  users: readonly KindeUserRecord[],
): KindeMembershipRecord[] {
  const big = new Set(random.sample(orgs, BIG_ORGS).map((org) => org.code));
  const memberships: KindeMembershipRecord[] = [];
  for (const org of orgs) {
    // Mostly small teams, a few large ones.
    const count = big.has(org.code) ? random.int(100, 180) : Math.floor(41 * random.next() ** 2);
    const members = random.sample(users, count);
    members.forEach((user, index) => {
      const first = index === 0 ? 'admin' : weightedRole(random);
      const second = random.chance(0.15) ? weightedRole(random) : first;
      const since = Math.max(Date.parse(org.created_on), Date.parse(user.created_on));
      memberships.push({
        orgCode: org.code,
        userId: user.id,
        roles: second === first ? [first] : [first, second],
        joinedOn: kindeTime(random.time(since, TO)),
      });
    });
  }
  return memberships;
}

function seedFlagOverrides(
  random: Random,
  orgs: readonly KindeOrgRecord[],
): KindeFlagOverrideRecord[] {
  const overrides: KindeFlagOverrideRecord[] = [];
  for (const org of random.sample(orgs, 30)) {
    for (const flag of random.sample(FLAGS, random.int(1, 3))) {
      const step = flag.key === 'api_rate_limit' ? 100 : 5;
      const drawn = flag.type === 'int' ? random.int(1, 50) * step : 0;
      // An override always differs from the default (a number drawn equal to it moves one step).
      const number = String(drawn) === flag.default_value ? drawn + step : drawn;
      const value =
        flag.type === 'bool'
          ? String(flag.default_value !== 'true')
          : flag.type === 'int'
            ? String(number)
            : flag.key === 'theme'
              ? random.pick(['dark', 'pink', 'high_contrast'])
              : random.pick(['priority', 'dedicated']);
      overrides.push({ orgCode: org.code, flagKey: flag.key, value });
    }
  }
  return overrides;
}

const DAY = 86_400_000;

function inviteCode(random: Random, taken: Set<string>): string {
  for (;;) {
    const code = `inv_${random.hex(12)}`;
    if (!taken.has(code)) {
      taken.add(code);
      return code;
    }
  }
}

function inviteRoles(random: Random): string[] {
  const first = weightedRole(random);
  const second = random.chance(0.1) ? weightedRole(random) : first;
  return second === first ? [first] : [first, second];
}

/**
 * Accepted invitations of members who joined through one (same roles, accepted when they
 * joined), plus pending and revoked ones for people who are not members: existing users of the
 * business or newcomers at the org's domain. Big orgs get enough to page through.
 */
function seedInvites(
  random: Random,
  orgs: readonly KindeOrgRecord[],
  users: readonly KindeUserRecord[],
  memberships: readonly KindeMembershipRecord[],
): KindeInviteRecord[] {
  const membersByOrg = new Map<string, KindeMembershipRecord[]>();
  for (const row of memberships) {
    const rows = membersByOrg.get(row.orgCode) ?? [];
    rows.push(row);
    membersByOrg.set(row.orgCode, rows);
  }
  const userById = new Map(users.map((user) => [user.id, user]));
  const codes = new Set<string>();
  const invites: KindeInviteRecord[] = [];
  for (const org of orgs) {
    const members = membersByOrg.get(org.code) ?? [];
    const big = members.length >= 100;
    if (!big && !random.chance(0.45)) continue;
    const orgCreated = Date.parse(org.created_on);
    const emails = new Set<string>();
    const named = (person: { firstName: string; lastName: string }, chance: number) =>
      random.chance(chance)
        ? { first_name: person.firstName, last_name: person.lastName }
        : { first_name: null, last_name: null };

    const accepted = big ? random.int(8, 15) : random.int(0, Math.min(3, members.length));
    for (const row of random.sample(members, accepted)) {
      const user = userById.get(row.userId);
      if (!user) continue;
      const joined = Date.parse(row.joinedOn);
      const created = Math.max(orgCreated, joined - random.int(3600, 14 * 86_400) * 1000);
      emails.add(user.email);
      invites.push({
        code: inviteCode(random, codes),
        orgCode: org.code,
        email: user.email,
        ...named({ firstName: user.first_name, lastName: user.last_name }, 0.6),
        roles: [...row.roles],
        created_on: kindeTime(created),
        is_sent: random.chance(0.8),
        accepted_on: row.joinedOn,
        is_revoked: false,
      });
    }

    const memberIds = new Set(members.map((row) => row.userId));
    const domain = `${slugify(org.name).replace(/-/g, '')}.test`;
    const outstanding = big ? random.int(18, 30) : random.int(1, 5);
    for (let i = 0; i < outstanding; i++) {
      const existing = random.chance(0.5) ? random.pick(users) : null;
      if (existing && memberIds.has(existing.id)) continue;
      const person = existing
        ? { firstName: existing.first_name, lastName: existing.last_name, email: existing.email }
        : people(random, 1, [domain])[0];
      if (!person || emails.has(person.email)) continue;
      emails.add(person.email);
      invites.push({
        code: inviteCode(random, codes),
        orgCode: org.code,
        email: person.email,
        ...named(person, 0.5),
        roles: inviteRoles(random),
        created_on: kindeTime(random.time(Math.max(orgCreated, TO - 540 * DAY), TO)),
        is_sent: random.chance(0.7),
        accepted_on: null,
        is_revoked: random.chance(0.2),
      });
    }
  }
  return invites.sort((a, b) => a.created_on.localeCompare(b.created_on));
}

export function seedKinde(): KindeState {
  const random = new Random(0x4b1d3);
  const orgs = seedOrgs(random);
  const users = seedUsers(random);
  const memberships = seedMemberships(random, orgs, users);
  const permissions = PERMISSIONS.map(([key, name, description]) => ({
    id: random.uuid(),
    key,
    name,
    description,
  }));
  const roles = ROLES.map(([key, name, description, granted]) => ({
    id: random.uuid(),
    key,
    name,
    description,
    is_default_role: key === DEFAULT_ROLE,
    permissions: [...granted],
  }));
  const flagOverrides = seedFlagOverrides(random, orgs);
  // Drawn after everything above, so adding them left the earlier seed unchanged.
  for (const row of random.sample(memberships, 40)) {
    row.permissions = random.sample(PERMISSIONS, random.int(1, 2)).map(([key]) => key);
  }
  for (const user of random.sample(users, 9)) user.is_suspended = true;
  const invites = seedInvites(random, orgs, users, memberships);
  // ORGDECK_SANDBOX_SCALE: generated orgs beyond the usual seed, from their own random stream.
  const scaled = scaledKinde(Math.max(0, sandboxScale() - orgs.length), FROM, TO);
  if (scaled.orgs.length > 0) {
    // One at a time: spreading 100,000s of rows into push() overflows the call stack.
    for (const row of scaled.orgs) orgs.push(row);
    orgs.sort((a, b) => a.created_on.localeCompare(b.created_on));
    for (const row of scaled.users) users.push(row);
    for (const row of scaled.memberships) memberships.push(row);
    for (const row of scaled.invites) invites.push(row);
    invites.sort((a, b) => a.created_on.localeCompare(b.created_on));
  }
  return {
    orgs,
    users,
    // In the order members joined: the org users list's default order.
    memberships: memberships.sort((a, b) => a.joinedOn.localeCompare(b.joinedOn)),
    invites,
    permissions,
    roles,
    featureFlags: FLAGS.map((flag) => ({ ...flag })),
    flagOverrides,
  };
}
