import type { Role } from '../../api/people';
import type { BatchRow } from './email-batch';

/**
 * One line for the toast after Send, that cannot read as a contradiction: what was sent, what
 * failed at the provider, and what the checks refused before sending, with the reasons
 * ("2 invited to Acme, 1 refused: not a valid address").
 */
export function inviteOutcomeMessage(
  orgName: string,
  invited: number,
  failed: number,
  checked: readonly BatchRow[],
): string {
  const refused = checked.filter((row) => row.status !== 'ready');
  const reasons = [...new Set(refused.map((row) => row.message.toLowerCase()))];
  const parts = [`${invited} invited to ${orgName}`];
  if (failed > 0) parts.push(`${failed} failed`);
  if (refused.length > 0) parts.push(`${refused.length} refused: ${reasons.join('; ')}`);
  return parts.join(', ');
}

/**
 * The role an invitation starts with, so the most frequent task needs no extra choice: none where
 * the provider names its own default (the picker shows it), else the catalogue's member role (the
 * least surprising for a new person), else its first role that is not an admin's, else its first.
 */
export function suggestedRoles(
  catalogue: readonly Role[],
  mode: 'single' | 'multiple' | null,
  providerDefault: string | null | undefined,
): string[] {
  if (mode === null || providerDefault) return [];
  const pick =
    catalogue.find((role) =>
      /\bmembers?\b/i.test(`${role.key.replace(/[:_]/g, ' ')} ${role.name}`),
    ) ??
    catalogue.find((role) => !/admin|owner/i.test(role.key)) ??
    catalogue[0];
  return pick ? [pick.key] : [];
}
