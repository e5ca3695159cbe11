import type { PERMIT_ACCESS_LEVELS } from '../../../../src/api/providers/permit/wire';
import { seedWindow } from '../../seed-clock';
import { companyNames, EMAIL_DOMAINS, people, slugify } from '../../names';
import { Random } from '../../random';

export interface PermitMonthlyUsage {
  mau: number;
  tenants: number;
  monthly_tenants: string[];
  month: number;
  year: number;
}

export interface PermitOrgRecord {
  id: string;
  key: string;
  name: string;
  is_enterprise: boolean;
  usage_limits: { mau: number; tenants: number; billing_tier: string };
  created_at: string;
  updated_at: string;
  settings: Record<string, unknown>;
  stats: { projects: number; environments: number; users: number };
  historical_usage: {
    current_month?: PermitMonthlyUsage;
    previous_month?: PermitMonthlyUsage;
    two_months_ago?: PermitMonthlyUsage;
  };
}

export type PermitAccessLevel = (typeof PERMIT_ACCESS_LEVELS)[number];

/**
 * A pending invite, kept in `InviteRead` field names. Permit lists pending invites only and
 * nothing here accepts one, so cancelled invites are dropped rather than kept with a status.
 */
export interface PermitInviteRecord {
  id: string;
  organization_id: string;
  email: string;
  role: PermitAccessLevel;
  member_id: string | null;
  invite_code: string;
  created_at: string;
}

export interface PermitState {
  orgs: PermitOrgRecord[];
  /** The org the sandbox API key belongs to. */
  activeOrgId: string;
  /** Each org's invites in creation order, which is the order Permit lists them in. */
  invites: PermitInviteRecord[];
}

export const PERMIT_ORG_COUNT = 124;
const { from: FROM, to: TO } = seedWindow();
const TIERS = ['free', 'startup', 'pro', 'enterprise', 'trial'] as const;
const LIMITS: Record<(typeof TIERS)[number], { mau: number; tenants: number }> = {
  free: { mau: 1000, tenants: 20 },
  startup: { mau: 5000, tenants: 50 },
  pro: { mau: 25000, tenants: 500 },
  enterprise: { mau: 250000, tenants: 10000 },
  trial: { mau: 5000, tenants: 50 },
};

function monthsBack(reference: Date, back: number): { month: number; year: number } {
  const d = new Date(Date.UTC(reference.getUTCFullYear(), reference.getUTCMonth() - back, 1));
  return { month: d.getUTCMonth() + 1, year: d.getUTCFullYear() };
}

export function seedPermit(): PermitState {
  const random = new Random(0x9e71);
  const names = companyNames(random, PERMIT_ORG_COUNT - 1);
  const reference = new Date(TO);
  const orgs: PermitOrgRecord[] = ['Orgdeck Demo', ...names].map((name, index) => {
    const created = index === 0 ? FROM : random.time(FROM, TO);
    const updated = random.chance(0.4) ? random.time(created, TO) : created;
    const tier = index === 0 ? 'pro' : random.pick(TIERS);
    const limits = LIMITS[tier];
    const usage = (back: number): PermitMonthlyUsage => {
      const tenants = random.int(0, Math.min(limits.tenants, 40));
      return {
        mau: random.int(0, Math.round(limits.mau * 1.05)),
        tenants,
        monthly_tenants: Array.from({ length: Math.min(tenants, 5) }, () => random.uuid()),
        ...monthsBack(reference, back),
      };
    };
    return {
      id: random.uuid(),
      key: index === 0 ? 'orgdeck-demo' : slugify(name, random.chance(0.5) ? '-' : '_'),
      name: name.replace(/[^A-Za-z0-9.\-_ ]/g, ''),
      is_enterprise: tier === 'enterprise',
      usage_limits: { ...limits, billing_tier: tier },
      created_at: new Date(created).toISOString().replace('Z', '+00:00'),
      updated_at: new Date(updated).toISOString().replace('Z', '+00:00'),
      settings: random.chance(0.5)
        ? { region: random.pick(['us-east-1', 'eu-west-1', 'ap-south-1']), sso: random.chance(0.5) }
        : {},
      stats: {
        projects: random.int(1, 6),
        environments: random.int(2, 14),
        users: random.int(3, 900),
      },
      historical_usage: {
        current_month: usage(0),
        previous_month: usage(1),
        two_months_ago: usage(2),
      },
    };
  });
  orgs.sort((a, b) => a.created_at.localeCompare(b.created_at));
  const active = orgs.find((org) => org.key === 'orgdeck-demo');
  return { orgs, activeOrgId: active?.id ?? '', invites: seedInvites(orgs, active) };
}

const INVITED_ORGS = 12;
const INVITE_WINDOW_MS = 120 * 24 * 3600 * 1000;
/** Weighted: read and write invites are the common ones. */
const INVITE_ROLES: readonly PermitAccessLevel[] = [
  'admin',
  'write',
  'write',
  'read',
  'read',
  'read',
  'no_access',
];

/** Pending invites on the active org and a few others, from a PRNG of their own. */
function seedInvites(
  orgs: readonly PermitOrgRecord[],
  active: PermitOrgRecord | undefined,
): PermitInviteRecord[] {
  const random = new Random(0x1a7e);
  const others = random.sample(
    orgs.filter((org) => org !== active),
    INVITED_ORGS - 1,
  );
  const invited = active ? [active, ...others] : others;
  const counts = invited.map((org) => (org === active ? 7 : random.int(1, 5)));
  const emails = people(
    random,
    counts.reduce((sum, count) => sum + count, 0),
    EMAIL_DOMAINS,
  ).map((person) => person.email);
  return invited.flatMap((org, index) => {
    const from = Math.max(Date.parse(org.created_at), TO - INVITE_WINDOW_MS);
    return emails
      .splice(0, counts[index] ?? 0)
      .map((email) => ({
        id: random.uuid(),
        organization_id: org.id,
        email,
        role: random.pick(INVITE_ROLES),
        member_id: null,
        invite_code: random.uuid(),
        created_at: new Date(random.time(from, TO)).toISOString().replace('Z', '+00:00'),
      }))
      .sort((a, b) => a.created_at.localeCompare(b.created_at));
  });
}
