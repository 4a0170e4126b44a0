import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkRecord, loadCheckInput } from '../../scripts/geodata-check';
import { buildReport, REPORT_PATH } from '../../scripts/geodata-report';
import { checkReadings, checkTranslations } from '../../scripts/record-rules';

const input = loadCheckInput();

/** A copy of the input whose record can be altered without touching the shared one. */
function alteredInput(alter: (features: typeof input.record.features) => void) {
  const record = structuredClone(input.record);
  alter(record.features);
  return { ...input, record };
}

describe('npm run geodata:check', () => {
  it('finds no problem in the committed record', () => {
    expect(checkRecord(input)).toEqual([]);
  });

  it('catches a note edited without its translation, and the stale translation it leaves', () => {
    const edited = alteredInput((features) => {
      const gate = features.find((f) => f.id === 'lung-lan');
      if (gate?.note) gate.note = `${gate.note} (re-checked)`;
    });
    const problems = checkRecord(edited);
    expect(problems).toEqual([
      expect.stringMatching(/^features\/lung-lan\.note: no vi\/zh translation of /),
      expect.stringMatching(/^translations: ".*" is not a text of the record/),
    ]);
  });

  it('catches a briefing step written without its English and Chinese', () => {
    const briefing = { id: 'b', title: { vi: 'Tiêu đề mới', en: 'New title' }, steps: [{ title: 'Bước mới', text: '' }] };
    expect(checkTranslations(input.record, input.translations, [briefing])).toEqual(
      expect.arrayContaining([
        'briefings/b.title: no zh translation of "Tiêu đề mới"',
        'briefings/b.steps[0].title: no en/zh translation of "Bước mới"',
      ]),
    );
  });

  it('catches a sourced point moved beyond its stated precision', () => {
    const moved = alteredInput((features) => {
      const gate = features.find((f) => f.id === 'huu-nghi');
      if (gate?.location) gate.location.coordinates = [106.75, 21.99];
    });
    expect(checkRecord(moved)).toEqual([expect.stringMatching(/^huu-nghi: 4\.\d+ km from gazetteer "huunghi_vn"/)]);
  });

  it('catches a side placed in the wrong country', () => {
    const swapped = alteredInput((features) => {
      const gate = features.find((f) => f.id === 'ta-lung');
      const chinese = gate?.sides?.find((s) => s.country === 'CN');
      if (chinese?.location) chinese.location = { ...chinese.location, coordinates: [106.3, 22.3], gazetteerId: undefined };
    });
    expect(checkRecord(swapped)).toEqual([expect.stringMatching(/^ta-lung: its CN side lies \d+\.\d km outside CN/)]);
  });

  it('catches a feature no clause cites', () => {
    const uncited = alteredInput((features) => {
      const marker = features.find((f) => f.id === 'marker-504');
      if (marker) marker.mentionedIn = [];
    });
    expect(checkRecord(uncited)).toEqual(['marker-504: cited by no clause']);
  });
});

describe('npm run geodata:check: the audit’s defects, put back, are caught (issue 16)', () => {
  /** The readings check over a copy of the record altered by `alter`. */
  function readingsOf(alter: (record: typeof input.record) => void, researched?: Set<string>) {
    const record = structuredClone(input.record);
    alter(record);
    return checkReadings(record, researched);
  }
  const feature = (record: typeof input.record, id: string) => {
    const found = record.features.find((f) => f.id === id);
    if (!found) throw new Error(id);
    return found;
  };

  it('a Chinese name holding a Vietnamese one ("Chi Ma—爱店")', () => {
    expect(readingsOf((r) => (feature(r, 'chi-ma').name.zh = 'Chi Ma—爱店'))).toEqual([
      'chi-ma: Chinese name "Chi Ma—爱店" holds Latin letters (a Vietnamese name left in zh)',
    ]);
  });

  it('Co Sa "operating" because the upgrade proposal includes it ("bao gồm lối thông quan Co Sa - Nà Ủ")', () => {
    const uncorrected = readingsOf((r) => {
      r.events = r.events.filter((e) => !(e.featureId === 'co-sa' && e.corrects));
    });
    expect(uncorrected).toEqual([
      expect.stringMatching(/^co-sa 2026-02-11 operating \(003:6\.c\): "operating" rests on a name inside a proposal's scope/),
    ]);
  });

  it('an implied step that does not say what implies it', () => {
    const problems = readingsOf((r) => {
      const step = r.events.find((e) => e.evidence === 'implied');
      if (step) delete step.note;
    });
    expect(problems).toEqual([expect.stringMatching(/: an implied step must say in its note what implies it$/)]);
  });

  it('a step not dated by its document', () => {
    const problems = readingsOf((r) => {
      const step = r.events.find((e) => e.agreementId === '000-vn');
      if (step) step.date = '2024-01-20';
    });
    expect(problems).toEqual([expect.stringMatching(/: dated 2024-01-20, but its document 000-vn is dated 2024-08-16$/)]);
  });

  it('a referenced document no feature is cited about (the Bản Giốc agreement gave zero features)', () => {
    const problems = readingsOf((r) => {
      for (const f of r.features) f.citations = (f.citations ?? []).filter((c) => c.agreementId !== 'ref-ban-gioc-agreement');
    });
    expect(problems).toEqual([expect.stringMatching(/^ref-ban-gioc-agreement: a referenced document no feature is cited about/)]);
  });

  it('a date from outside the documents without its source (the three legal documents’ 2009)', () => {
    const problems = readingsOf((r) => {
      const protocol = r.agreements.find((a) => a.id === 'ref-demarcation-protocol');
      if (protocol) delete protocol.datesSource;
    });
    expect(problems).toEqual([expect.stringMatching(/^ref-demarcation-protocol: dated 2009-11-18, a date no citing clause gives/)]);
  });

  it('a crossing with neither a published point nor research saying what was searched', () => {
    const problems = readingsOf(() => {}, new Set());
    expect(problems).toContain(
      'binh-nghi: no published point within 1 km for either side, and no research note (geodata/research/positions-*.json) saying what was searched',
    );
    expect(problems.some((p) => p.startsWith('huu-nghi'))).toBe(false);
  });
});

describe('npm run geodata:report', () => {
  it('matches the committed geodata/REPORT.md (run the script after changing the record)', () => {
    expect(readFileSync(REPORT_PATH, 'utf8')).toBe(buildReport(input.record));
  });

  it('lists every feature with its citations', () => {
    const report = buildReport(input.record);
    for (const feature of input.record.features) expect(report).toContain(`| ${feature.id} |`);
    expect(report).toContain('003:6.a (2026-02-11, operating)');
  });
});
