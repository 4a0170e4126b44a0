import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import type { FlatFeature } from './flat-feature';
import { isXmlForbidden, toKml } from './kml';

/** A feature as the exports flatten it, with only the fields this test reads filled. */
const feature = (id: string, name: string): FlatFeature =>
  ({ id, geometry: { type: 'Point', coordinates: [106.7, 21.9] }, properties: { name_vi: name } }) as unknown as FlatFeature;

describe('KML of stored names', () => {
  it('stays readable XML whatever a stored name holds: control characters and a lone surrogate become U+FFFD', () => {
    const kml = toKml([feature('a', 'Cửa khẩu\u0007 Nà Sẻ\u0000'), feature('b', 'half \uD800 pair'), feature('c', 'tab\tkept')], 'Test');
    // Nothing XML 1.0 forbids is left in the file (a reader such as Google Earth or GDAL refuses the whole file).
    expect(Array.from(kml).filter((char) => isXmlForbidden(char.codePointAt(0) ?? 0))).toEqual([]);
    const document = new DOMParser().parseFromString(kml, 'text/xml');
    const names = [...Array.from(document.getElementsByTagName('name'))].map((n) => n.textContent);
    expect(names).toContain('Cửa khẩu\uFFFD Nà Sẻ\uFFFD');
    expect(names).toContain('half \uFFFD pair');
    expect(names).toContain('tab\tkept');
  });
});
