import * as z from 'zod/mini';

export type BatchStatus = 'ready' | 'invalid' | 'duplicate' | 'member' | 'invited';

export interface BatchRow {
  /** What the user typed (or the CSV held). */
  readonly input: string;
  /** Trimmed, lower-cased address used for checks and sending. */
  readonly email: string;
  readonly status: BatchStatus;
  /**
   * Role keys to invite this address with: the CSV row's own, or the fallback of `roleRule`;
   * empty means the form's choice (or the provider's default).
   */
  readonly roles: readonly string[];
  readonly message: string;
}

export interface BatchContext {
  /** Emails of current members, lower-cased. */
  readonly members: ReadonlySet<string>;
  /** Emails with a pending invitation, lower-cased. */
  readonly invited: ReadonlySet<string>;
  /** Role keys the provider knows, to check CSV roles; null to skip the check. */
  readonly roleKeys: ReadonlySet<string> | null;
  /**
   * What the provider takes on invite, to check each row's roles (CSV rows name their own);
   * left out where the form's role choice is checked instead.
   */
  readonly roleRule?: {
    /** One role per invitation, several, or none at all. */
    readonly roles: 'single' | 'multiple' | null;
    readonly required: boolean;
    /** Roles for rows that name none (the dialog's "Role for rows without one"). */
    readonly fallback: readonly string[];
  };
}

const email = z.email();

/** Splits pasted text on commas, spaces, semicolons and new lines; `Name <a@b.c>` keeps the address. */
export function splitEmails(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((part) => part.trim().replace(/^<|>$/g, ''))
    .filter((part) => part !== '');
}

/** Checks every address before anything is sent: format, repeats, existing members and invitations. */
export function checkBatch(
  entries: readonly { input: string; roles: readonly string[] }[],
  context: BatchContext,
): BatchRow[] {
  const seen = new Set<string>();
  const rule = context.roleRule;
  return entries.map(({ input, roles: own }) => {
    const address = input.trim().toLowerCase();
    const roles = rule && own.length === 0 ? rule.fallback : own;
    const row = (status: BatchStatus, message: string): BatchRow => ({
      input,
      email: address,
      status,
      roles,
      message,
    });
    if (!email.safeParse(address).success) return row('invalid', 'Not a valid email address');
    if (seen.has(address)) return row('duplicate', 'Listed more than once');
    seen.add(address);
    if (context.members.has(address)) return row('member', 'Already a member');
    if (context.invited.has(address)) return row('invited', 'Already has a pending invitation');
    const unknown = context.roleKeys ? roles.filter((role) => !context.roleKeys?.has(role)) : [];
    if (unknown.length > 0) return row('invalid', `Unknown role: ${unknown.join(', ')}`);
    if (rule?.roles === 'single' && roles.length > 1)
      return row('invalid', 'Names several roles; an invitation takes one');
    if (rule?.required && rule.roles !== null && roles.length === 0)
      return row('invalid', 'No role: give one in the file or choose one for rows without one');
    return row('ready', 'Will be invited');
  });
}

/** Rows of a CSV with an `email` column (any header spelling) and an optional `role(s)` column. */
export function entriesFromCsv(
  rows: readonly (readonly string[])[],
): { input: string; roles: string[] }[] {
  const [first, ...rest] = rows;
  if (!first) return [];
  const header = first.map((cell) => cell.trim().toLowerCase());
  const emailColumn = header.findIndex((cell) => /^e-?mail( address)?$/.test(cell));
  const roleColumn = header.findIndex((cell) => /^roles?$/.test(cell));
  const hasHeader = emailColumn !== -1;
  const body = hasHeader ? rest : rows;
  const emailAt = hasHeader ? emailColumn : 0;
  const roleAt = hasHeader ? roleColumn : 1;
  return body.map((cells) => ({
    input: (cells[emailAt] ?? '').trim(),
    roles:
      roleAt === -1
        ? []
        : (cells[roleAt] ?? '')
            .split(/[|;]/)
            .map((role) => role.trim())
            .filter((role) => role !== ''),
  }));
}
