import { companyNames, slugify } from '../../names';
import { Random } from '../../random';
import type {
  KindeInviteRecord,
  KindeMembershipRecord,
  KindeOrgRecord,
  KindeUserRecord,
} from './state';

/**
 * `ORGDECK_SANDBOX_SCALE=<n>`: the Kinde sandbox holds n organizations (the usual seed plus
 * generated ones), so growth can be measured. Unset, or not above the usual count: no change.
 */
export function sandboxScale(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env['ORGDECK_SANDBOX_SCALE'];
  if (raw === undefined || raw.trim() === '') return 0;
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? Math.min(n, 1_000_000) : 0;
}

/** Generated users per generated org, and members (0–5, 2.5 on average) drawn from them. */
const USERS_PER_ORG = 1;
const MAX_MEMBERS = 5;
const INVITE_CHANCE = 0.3;

export interface ScaledRecords {
  readonly orgs: KindeOrgRecord[];
  readonly users: KindeUserRecord[];
  readonly memberships: KindeMembershipRecord[];
  readonly invites: KindeInviteRecord[];
}

/**
 * `extra` more orgs with members and pending invitations in proportion, deterministic (their own
 * random stream, so the usual seed is unchanged). Codes and e-mails carry a running number, so
 * they never collide with the usual seed's.
 */
export function scaledKinde(extra: number, from: number, to: number): ScaledRecords {
  const random = new Random(0x5ca1e);
  const pool = companyNames(random, 400);
  const time = (ms: number) =>
    new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  const orgs: KindeOrgRecord[] = [];
  const users: KindeUserRecord[] = [];
  const memberships: KindeMembershipRecord[] = [];
  const invites: KindeInviteRecord[] = [];
  const userCount = Math.max(1, extra * USERS_PER_ORG);
  for (let i = 0; i < userCount; i++) {
    const created = random.time(from, to);
    users.push({
      id: `kp_scale${String(i).padStart(8, '0')}`,
      email: `scale.user${i}@scale.test`,
      first_name: 'Scale',
      last_name: `User ${i}`,
      picture: null,
      is_suspended: false,
      created_on: time(created),
      last_accessed_on: null,
    });
  }
  for (let i = 0; i < extra; i++) {
    const base = pool[i % pool.length] ?? 'Scale Org';
    const name = `${base} ${Math.floor(i / pool.length) + 2}`;
    const created = random.time(from, to);
    const code = `org_s${i.toString(16).padStart(10, '0')}`;
    orgs.push({
      code,
      name,
      handle: `${slugify(name, '_')}_${i}`,
      is_default: false,
      external_id: null,
      is_auto_membership_enabled: false,
      allowed_domains: [],
      colors: {},
      theme_code: 'light',
      sender_name: null,
      sender_email: null,
      is_suspended: false,
      suspended_on: null,
      created_on: time(created),
    });
    const count = random.int(0, MAX_MEMBERS);
    const seen = new Set<string>();
    for (let m = 0; m < count; m++) {
      const user = users[random.int(0, users.length - 1)];
      if (!user || seen.has(user.id)) continue;
      seen.add(user.id);
      memberships.push({
        orgCode: code,
        userId: user.id,
        roles: [m === 0 ? 'admin' : 'member'],
        joinedOn: time(random.time(created, to)),
      });
    }
    if (random.chance(INVITE_CHANCE)) {
      invites.push({
        code: `inv_s${i.toString(16).padStart(11, '0')}`,
        orgCode: code,
        email: `invitee${i}@scale.test`,
        first_name: null,
        last_name: null,
        roles: ['member'],
        created_on: time(random.time(created, to)),
        is_sent: true,
        accepted_on: null,
        is_revoked: false,
      });
    }
  }
  return { orgs, users, memberships, invites };
}
