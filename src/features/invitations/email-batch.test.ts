import { describe, expect, it } from 'vitest';
import { checkBatch, entriesFromCsv, splitEmails } from './email-batch';

const context = {
  members: new Set(['member@acme.test']),
  invited: new Set(['pending@acme.test']),
  roleKeys: new Set(['admin', 'member']),
};

describe('invitation batches', () => {
  it('splits pasted addresses on commas, spaces, semicolons and new lines', () => {
    expect(splitEmails('a@x.test, b@x.test;c@x.test\n <d@x.test>  e@x.test')).toEqual([
      'a@x.test',
      'b@x.test',
      'c@x.test',
      'd@x.test',
      'e@x.test',
    ]);
  });

  it('flags invalid, repeated, member and already-invited addresses before sending', () => {
    const rows = checkBatch(
      ['ok@acme.test', 'not-an-email', 'OK@acme.test', 'member@acme.test', 'Pending@Acme.test'].map(
        (input) => ({ input, roles: [] }),
      ),
      context,
    );
    expect(rows.map((row) => [row.email, row.status])).toEqual([
      ['ok@acme.test', 'ready'],
      ['not-an-email', 'invalid'],
      ['ok@acme.test', 'duplicate'],
      ['member@acme.test', 'member'],
      ['pending@acme.test', 'invited'],
    ]);
  });

  it('refuses a role the provider does not know', () => {
    const [row] = checkBatch([{ input: 'a@acme.test', roles: ['superuser'] }], context);
    expect(row?.status).toBe('invalid');
    expect(row?.message).toBe('Unknown role: superuser');
  });

  it('gives rows without a role the chosen fallback, and keeps a row’s own role', () => {
    const rows = checkBatch(
      [
        { input: 'a@acme.test', roles: [] },
        { input: 'b@acme.test', roles: ['admin'] },
      ],
      { ...context, roleRule: { roles: 'single', required: true, fallback: ['member'] } },
    );
    expect(rows.map((row) => [row.status, row.roles])).toEqual([
      ['ready', ['member']],
      ['ready', ['admin']],
    ]);
  });

  it('refuses a row without a role where the provider requires one and none is chosen', () => {
    const [row] = checkBatch([{ input: 'a@acme.test', roles: [] }], {
      ...context,
      roleRule: { roles: 'single', required: true, fallback: [] },
    });
    expect(row?.status).toBe('invalid');
    expect(row?.message).toBe('No role: give one in the file or choose one for rows without one');
  });

  it('lets a row without a role through where the provider does not require one', () => {
    const [row] = checkBatch([{ input: 'a@acme.test', roles: [] }], {
      ...context,
      roleRule: { roles: 'multiple', required: false, fallback: [] },
    });
    expect(row?.status).toBe('ready');
    expect(row?.roles).toEqual([]);
  });

  it('refuses a row naming several roles where an invitation takes one', () => {
    const entries = [{ input: 'a@acme.test', roles: ['admin', 'member'] }];
    const [single] = checkBatch(entries, {
      ...context,
      roleRule: { roles: 'single', required: true, fallback: ['member'] },
    });
    expect(single?.status).toBe('invalid');
    expect(single?.message).toBe('Names several roles; an invitation takes one');
    const [multiple] = checkBatch(entries, {
      ...context,
      roleRule: { roles: 'multiple', required: true, fallback: [] },
    });
    expect(multiple?.status).toBe('ready');
  });

  it('checks the fallback role against the catalogue too', () => {
    const [row] = checkBatch([{ input: 'a@acme.test', roles: [] }], {
      ...context,
      roleRule: { roles: 'single', required: true, fallback: ['ghost'] },
    });
    expect(row?.message).toBe('Unknown role: ghost');
  });

  it('reads a CSV with a header in any spelling, or without one', () => {
    expect(
      entriesFromCsv([
        ['Name', 'E-mail', 'Roles'],
        ['Ann', 'ann@x.test', 'admin|member'],
      ]),
    ).toEqual([{ input: 'ann@x.test', roles: ['admin', 'member'] }]);
    expect(entriesFromCsv([['bob@x.test', 'member'], ['cy@x.test']])).toEqual([
      { input: 'bob@x.test', roles: ['member'] },
      { input: 'cy@x.test', roles: [] },
    ]);
  });
});
