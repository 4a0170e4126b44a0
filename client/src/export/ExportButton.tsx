import type { Filters } from '@domain/filters';
import { visibleFeatures } from '@domain/record-on-date';
import type { Agreement } from '@domain/schemas';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useAgreements, useProvinces } from '../api/record-queries';
import { loadWholeRecord } from '../api/view-queries';
import { describeFilters } from '../filters/describe-filters';
import type { Language } from '../i18n/language';
import { asString, useRecordText } from '../i18n/record-text';
import { nameIn, reportedOn, text } from '../i18n/ui-text';
import type { MapHandle } from '../map/map-handle';
import { todayIso } from '../time/dates';
import { downloadBlob } from './download';
import { EXPORT_SIZES } from './export-sizes';
import { statusLegend, symbolLegend } from './map-caption';

type Props = {
  map: () => MapHandle | null;
  /** The date and filters the map shows. */
  filters: Filters;
  title: string;
  language: Language;
};

/** Saves the map as a PNG for slides or print, with its title, legend, date, scale, attribution and citations. */
export function ExportButton({ map, filters, title, language }: Props) {
  const { showName } = useRecordText(language);
  const queryClient = useQueryClient();
  const [sizeId, setSizeId] = useState(EXPORT_SIZES[0].id);
  const [busy, setBusy] = useState(false);
  const agreements = useAgreements();
  const provinces = useProvinces();
  const run = async () => {
    const source = map();
    const size = EXPORT_SIZES.find((s) => s.id === sizeId) ?? EXPORT_SIZES[0];
    if (!source) return;
    setBusy(true);
    try {
      // The caption cites the steps behind every feature in the frame: the record is loaded for it.
      // MapLibre's off-screen drawing is loaded with it, never with the page.
      const [{ collection, index }, { exportMapPng }] = await Promise.all([loadWholeRecord(queryClient), import('./export-png')]);
      const { asOf } = filters;
      const features = visibleFeatures(collection, index, filters, todayIso());
      const [west, south, east, north] = source.bounds();
      const inView = ([lng, lat]: number[]) => lng >= west && lng <= east && lat >= south && lat <= north;
      const shown = features.filter((f) => f.geometry && (f.geometry.type !== 'Point' || inView(f.geometry.coordinates)));
      const date = asOf ?? todayIso();
      const citations = shown
        .filter((f) => f.properties.status)
        .map((f) => {
          const steps = (index.eventsByFeature.get(f.id) ?? []).filter((e) => e.date <= date);
          const clauses = [...new Set(steps.map((e) => e.clauseId))].slice(-3).join(', ');
          // The date the status was last reported: the image must not pass a 2023 statement off as today's.
          const reported = f.properties.since ? ` · ${reportedOn(f.properties.since, language)}` : '';
          return `${nameIn(f.properties.name, language)} — ${clauses || '—'}${reported}`;
        });
      const legend = [...statusLegend(shown, language), ...symbolLegend(shown, language)];
      // The date and every filter that narrows the map, in words: an image passed on must say what it leaves out.
      const names = {
        agreements: agreements.data ?? [],
        provinces: provinces.data ?? [],
        titleOf: (agreementTitle: Agreement['title']) => asString(showName(agreementTitle), language),
      };
      const blob = await exportMapPng(source, filters, size, {
        title,
        dateStamp: describeFilters({ ...filters, asOf: date }, language, names),
        legend,
        citations,
        attribution: source.attribution(),
      });
      downloadBlob(blob, `border-atlas-${date}-${size.width}x${size.height}.png`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="export">
      <select aria-label={text('exportSize', language)} value={sizeId} onChange={(event) => setSizeId(event.target.value)}>
        {EXPORT_SIZES.map((size) => (
          <option key={size.id} value={size.id}>
            {size.label}
          </option>
        ))}
      </select>
      <button type="button" onClick={run} disabled={busy}>
        {busy ? text('loading', language) : text('exportPng', language)}
      </button>
    </div>
  );
}
