import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
  it('quotes what needs quoting and keeps Vietnamese and Chinese as UTF-8 with a BOM', () => {
    const csv = toCsv(['name', 'note'], [{ name: 'Hữu Nghị – 友谊关', note: 'a, "b"' }]);
    expect(csv).toBe('\uFEFFname,note\r\nHữu Nghị – 友谊关,"a, ""b"""\r\n');
  });

  it('keeps text that starts like a formula as text (Excel would run =HYPERLINK… typed by an editor)', () => {
    const csv = toCsv(['a', 'b', 'c', 'n'], [{ a: '=HYPERLINK("http://x")', b: '+1', c: '@SUM(A1)', n: -5 }]);
    expect(csv.split('\r\n')[1]).toBe(`"'=HYPERLINK(""http://x"")",'+1,'@SUM(A1),-5`);
  });
});
