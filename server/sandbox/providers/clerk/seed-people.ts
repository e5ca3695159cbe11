import type { JsonObject } from '../../../../src/api/domain';
import type { Random } from '../../random';
import { seedWindow } from '../../seed-clock';
import { seededClerkId } from './ids';
import { ADMIN_ROLE, MEMBER_ROLE } from './roles';
import type {
  ClerkInvitationRecord,
  ClerkMembershipRecord,
  ClerkOrgRecord,
  ClerkUserRecord,
} from './state';

/** Seed data for the people side: the 2,000-member Globex Enterprise and every org's invitations. */

export const DAY = 24 * 60 * 60 * 1000;
/** The seed's window ends today (see seed-clock), so its dates look current. */
export const { from: SEED_FROM, to: SEED_TO } = seedWindow();

export const GLOBEX_NAME = 'Globex Enterprise';
export const GLOBEX_SLUG = 'globex-enterprise';
export const GLOBEX_MEMBERS = 2000;

/** Clerk's default invitation lifetime. */
const DEFAULT_EXPIRY_DAYS = 30;
/**
 * Pending seeds use the longest lifetime Clerk allows (`expires_in_days` ≤ 365), so they are
 * still pending for a year after the seed's last date; expired seeds used the default.
 */
const PENDING_SEED_EXPIRY_DAYS = 365;

function globexRole(random: Random): string {
  const roll = random.next();
  if (roll < 0.03) return ADMIN_ROLE;
  if (roll < 0.08) return 'org:billing';
  if (roll < 0.16) return 'org:support';
  return MEMBER_ROLE;
}

export interface GlobexSeed {
  readonly org: ClerkOrgRecord;
  readonly memberships: ClerkMembershipRecord[];
}

/**
 * Globex Enterprise: 2,000 members (the members-tab benchmark), the demo user among its admins
 * so the Frontend API sees it too.
 */
export function seedGlobex(
  random: Random,
  input: {
    readonly demo: ClerkUserRecord;
    readonly others: readonly ClerkUserRecord[];
    readonly slugs: Set<string>;
  },
): GlobexSeed {
  const created = Date.UTC(2023, 2, 14, 15, 42, 10);
  const members = random.sample(input.others, GLOBEX_MEMBERS - 1);
  const creator = members[0];
  if (!creator) throw new Error('Clerk seed: no users for Globex Enterprise');
  input.slugs.add(GLOBEX_SLUG);
  const privateMetadata: JsonObject = {
    crm: { hubspot_company_id: '4829017735', account_owner: 'globex.enterprise@sales.example.com' },
    billing: { stripe_customer_id: 'cus_Gx7kQm2Lp9Wd4R' },
  };
  const org: ClerkOrgRecord = {
    id: seededClerkId(random, 'org_'),
    name: GLOBEX_NAME,
    slug: GLOBEX_SLUG,
    logo_image_id: null,
    max_allowed_memberships: 0,
    admin_delete_enabled: false,
    public_metadata: {
      plan: 'enterprise',
      region: 'us-east-1',
      features: { sso: true, audit_log: true },
    },
    private_metadata: privateMetadata,
    created_by: creator.id,
    created_at: created,
    updated_at: Date.UTC(2026, 4, 2, 9, 12, 0),
  };
  const memberships = members.map((user, index): ClerkMembershipRecord => {
    const joined = index === 0 ? created : random.time(created, SEED_TO);
    return {
      id: seededClerkId(random, 'orgmem_'),
      org_id: org.id,
      user_id: user.id,
      role: index === 0 ? ADMIN_ROLE : globexRole(random),
      created_at: joined,
      ...(random.chance(0.05) ? { updated_at: random.time(joined, SEED_TO) } : {}),
    };
  });
  const demoJoined = random.time(created, created + 90 * DAY);
  memberships.push({
    id: seededClerkId(random, 'orgmem_'),
    org_id: org.id,
    user_id: input.demo.id,
    role: ADMIN_ROLE,
    created_at: demoJoined,
  });
  return { org, memberships };
}

type SeedStatus = 'pending' | 'accepted' | 'revoked' | 'expired';

/** Globex gets every status, expired ones included; other orgs a random few. */
const GLOBEX_STATUSES: readonly SeedStatus[] = [
  ...Array<SeedStatus>(6).fill('pending'),
  ...Array<SeedStatus>(3).fill('accepted'),
  ...Array<SeedStatus>(2).fill('revoked'),
  ...Array<SeedStatus>(3).fill('expired'),
];

function randomStatus(random: Random): SeedStatus {
  const roll = random.next();
  return roll < 0.6 ? 'pending' : roll < 0.75 ? 'accepted' : roll < 0.9 ? 'revoked' : 'expired';
}

interface InvitationContext {
  readonly random: Random;
  readonly org: ClerkOrgRecord;
  /** Members who could have joined by invitation (not the creator), not yet used. */
  readonly joiners: ClerkMembershipRecord[];
  readonly users: ReadonlyMap<string, ClerkUserRecord>;
  nextInvitee(): string;
}

/**
 * One seeded invitation. An accepted one is how a member joined: it is for their email and
 * was accepted when they joined. Expired ones are pending invitations past `expires_at`.
 */
function seedInvitation(ctx: InvitationContext, wanted: SeedStatus): ClerkInvitationRecord {
  const { random, org } = ctx;
  const base = {
    id: seededClerkId(random, 'orginv_'),
    org_id: org.id,
    role: random.chance(0.85) ? MEMBER_ROLE : ADMIN_ROLE,
    inviter_id: org.created_by,
  };
  const joiner = wanted === 'accepted' ? ctx.joiners.pop() : undefined;
  const joinerEmail = joiner ? ctx.users.get(joiner.user_id)?.email_address : undefined;
  if (joiner && joinerEmail !== undefined) {
    const created = Math.max(org.created_at, joiner.created_at - random.int(1, 6) * DAY);
    return {
      ...base,
      role: joiner.role,
      email_address: joinerEmail,
      status: 'accepted',
      expires_at: created + DEFAULT_EXPIRY_DAYS * DAY,
      created_at: created,
      updated_at: joiner.created_at,
    };
  }
  const status = wanted === 'accepted' ? 'revoked' : wanted;
  const lastExpired = SEED_TO - (DEFAULT_EXPIRY_DAYS + 1) * DAY;
  if (status === 'expired' && org.created_at < lastExpired) {
    const created = random.time(org.created_at, lastExpired);
    const expires = created + DEFAULT_EXPIRY_DAYS * DAY;
    return {
      ...base,
      email_address: ctx.nextInvitee(),
      status: 'pending',
      expires_at: expires,
      created_at: created,
      updated_at: created,
    };
  }
  if (status === 'revoked') {
    const created = random.time(org.created_at, SEED_TO);
    return {
      ...base,
      email_address: ctx.nextInvitee(),
      status: 'revoked',
      expires_at: created + DEFAULT_EXPIRY_DAYS * DAY,
      created_at: created,
      updated_at: random.time(created, Math.min(created + DEFAULT_EXPIRY_DAYS * DAY, SEED_TO)),
    };
  }
  const created = random.time(Math.max(org.created_at, SEED_TO - 25 * DAY), SEED_TO);
  return {
    ...base,
    email_address: ctx.nextInvitee(),
    status: 'pending',
    expires_at: created + PENDING_SEED_EXPIRY_DAYS * DAY,
    created_at: created,
    updated_at: created,
  };
}

export function seedInvitations(
  random: Random,
  input: {
    readonly orgs: readonly ClerkOrgRecord[];
    readonly users: readonly ClerkUserRecord[];
    readonly memberships: readonly ClerkMembershipRecord[];
    /** Emails of people who are not users yet. */
    readonly invitees: readonly string[];
  },
): ClerkInvitationRecord[] {
  const users = new Map(input.users.map((user) => [user.id, user]));
  const joinersByOrg = new Map<string, ClerkMembershipRecord[]>();
  for (const membership of input.memberships) {
    const list = joinersByOrg.get(membership.org_id) ?? [];
    list.push(membership);
    joinersByOrg.set(membership.org_id, list);
  }
  let next = 0;
  const invitations: ClerkInvitationRecord[] = [];
  for (const org of input.orgs) {
    const globex = org.slug === GLOBEX_SLUG;
    if (!globex && !random.chance(0.35)) continue;
    const statuses = globex
      ? GLOBEX_STATUSES
      : Array.from({ length: random.int(1, 6) }, () => randomStatus(random));
    const members = joinersByOrg.get(org.id) ?? [];
    const joiners = random.sample(
      members.filter((membership) => membership.user_id !== org.created_by),
      statuses.length,
    );
    // Distinct invitees within an org; the pool wraps around across orgs.
    const nextInvitee = () => {
      const email = input.invitees[next % input.invitees.length] ?? 'invitee@partner.test';
      next++;
      return email;
    };
    const ctx: InvitationContext = { random, org, joiners, users, nextInvitee };
    for (const status of statuses) invitations.push(seedInvitation(ctx, status));
  }
  return invitations;
}
