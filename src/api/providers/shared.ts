import type { JsonValue, ProviderField } from '../domain';
import { ApiError } from '../errors';
import type { Invitation, InviteInput, InviteOutcome } from '../people';

/** Turns a parsed wire record into the display list of "every field the provider returned". */
export function toDetails(record: Readonly<Record<string, unknown>>): ProviderField[] {
  return Object.entries(record)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ({ key, value: toJsonValue(value) }));
}

export function toJsonValue(value: unknown): JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (typeof value === 'object') {
    const out: Record<string, JsonValue> = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      if (item !== undefined) out[key] = toJsonValue(item);
    }
    return out;
  }
  return null;
}

/** Epoch milliseconds (Clerk) to ISO-8601. */
export function msToIso(ms: number | null | undefined): string | null {
  return ms === null || ms === undefined ? null : new Date(ms).toISOString();
}

/** Options every adapter factory takes. */
export interface AdapterOptions {
  /** Base URL the vendor paths are appended to: the gateway's upstream URL, or the sandbox in tests. */
  readonly baseUrl: string;
  readonly fetch?: typeof fetch;
  /** Extra headers, e.g. an Authorization header when a test talks to the sandbox directly. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly timeoutMs?: number;
  /** The console session's CSRF token, for state-changing calls through the gateway. */
  readonly csrfToken?: () => string | null;
  readonly refreshCsrfToken?: () => Promise<void>;
}

const emailKey = (email: string) => email.trim().toLowerCase();

/**
 * Pairs a bulk invitation answer with the addresses sent: one outcome per input, in input order.
 * Emails match without regard to case or surrounding space; an address sent twice takes the
 * answers for it in turn (the provider's successes first). An address the answer leaves out gets
 * `unanswered(email)` as its error, so it is never reported as invited by mistake.
 */
export function inviteOutcomesFor(
  inputs: readonly InviteInput[],
  answers: readonly InviteOutcome[],
  unanswered: (email: string) => unknown,
): InviteOutcome[] {
  const queues = new Map<string, InviteOutcome[]>();
  for (const answer of [...answers].sort((a, b) => Number(b.ok) - Number(a.ok))) {
    const key = emailKey(answer.email);
    queues.set(key, [...(queues.get(key) ?? []), answer]);
  }
  return inputs.map(({ email }) => {
    const answer = queues.get(emailKey(email))?.shift();
    if (!answer) return { email, ok: false, error: unanswered(email) };
    return answer.ok
      ? { email, ok: true, invitation: answer.invitation }
      : { email, ok: false, error: answer.error };
  });
}

/** The error for an address a bulk invitation answer left out. */
export const unansweredInvite =
  (provider: string) =>
  (email: string): ApiError =>
    new ApiError({
      kind: 'bad_response',
      message: `${provider} answered the invitations without a result for ${email}.`,
    });

/**
 * Outcomes of an all-or-nothing bulk invitation (Clerk): a 200 invited everyone, each address
 * matched to the invitation the answer gives for it.
 */
export function allInvited(
  inputs: readonly InviteInput[],
  invitations: readonly Invitation[],
  provider: string,
): InviteOutcome[] {
  return inviteOutcomesFor(
    inputs,
    invitations.map((invitation) => ({ email: invitation.email, ok: true, invitation })),
    unansweredInvite(provider),
  );
}
