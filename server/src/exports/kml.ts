import { STATUSES } from '../domain/vocabulary';
import { asText, FLAT_FIELD_TYPES, FLAT_FIELDS, type FlatFeature } from './flat-feature';

/**
 * Characters XML 1.0 cannot hold at all, even escaped: C0 controls but tab, line feed and carriage return; U+FFFE,
 * U+FFFF; a surrogate without its pair (iterating by code point, a lone one comes alone). One of them in a stored name
 * would make the whole file unreadable, so each becomes U+FFFD, visibly, rather than vanish.
 */
export const isXmlForbidden = (code: number) =>
  (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) ||
  code === 0xfffe ||
  code === 0xffff ||
  (code >= 0xd800 && code <= 0xdfff);

const xmlSafe = (text: string) => Array.from(text, (char) => (isXmlForbidden(char.codePointAt(0) ?? 0) ? '\uFFFD' : char)).join('');

const escapeXml = (text: string) =>
  xmlSafe(text)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');

/** KML colours are aabbggrr. */
const kmlColor = (hex: string) => `ff${hex.slice(5, 7)}${hex.slice(3, 5)}${hex.slice(1, 3)}`;

function geometryKml(feature: FlatFeature): string {
  const g = feature.geometry;
  if (!g) return '';
  if (g.type === 'Point') return `<Point><coordinates>${g.coordinates[0]},${g.coordinates[1]}</coordinates></Point>`;
  if (g.type === 'LineString')
    return `<LineString><tessellate>1</tessellate><coordinates>${g.coordinates.map((c) => `${c[0]},${c[1]}`).join(' ')}</coordinates></LineString>`;
  throw new Error(`no KML writer for ${g.type}`);
}

/**
 * KML 2.2 for Google Earth: one Placemark per feature (named in Vietnamese, with English and Chinese
 * in its description and every column in typed ExtendedData), styled by status.
 */
export function toKml(features: readonly FlatFeature[], title: string): string {
  const styles = STATUSES.map(
    (status) =>
      `<Style id="status-${status.id}"><IconStyle><color>${kmlColor(status.color)}</color></IconStyle><LineStyle><color>${kmlColor(status.color)}</color><width>3</width></LineStyle></Style>`,
  ).join('\n');
  const schema = `<Schema name="border_atlas" id="border_atlas">${FLAT_FIELDS.map(
    (field) =>
      `<SimpleField name="${field}" type="${FLAT_FIELD_TYPES[field] === 'number' ? 'double' : FLAT_FIELD_TYPES[field] === 'boolean' ? 'bool' : 'string'}"/>`,
  ).join('')}</Schema>`;
  const placemarks = features.map((feature) => {
    const p = feature.properties;
    const description = [
      [p.name_en, p.name_zh].filter(Boolean).join(' · '),
      p.status_vi ? `${p.status_vi} / ${p.status_en} (${p.as_of})` : null,
      // The status as the latest document on it says: a 2023 statement is not a fact of the file's date.
      p.status_vi && p.last_reported ? `Theo văn bản / as reported on ${p.last_reported} (${p.last_reported_in})` : null,
      p.zh_inferred ? 'Tên tiếng Trung suy đoán / Chinese name inferred (not found in a source)' : null,
      asText(p.status_clauses) ? `Clauses: ${asText(p.status_clauses)}` : null,
      p.approximate ? 'Approximate position / Vị trí ước lượng' : null,
    ]
      .filter(Boolean)
      .join('\n');
    const data = FLAT_FIELDS.map((field) => `<SimpleData name="${field}">${escapeXml(asText(p[field]))}</SimpleData>`).join('');
    return [
      `<Placemark id="${escapeXml(feature.id)}">`,
      `<name>${escapeXml(String(p.name_vi))}</name>`,
      `<description>${escapeXml(description)}</description>`,
      p.status ? `<styleUrl>#status-${p.status}</styleUrl>` : '',
      `<ExtendedData><SchemaData schemaUrl="#border_atlas">${data}</SchemaData></ExtendedData>`,
      geometryKml(feature),
      '</Placemark>',
    ].join('');
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2">
<Document>
<name>${escapeXml(title)}</name>
${schema}
${styles}
${placemarks.join('\n')}
</Document>
</kml>
`;
}
