// The Markdown helpers skip their escaping work for the (common) text that needs none and make
// shared parts once; these tests pin the escaping for the text that does need it.
import type { AccessFlag } from '../../lib/report/access-entries';
import { flagsText } from '../../lib/report/formats/cells';
import { code, table } from '../../lib/report/private/markdown';

describe('Markdown table cells', () => {
  test('pipes are escaped and line breaks become spaces, in every cell', () => {
    expect(table(['A', 'B'], [['a|b', 'line 1\nline 2\r\nline 3']])).toEqual([
      '| A | B |',
      '|---|---|',
      '| a\\|b | line 1 line 2 line 3 |',
    ]);
  });

  test('cells without pipes or line breaks are written as they are, empty cells too', () => {
    expect(table(['A', 'B', 'C'], [['plain', '', '`x`']])).toEqual([
      '| A | B | C |',
      '|---|---|---|',
      '| plain |  | `x` |',
    ]);
  });

  test('a header used for many tables gives the same lines each time, and tables do not share rows', () => {
    const header = ['Role', 'Where'];
    const first = table(header, [['r1', 'w1']]);
    const second = table(header, [['r2', 'w2']]);
    expect(first).toEqual(['| Role | Where |', '|---|---|', '| r1 | w1 |']);
    expect(second).toEqual(['| Role | Where |', '|---|---|', '| r2 | w2 |']);
  });

  test('backticks inside inline code become quotes', () => {
    expect(code('a`b`c')).toBe("`a'b'c`");
    expect(code('plain')).toBe('`plain`');
  });

  test('flags are bold in their fixed order whatever the order given, and none gives nothing', () => {
    const flags: AccessFlag[] = ['authoritative', 'public'];
    expect(flagsText(flags)).toBe('**public** **authoritative**');
    expect(flagsText(flags)).toBe('**public** **authoritative**');
    expect(flagsText(['impersonation'])).toBe('**impersonation**');
    expect(flagsText([])).toBe('');
  });
});
