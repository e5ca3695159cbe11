import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from './csv';

describe('csv', () => {
  it('parses quoted fields, doubled quotes and both line ends, skipping blank lines', () => {
    expect(
      parseCsv('email,role\r\n"a@x.test","org:admin"\n\n"b, c@x.test","say ""hi"""\n'),
    ).toEqual([
      ['email', 'role'],
      ['a@x.test', 'org:admin'],
      ['b, c@x.test', 'say "hi"'],
    ]);
  });

  it('ignores a byte-order mark and a missing final newline', () => {
    expect(parseCsv('\uFEFFemail\na@x.test')).toEqual([['email'], ['a@x.test']]);
  });

  it('writes cells that round-trip and cannot run as spreadsheet formulas', () => {
    const csv = toCsv([
      ['email', 'result'],
      ['a@x.test', 'Failed: "quota", try later'],
      ['=HYPERLINK("x")', '-1'],
    ]);
    expect(parseCsv(csv)).toEqual([
      ['email', 'result'],
      ['a@x.test', 'Failed: "quota", try later'],
      [`'=HYPERLINK("x")`, "'-1"],
    ]);
  });
});
