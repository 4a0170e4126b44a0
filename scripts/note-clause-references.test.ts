import { describe, expect, it } from 'vitest';
import { clause, gate, readingRecord, step } from '../test/helpers/reading-record';
import { checkNoteClauseReferences, quotationsBeside } from './note-clause-references';

// Invented clauses of an invented document 901 (test/helpers/reading-record.ts).
const clauses = [
  clause('1', 'Hai tỉnh thống nhất mở lối thông quan Khe Đá thuộc cặp cửa khẩu Nà Sẻ - Bình Lũng trong năm 2031.'),
  clause('2.b', 'Tiếp tục duy trì phiên chợ biên giới Nà Sẻ vào ngày rằm hằng tháng.'),
];
const quoted = (note: string) =>
  checkNoteClauseReferences(readingRecord({ clauses, events: [step({ featureId: 'khe-da', quote: 'mở lối thông quan Khe Đá', note })] }));

describe('a clause id written in a note exists (READING.md)', () => {
  it('refuses a note naming a clause the record does not hold, naming the step', () => {
    expect(quoted('Opened with the gate (901:7).')).toEqual([
      'status-events/901.json#0 khe-da (901:1) agreed, stated: its note names clause 901:7, which the record does not hold',
    ]);
    expect(quoted('Opened with the gate (901:1).')).toEqual([]);
  });

  it('reads the notes of features too, named by where they are', () => {
    const record = readingRecord({ clauses, features: [gate('na-se', 'Its market day is in 901:2.c.')] });
    expect(checkNoteClauseReferences(record)).toEqual(['features/na-se.note: names clause 901:2.c, which the record does not hold']);
  });

  it('takes no time of day or date for a clause id', () => {
    expect(quoted('Read at 10:30 on 2030-05-04T09:15 from the minutes.')).toEqual([]);
  });
});

describe('the words a note quotes beside a clause id are that clause’s', () => {
  it('refuses words quoted beside the wrong clause, whichever side of the id they stand', () => {
    const problem =
      'status-events/901.json#0 khe-da (901:1) agreed, stated: its note quotes "phiên chợ biên giới Nà Sẻ" beside 901:1, words clause 901:1 does not hold';
    expect(quoted('The market is "phiên chợ biên giới Nà Sẻ" (901:1).')).toEqual([problem]);
    expect(quoted("The market: 'phiên chợ biên giới Nà Sẻ', 901:1.")).toEqual([problem]);
    expect(quoted('The market, 901:1 “phiên chợ biên giới Nà Sẻ”.')).toEqual([problem]);
    expect(quoted('The market is "phiên chợ biên giới Nà Sẻ" (901:2.b).')).toEqual([]);
  });

  it('compares NFC-normalised, spacing and capitals aside, with "…" for words left out', () => {
    expect(quoted(`"mở lối thông quan   ${'Khe Đá'.normalize('NFD')}" (901:1)`)).toEqual([]);
    expect(quoted('"Mở lối thông quan Khe Đá" (901:1)')).toEqual([]);
    expect(quoted("'Hai tỉnh thống nhất … trong năm 2031' (901:1)")).toEqual([]);
    expect(quoted("'trong năm 2031 … Hai tỉnh thống nhất' (901:1)")).toHaveLength(1);
  });

  it('does not take an apostrophe for a quotation mark, nor words away from the id for words beside it', () => {
    expect(quoted("The pair's channel (901:1).")).toEqual([]);
    expect(quoted('"phiên chợ biên giới" is monthly; the channel opens in 2031 (901:1).')).toEqual([]);
  });
});

describe('quotationsBeside', () => {
  it('finds the quotation just before and just after an id', () => {
    const text = `"trước" (901:1) "sau"`;
    const at = text.indexOf('901:1');
    expect(quotationsBeside(text, at, at + 5)).toEqual(['trước']);
    const after = '901:1: "sau" and more';
    expect(quotationsBeside(after, 0, 5)).toEqual(['sau']);
  });
});
