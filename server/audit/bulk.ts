import type { ProviderKind } from '../../src/api/domain';
import type { OperationMatch } from '../../src/api/operations';

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
 * Permit's `POST /v2/orgs/{org_id}/invites` answers 200 `MultiInviteResult`
 * `{success: InviteRead[], failed: [{email, reason}]}`: each `failed` item was not invited.
 */
function permitInvites(json: unknown): BulkShortfall | undefined {
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
 * Kinde's bulk org-user calls answer 200 with the ids they acted on: `users_added` for
 * `POST …/users`; `users_added`, `users_updated` and `users_removed` for `PATCH …/users`. A
 * requested user in none of them was not done. An answer with none of the lists says nothing
 * either way (the console's adapter takes it as done for everyone, and so does the audit).
 */
function kindeUsers(
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
 * Reads a successful bulk answer for items the provider refused on their own: Permit's bulk
 * invites and Kinde's bulk org-user add and update. `requested` are the user ids the request
 * named (Kinde). Clerk's bulk invitations are all or nothing (an error status, or every
 * invitation in `data`), so their status says it all; other operations are not bulk.
 */
export function bulkShortfall(
  provider: ProviderKind,
  match: OperationMatch,
  status: number,
  payload: ArrayBuffer,
  requested: readonly string[],
): BulkShortfall | undefined {
  if (status < 200 || status >= 300 || payload.byteLength === 0) return undefined;
  const read =
    provider === 'permit' && match.id === 'inviteMembers'
      ? (json: unknown) => permitInvites(json)
      : provider === 'kinde' && match.id === 'addOrganizationUsers'
        ? (json: unknown) => kindeUsers(json, requested, ['users_added'], 'added')
        : provider === 'kinde' && match.id === 'updateOrganizationUsers'
          ? (json: unknown) =>
              kindeUsers(
                json,
                requested,
                ['users_added', 'users_updated', 'users_removed'],
                'added, updated or removed',
              )
          : undefined;
  if (read === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(payload));
  } catch {
    return undefined;
  }
  return read(json);
}
