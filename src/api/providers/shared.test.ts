import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors';
import type { InviteOutcome } from '../people';
import { inviteOutcomesFor, unansweredInvite } from './shared';

const ok = (email: string): InviteOutcome => ({ email, ok: true, invitation: null });
const refused = (email: string, message: string): InviteOutcome => ({
  email,
  ok: false,
  error: new ApiError({ kind: 'conflict', message }),
});
const sent = (...emails: string[]) => emails.map((email) => ({ email, roles: [] }));

describe('pairing a bulk invitation answer with the addresses sent', () => {
  it('gives each input its answer, in input order, whatever order the provider answered in', () => {
    const outcomes = inviteOutcomesFor(
      sent('a@x.test', ' B@X.test ', 'c@x.test'),
      [refused('b@x.test', 'Already pending'), ok('c@x.test'), ok('A@x.test')],
      unansweredInvite('Acme'),
    );
    expect(outcomes.map((outcome) => [outcome.email, outcome.ok])).toEqual([
      ['a@x.test', true],
      [' B@X.test ', false],
      ['c@x.test', true],
    ]);
    const second = outcomes[1];
    expect(second && !second.ok && (second.error as Error).message).toBe('Already pending');
  });

  it('gives an address sent twice the success first, then the refusal', () => {
    const outcomes = inviteOutcomesFor(
      sent('a@x.test', 'a@x.test'),
      [refused('a@x.test', 'Duplicate'), ok('a@x.test')],
      unansweredInvite('Acme'),
    );
    expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, false]);
  });

  it('reports an address the answer left out as a bad response, never as invited', () => {
    const [outcome] = inviteOutcomesFor(sent('lost@x.test'), [], unansweredInvite('Acme'));
    expect(outcome?.ok).toBe(false);
    const error = outcome && !outcome.ok ? outcome.error : null;
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      kind: 'bad_response',
      message: 'Acme answered the invitations without a result for lost@x.test.',
    });
  });
});
