import type { Geometry } from 'geojson';

export type CsvValue = string | number | boolean | null | undefined;

/** Byte-order mark: Excel reads the file as UTF-8 only when it starts with one. */
const BOM = '\uFEFF';

/**
 * Text a spreadsheet could read as a formula: = + - @ first, also after leading whitespace (Excel and
 * LibreOffice skip spaces, tabs and line breaks before one: " =3+3" runs), their full-width forms
 * U+FF1D U+FF0B U+FF0D U+FF20 (an East Asian keyboard's, which some spreadsheets take as formulas too), and any cell that
 * starts with a tab, CR or LF.
 */
const FORMULA_LIKE = /^(?:[\t\r\n]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;

function cell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  // Text an editor typed that starts like a formula would run as one in Excel: kept as text.
  const text = typeof value === 'string' && FORMULA_LIKE.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 CSV (CRLF, quotes doubled), UTF-8 with BOM: Vietnamese and Chinese open correctly in Excel. */
export function toCsv(columns: readonly string[], rows: readonly Record<string, CsvValue>[]): string {
  const lines = [columns.map(cell).join(','), ...rows.map((row) => columns.map((column) => cell(row[column])).join(','))];
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** Well-known text of a point or line (lon lat order), empty for no geometry. */
export function toWkt(geometry: Geometry | null): string {
  if (!geometry) return '';
  if (geometry.type === 'Point') return `POINT (${geometry.coordinates[0]} ${geometry.coordinates[1]})`;
  if (geometry.type === 'LineString') return `LINESTRING (${geometry.coordinates.map((c) => `${c[0]} ${c[1]}`).join(', ')})`;
  throw new Error(`no WKT writer for ${geometry.type}`);
}
