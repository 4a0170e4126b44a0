import { type Filters, writeFilters } from '../filters/filters';
import type { Language } from '../i18n/language';
import { text } from '../i18n/ui-text';

/** The files the API makes of the filtered set (GET /api/export/…, same parameters as /api/features). */
const DOWNLOADS = [
  { path: 'features.geojson', label: 'GeoJSON' },
  { path: 'features.csv', label: 'CSV (Excel)' },
  { path: 'features.kml', label: 'KML (Google Earth)' },
  { path: 'events.csv', label: 'historyCsv' },
] as const;

/** Downloads of what the map shows: the current date and filters, as GIS and spreadsheet files. */
export function DataDownloads({ filters, language }: { filters: Filters; language: Language }) {
  const params = new URLSearchParams();
  writeFilters(filters, params);
  const query = params.toString();
  return (
    <details className="data-downloads">
      <summary>{text('downloadData', language)}</summary>
      <div className="data-downloads-menu">
        <ul>
          {DOWNLOADS.map((download) => (
            <li key={download.path}>
              <a href={`/api/export/${download.path}${query ? `?${query}` : ''}`} download data-format={download.path}>
                {download.label === 'historyCsv' ? text('historyCsv', language) : download.label}
              </a>
            </li>
          ))}
        </ul>
        <p className="muted">{text('downloadDataHint', language)}</p>
      </div>
    </details>
  );
}
