import type { ProviderKind } from '../../src/api/domain';
import type { OperationMatch } from '../../src/api/operations';
import { providerCatalog } from '../../src/api/providers/catalog';

/** A bulk call the provider accepted (2xx) without doing all of it. */
export interface BulkShortfall {
  /** `partial`: some items were done; `failure`: none were. */
  readonly outcome: 'partial' | 'failure';
  /** What was not done and why, as far as the answer says. */
  readonly error: string;
}

type Json = Record<string, unknown>;

const field = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Json)[key]
    : undefined;

const strings = (value: unknown): string[] | undefined =>
  Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : undefined;

/** Items named in an entry's error at most (the auditor cuts the text to 300 characters anyway). */
const MAX_NAMED = 20;

function listed(items: readonly string[]): string {
  const named = items.slice(0, MAX_NAMED).join('; ');
  return items.length > MAX_NAMED ? `${named}; and ${items.length - MAX_NAMED} more` : named;
}

/**
 * `{success: [...], failed: [{email, reason}]}` (Permit's `MultiInviteResult`): each `failed`
 * item was not invited.
 */
function successFailed(json: unknown): BulkShortfall | undefined {
  const failed = field(json, 'failed');
  if (!Array.isArray(failed) || failed.length === 0) return undefined;
  const success = field(json, 'success');
  const done = Array.isArray(success) ? success.length : 0;
  const reasons = failed.map((item) => {
    const email = field(item, 'email');
    const reason = field(item, 'reason');
    const who = typeof email === 'string' && email.trim() !== '' ? email.trim() : '(no email)';
    return typeof reason === 'string' && reason.trim() !== '' ? `${who}: ${reason.trim()}` : who;
  });
  return {
    outcome: done > 0 ? 'partial' : 'failure',
    error: `${failed.length} of ${failed.length + done} invitations not created: ${listed(reasons)}`,
  };
}

/**
 * An answer naming the ids it acted on in `lists` (Kinde's bulk org-user calls): a requested
 * user in none of them was not done. An answer with none of the lists says nothing either way
 * (the console's adapter takes it as done for everyone, and so does the audit).
 */
function actedIds(
  json: unknown,
  requested: readonly string[],
  lists: readonly string[],
  verb: string,
): BulkShortfall | undefined {
  const answered = lists.map((key) => strings(field(json, key)));
  if (requested.length === 0 || answered.every((list) => list === undefined)) return undefined;
  const done = new Set(answered.flatMap((list) => list ?? []));
  const missing = requested.filter((id) => !done.has(id));
  if (missing.length === 0) return undefined;
  return {
    outcome: missing.length < requested.length ? 'partial' : 'failure',
    error: `${missing.length} of ${requested.length} users not ${verb} (missing from Kinde's answer): ${listed(missing)}`,
  };
}

/**
 * Reads a successful bulk answer for items the provider refused on their own, as the provider's
 * catalog entry describes its bulk answers (`vendor.bulkAnswers`): Permit's bulk invites and
 * Kinde's bulk org-user add and update. `requested` are the user ids the request named (Kinde).
 * Clerk's bulk invitations are all or nothing, so their status says it all.
 */
export function bulkShortfall(
  provider: ProviderKind,
  match: OperationMatch,
  status: number,
  payload: ArrayBuffer | Uint8Array,
  requested: readonly string[],
): BulkShortfall | undefined {
  if (status < 200 || status >= 300 || payload.byteLength === 0) return undefined;
  const answer = providerCatalog[provider].vendor.bulkAnswers[match.id];
  if (answer === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(payload));
  } catch {
    return undefined;
  }
  return answer.shape === 'success-failed'
    ? successFailed(json)
    : actedIds(json, requested, answer.lists, answer.verb);
}
