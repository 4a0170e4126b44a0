import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkRecord, loadCheckInput } from '../../scripts/geodata-check';
import { buildReport, REPORT_PATH } from '../../scripts/geodata-report';

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
