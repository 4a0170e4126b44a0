import type { FeatureDetailResponse } from '@domain/api';
import { STATUS_BY_ID, TRANSPORT_MODES } from '@domain/vocabulary';
import { useState } from 'react';
import { useFeatureDetail } from '../api/queries';
import { useRoutes } from '../api/view-queries';
import type { Language } from '../i18n/language';
import { nameIn, text } from '../i18n/ui-text';

type Props = { route: FeatureDetailResponse; language: Language };

/** Two routes side by side: length, places, crossing, status. */
export function RouteComparison({ route, language }: Props) {
  const features = useRoutes();
  const [otherId, setOtherId] = useState<string | null>(null);
  const other = useFeatureDetail(otherId);
  const routes = (features.data?.features ?? []).filter(
    (f) => f.properties.kind === 'route' && f.properties.waypoints && f.id !== route.id,
  );
  const column = (feature: FeatureDetailResponse) => {
    const mode = TRANSPORT_MODES.find((m) => m.id === feature.properties.route?.mode);
    const status = feature.properties.status ? STATUS_BY_ID[feature.properties.status] : null;
    return {
      name: nameIn(feature.properties.name, language),
      mode: mode?.label[language] ?? '—',
      length: feature.properties.lengthKm === null ? '—' : `${feature.properties.lengthKm} km`,
      places: (feature.properties.waypoints ?? []).map((w) => nameIn(w.name, language)).join(' → '),
      crossing:
        feature.related
          .filter((link) => link.relation === 'crosses_at')
          .map((link) => nameIn(link.name, language))
          .join(', ') || '—',
      status: status ? status.label[language] : '—',
    };
  };
  const rows: [string, keyof ReturnType<typeof column>][] = [
    [text('kind', language), 'mode'],
    [text('length', language), 'length'],
    [text('routeWaypoints', language), 'places'],
    [text('crossing', language), 'crossing'],
    [text('status', language), 'status'],
  ];
  const left = column(route);
  const right = other.data ? column(other.data) : null;
  return (
    <section className="route-compare">
      <label>
        {text('compareWith', language)}{' '}
        <select value={otherId ?? ''} onChange={(event) => setOtherId(event.target.value || null)}>
          <option value="">—</option>
          {routes.map((f) => (
            <option key={f.id} value={f.id}>
              {nameIn(f.properties.name, language)}
            </option>
          ))}
        </select>
      </label>
      {right && (
        <table className="compare-table">
          <thead>
            <tr>
              <th scope="col" />
              <th scope="col">{left.name}</th>
              <th scope="col">{right.name}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, key]) => (
              <tr key={key} className={left[key] === right[key] ? 'same' : 'differs'}>
                <th scope="row">{label}</th>
                <td>{left[key]}</td>
                <td>{right[key]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
