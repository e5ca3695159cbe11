import type { Member, RoleRef } from '../../api/people';
import type { AccessChange } from './api/mutations';

export interface PlanRow {
  readonly member: Member;
  /** null: nothing to change for this member. */
  readonly change: AccessChange | null;
  readonly note: string;
}

export type BulkAction = 'give' | 'take';

/**
 * What a bulk role change will do, member by member, before anything is sent: the diff the user
 * confirms. `multipleRoles` providers add or remove one role; single-role providers replace it.
 */
export function planBulkRole(
  members: readonly Member[],
  action: BulkAction,
  role: RoleRef,
  multipleRoles: boolean,
): PlanRow[] {
  return members.map((member) => {
    const has = member.roles.some((held) => held.key === role.key);
    if (action === 'take') {
      return has
        ? { member, change: { kind: 'remove-role', key: role.key }, note: `Loses ${role.name}` }
        : { member, change: null, note: `Does not have ${role.name}` };
    }
    if (has)
      return { member, change: null, note: `Already ${multipleRoles ? 'has' : 'is'} ${role.name}` };
    if (multipleRoles)
      return { member, change: { kind: 'add-role', key: role.key }, note: `Gets ${role.name}` };
    const current = member.roles.map((held) => held.name).join(', ') || 'no role';
    return {
      member,
      change: { kind: 'set-role', key: role.key },
      note: `${current} → ${role.name}`,
    };
  });
}
