import { parse } from 'csv-parse/sync';
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

describe('the formula guard', () => {
  /** The cell as a spreadsheet reads it back. */
  const guarded = (text: string): string => parse(toCsv(['a'], [{ a: text }]), { bom: true })[1][0];

  it('covers formulas after leading whitespace, tabs and line breaks, and full-width signs', () => {
    for (const text of [' =3+3', '   +1', '\t=1', '\u00A0@SUM(A1)', '\u3000=1', '\r\n=1', '\n-2+3', '＝1+1', ' ＋1', '－1', '＠SUM(A1)']) {
      // The text as typed, behind the apostrophe that keeps it text.
      expect(guarded(text), JSON.stringify(text)).toBe(`'${text}`);
    }
  });

  it('leaves ordinary text and numbers alone', () => {
    for (const text of ['Hữu Nghị – 友谊关', 'a = b', '3+3', ' 3 + 3', 'x@y.z', '—', '2024-08-16']) expect(guarded(text)).toBe(text);
    expect(toCsv(['n'], [{ n: -5 }]).split('\r\n')[1]).toBe('-5');
  });
});
