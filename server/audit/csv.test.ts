import { describe, expect, it } from 'vitest';
import { auditCsv, csvCell } from './csv';

describe('audit CSV', () => {
  it('quotes every cell and neutralises formulas', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvCell('+1')).toBe('"\'+1"');
    expect(csvCell('-1')).toBe('"\'-1"');
    expect(csvCell('@SUM(A1)')).toBe('"\'@SUM(A1)"');
    expect(csvCell('\tx')).toBe('"\'\tx"');
    expect(csvCell('plain, text')).toBe('"plain, text"');
    expect(csvCell(undefined)).toBe('""');
    expect(csvCell(404)).toBe('"404"');
  });

  it('writes a header and one row per entry', () => {
    const csv = auditCsv([
      {
        id: '1',
        at: '2026-01-01T00:00:00.000Z',
        actor: { id: 'anonymous' },
        connectionId: 'permit',
        provider: 'permit',
        operationId: 'inviteMembers',
        summary: 'Invite members to organization',
        method: 'POST',
        target: { orgId: 'acme', email: '=cmd@x.test' },
        outcome: 'failure',
        status: 422,
        error: 'field required',
      },
    ]);
    const [header, row] = csv.trimEnd().split('\r\n');
    expect(header).toBe(
      'at,actor_id,actor_name,actor_role,connection,provider,operation,summary,method,org,user,email,outcome,status,error',
    );
    expect(row).toBe(
      '"2026-01-01T00:00:00.000Z","anonymous","","","permit","permit","inviteMembers","Invite members to organization","POST","acme","","\'=cmd@x.test","failure","422","field required"',
    );
  });
});
