import type { JsonObject } from '../../../../src/api/domain';
import { companyNames, EMAIL_DOMAINS, people, slugify, type PersonSeed } from '../../names';
import { Random } from '../../random';
import { seededClerkId } from './ids';
import {
  ADMIN_ROLE,
  MEMBER_ROLE,
  seedPermissions,
  seedRoles,
  type ClerkPermissionRecord,
  type ClerkRoleRecord,
} from './roles';
import { DAY, SEED_FROM, SEED_TO, seedGlobex, seedInvitations } from './seed-people';

/**
 * One Clerk instance, seen through both the Backend and the Frontend API. Records hold what
 * cannot be derived; counts, role names and image URLs are computed when serialised.
 */

export interface ClerkOrgRecord {
  id: string;
  name: string;
  slug: string;
  /** ImageStore id of the uploaded logo; `null` means Clerk's default image. */
  logo_image_id: string | null;
  max_allowed_memberships: number;
  admin_delete_enabled: boolean;
  public_metadata: JsonObject;
  private_metadata: JsonObject;
  created_by: string | null;
  role_set_key?: string;
  created_at: number;
  updated_at: number;
}

export interface ClerkUserRecord {
  id: string;
  first_name: string | null;
  last_name: string | null;
  email_address: string;
  username: string | null;
  created_at: number;
}

export interface ClerkMembershipRecord {
  id: string;
  org_id: string;
  user_id: string;
  role: string;
  created_at: number;
  /**
   * Absent until the membership changes (`created_at` stands in). Like the metadata, only what
   * differs from the default is stored, to keep the 2,000-member org lean.
   */
  updated_at?: number;
  public_metadata?: JsonObject;
  private_metadata?: JsonObject;
}

/** What is stored; `expired` is never stored but read off `expires_at` (see `invitationStatus`). */
export type ClerkStoredInvitationStatus = 'pending' | 'accepted' | 'revoked';
export type ClerkInvitationStatus = ClerkStoredInvitationStatus | 'expired';

export interface ClerkInvitationRecord {
  id: string;
  org_id: string;
  email_address: string;
  role: string;
  status: ClerkStoredInvitationStatus;
  inviter_id: string | null;
  expires_at: number;
  created_at: number;
  updated_at: number;
  public_metadata?: JsonObject;
  private_metadata?: JsonObject;
  redirect_url?: string;
}

export interface ClerkState {
  orgs: ClerkOrgRecord[];
  users: ClerkUserRecord[];
  memberships: ClerkMembershipRecord[];
  invitations: ClerkInvitationRecord[];
  roles: ClerkRoleRecord[];
  permissions: ClerkPermissionRecord[];
  /** The user the Frontend API acts as (the sandbox client's signed-in user). */
  demo_user_id: string;
  /** The Frontend API client and its one active session. */
  client: { id: string; session_id: string; created_at: number };
}

export const CLERK_ORG_COUNT = 268;
/** Enough users for the 2,000-member org and the rest of the instance. */
export const CLERK_USER_COUNT = 2400;
/** Orgs the demo user belongs to besides Globex Enterprise, and how many as `org:member` only. */
export const DEMO_MEMBERSHIPS = 36;
export const DEMO_MEMBER_ONLY = 8;

const FROM = SEED_FROM;
const TO = SEED_TO;
const LIMITS = [5, 10, 20, 25, 50, 100, 250, 500];
const PLANS = ['free', 'pro', 'business', 'enterprise'];
const REGIONS = ['us-east-1', 'eu-west-1', 'eu-central-1', 'ap-southeast-2'];
const INVITE_DOMAINS = ['partner.test', 'contractor.test', 'agency.test', 'gmail.test'];

function uniqueSlug(base: string, taken: Set<string>): string {
  let slug = base === '' ? 'org' : base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  taken.add(slug);
  return slug;
}

function seedUsers(random: Random): ClerkUserRecord[] {
  const usernames = new Set<string>();
  return people(random, CLERK_USER_COUNT, EMAIL_DOMAINS).map((person: PersonSeed) => {
    let username: string | null = null;
    if (random.chance(0.35)) {
      const base = `${person.firstName}${person.lastName}`.toLowerCase();
      username = base;
      for (let n = 2; usernames.has(username); n++) username = `${base}${n}`;
      usernames.add(username);
    }
    return {
      id: seededClerkId(random, 'user_'),
      first_name: person.firstName,
      last_name: random.chance(0.03) ? null : person.lastName,
      email_address: person.email,
      username,
      created_at: random.time(FROM - 90 * DAY, TO - 30 * DAY),
    };
  });
}

function seedMetadata(random: Random, name: string): { public: JsonObject; private: JsonObject } {
  const publicMetadata: JsonObject = {};
  const privateMetadata: JsonObject = {};
  if (random.chance(0.55)) {
    publicMetadata['plan'] = random.pick(PLANS);
    publicMetadata['region'] = random.pick(REGIONS);
    if (random.chance(0.4)) {
      publicMetadata['features'] = { sso: random.chance(0.5), audit_log: random.chance(0.5) };
    }
  }
  if (random.chance(0.4)) {
    privateMetadata['crm'] = {
      hubspot_company_id: String(random.int(1_000_000_000, 9_999_999_999)),
      account_owner: `${slugify(name, '.')}@sales.example.com`,
    };
    privateMetadata['billing'] = {
      stripe_customer_id: `cus_${random.string('ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789', 14)}`,
    };
  }
  return { public: publicMetadata, private: privateMetadata };
}

function memberRole(random: Random): string {
  const roll = random.next();
  if (roll < 0.12) return ADMIN_ROLE;
  if (roll < 0.18) return 'org:billing';
  if (roll < 0.23) return 'org:support';
  return MEMBER_ROLE;
}

export function seedClerk(): ClerkState {
  const random = new Random(0xc1e7);
  const newId = (prefix: string) => seededClerkId(random, prefix);
  const users = seedUsers(random);
  const demo = users[0];
  if (!demo) throw new Error('Clerk seed: no users');
  const others = users.slice(1);
  const roles = seedRoles(newId);
  const permissions = seedPermissions(newId);

  const slugs = new Set<string>();
  const orgs: ClerkOrgRecord[] = companyNames(random, CLERK_ORG_COUNT).map((name) => {
    const created = random.time(FROM, TO - 10 * DAY);
    const metadata = seedMetadata(random, name);
    return {
      id: seededClerkId(random, 'org_'),
      name,
      slug: uniqueSlug(slugify(name), slugs),
      logo_image_id: null,
      max_allowed_memberships: random.chance(0.4) ? 0 : random.pick(LIMITS),
      admin_delete_enabled: random.chance(0.85),
      public_metadata: metadata.public,
      private_metadata: metadata.private,
      created_by: null,
      created_at: created,
      updated_at: random.chance(0.5) ? random.time(created, TO) : created,
    };
  });
  orgs.sort((a, b) => a.created_at - b.created_at);

  const large = new Set(random.sample(orgs, 4).map((org) => org.id));
  const memberships: ClerkMembershipRecord[] = [];
  const counts = new Map<string, number>();
  for (const org of orgs) {
    const count = large.has(org.id)
      ? random.int(100, 160)
      : random.chance(0.08)
        ? 0
        : random.int(1, random.chance(0.65) ? 12 : 40);
    random.sample(others, count).forEach((user, index) => {
      const created = index === 0 ? org.created_at : random.time(org.created_at, TO);
      if (index === 0) org.created_by = user.id;
      memberships.push({
        id: seededClerkId(random, 'orgmem_'),
        org_id: org.id,
        user_id: user.id,
        role: index === 0 ? ADMIN_ROLE : memberRole(random),
        created_at: created,
        ...(random.chance(0.1) ? { updated_at: random.time(created, TO) } : {}),
      });
    });
    counts.set(org.id, count);
  }

  // The Frontend API's signed-in user: an admin of most of their orgs, a plain member of a few.
  random.sample(orgs, DEMO_MEMBERSHIPS).forEach((org, index) => {
    const created = random.time(org.created_at, TO);
    memberships.push({
      id: seededClerkId(random, 'orgmem_'),
      org_id: org.id,
      user_id: demo.id,
      role: index < DEMO_MEMBERSHIPS - DEMO_MEMBER_ONLY ? ADMIN_ROLE : MEMBER_ROLE,
      created_at: created,
    });
    counts.set(org.id, (counts.get(org.id) ?? 0) + 1);
  });

  for (const org of orgs) {
    const members = counts.get(org.id) ?? 0;
    if (org.max_allowed_memberships !== 0 && org.max_allowed_memberships < members) {
      org.max_allowed_memberships = LIMITS.find((limit) => limit >= members) ?? 0;
    }
  }

  const invitees = people(random, 900, INVITE_DOMAINS).map((person) => person.email);
  const globex = seedGlobex(random, { demo, others, slugs });
  orgs.push(globex.org);
  memberships.push(...globex.memberships);

  // Nobody joins an org before signing up.
  const firstJoined = new Map<string, number>();
  for (const membership of memberships) {
    const joined = firstJoined.get(membership.user_id);
    if (joined === undefined || membership.created_at < joined)
      firstJoined.set(membership.user_id, membership.created_at);
  }
  for (const user of users) {
    const joined = firstJoined.get(user.id);
    if (joined !== undefined && joined < user.created_at)
      user.created_at = joined - random.int(1, 30) * DAY;
  }

  const invitations = seedInvitations(random, { orgs, users, memberships, invitees });

  return {
    orgs,
    users,
    memberships,
    invitations,
    roles,
    permissions,
    demo_user_id: demo.id,
    client: {
      id: seededClerkId(random, 'client_'),
      session_id: seededClerkId(random, 'sess_'),
      created_at: TO - 2 * DAY,
    },
  };
}
