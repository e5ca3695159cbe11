import { companyNames, EMAIL_DOMAINS, people } from '../../names';
import { Random } from '../../random';

/**
 * Role strings on memberships. NuMind does not enumerate them (`MemberResponse.roles` is a free
 * string list); these three are our choice.
 */
export const NUMIND_ROLES = { owner: 'owner', admin: 'admin', member: 'member' } as const;
export type NumindRole = (typeof NUMIND_ROLES)[keyof typeof NUMIND_ROLES];

/** Roles that may rename or delete an org. */
export const NUMIND_MANAGER_ROLES: readonly string[] = [NUMIND_ROLES.owner, NUMIND_ROLES.admin];

export interface NumindUserRecord {
  id: string;
  displayName: string;
  email: string;
}

/**
 * `OrganizationResponse` is all NuMind keeps on an org: no timestamps, no counts. Ids are UUIDs,
 * as in NuMind's other resources; unconfirmed for orgs, so our choice.
 */
export interface NumindOrgRecord {
  id: string;
  name: string;
}

export interface NumindMembershipRecord {
  orgId: string;
  userId: string;
  roles: string[];
}

export interface NumindInvitationRecord {
  id: string;
  orgId: string;
  email: string;
  roles: string[];
}

export interface NumindState {
  /** The signed-in user `Bearer sandbox-token` acts as. */
  demoUserId: string;
  users: NumindUserRecord[];
  /** In creation order, which is the order NuMind lists them in. */
  orgs: NumindOrgRecord[];
  memberships: NumindMembershipRecord[];
  invitations: NumindInvitationRecord[];
}

export const NUMIND_DEMO_USER = { displayName: 'Ada Lovelace', email: 'ada.lovelace@example.com' };
export const NUMIND_DEMO_ORG_COUNT = 40;
export const NUMIND_OTHER_ORG_COUNT = 20;
const USER_COUNT = 200;
const INVITEE_COUNT = 40;

/** Ada's role in each of her orgs: owner of many, admin of some, a plain member of the rest. */
function demoRoles(random: Random): NumindRole[] {
  const roles: NumindRole[] = [
    ...Array<NumindRole>(16).fill('owner'),
    ...Array<NumindRole>(10).fill('admin'),
    ...Array<NumindRole>(NUMIND_DEMO_ORG_COUNT - 26).fill('member'),
  ];
  return random.sample(roles, roles.length);
}

export function seedNumind(): NumindState {
  const random = new Random(0x4e5d);
  const persons = people(random, USER_COUNT - 1 + INVITEE_COUNT, EMAIL_DOMAINS);
  const demo: NumindUserRecord = { id: random.uuid(), ...NUMIND_DEMO_USER };
  const others: NumindUserRecord[] = persons.slice(0, USER_COUNT - 1).map((person) => ({
    id: random.uuid(),
    displayName: `${person.firstName} ${person.lastName}`,
    email: person.email,
  }));
  const invitees = persons.slice(USER_COUNT - 1).map((person) => person.email);

  const total = NUMIND_DEMO_ORG_COUNT + NUMIND_OTHER_ORG_COUNT;
  const names = companyNames(random, total);
  const outsideOrgs = new Set(random.sample([...names.keys()], NUMIND_OTHER_ORG_COUNT));
  const roles = demoRoles(random);

  const orgs: NumindOrgRecord[] = [];
  const memberships: NumindMembershipRecord[] = [];
  const invitations: NumindInvitationRecord[] = [];
  names.forEach((name, index) => {
    const org: NumindOrgRecord = { id: random.uuid(), name };
    orgs.push(org);
    const demoRole = outsideOrgs.has(index) ? null : (roles.pop() ?? 'member');
    const size = random.int(2, 30) - (demoRole === null ? 0 : 1);
    const members = random.sample(others, size);
    if (demoRole !== null) memberships.push({ orgId: org.id, userId: demo.id, roles: [demoRole] });
    members.forEach((user, position) => {
      // Every org has exactly one owner: Ada where she owns it, otherwise its first other member.
      const role: NumindRole =
        position === 0 && demoRole !== 'owner' ? 'owner' : random.chance(0.15) ? 'admin' : 'member';
      memberships.push({ orgId: org.id, userId: user.id, roles: [role] });
    });
    if (random.chance(0.25)) {
      for (const email of random.sample(invitees, random.int(1, 3))) {
        invitations.push({
          id: random.uuid(),
          orgId: org.id,
          email,
          roles: random.chance(0.8) ? [NUMIND_ROLES.member] : [NUMIND_ROLES.admin],
        });
      }
    }
  });

  return { demoUserId: demo.id, users: [demo, ...others], orgs, memberships, invitations };
}
