import { KIND_BY_ID, LEVEL_BY_ID, STATUSES, TRANSPORT_MODES } from '@domain/vocabulary';
import type { FeatureCollection, Geometry } from 'geojson';
import { text } from '../i18n/ui-text';
import { parseIconName, SHAPE_PATHS, type ShapeId } from '../map/shapes';
import { isDrawingPart, type MapFeatureProperties } from '../map/to-map-features';
import type { Language } from '../state/url-state';

type Props = { features: FeatureCollection<Geometry, MapFeatureProperties> | null; language: Language };

/** Explains every colour and symbol on the map, with how many features carry each status. */
export function Legend({ features, language }: Props) {
  const counts = new Map<string, number>();
  for (const feature of features?.features ?? []) {
    if (feature.properties.kind === 'marker' || isDrawingPart(feature.properties)) continue;
    counts.set(feature.properties.status, (counts.get(feature.properties.status) ?? 0) + 1);
  }
  const shown = STATUSES.filter((status) => (counts.get(status.id) ?? 0) > 0);
  const has = (test: (p: MapFeatureProperties) => boolean) => features?.features.some((f) => test(f.properties)) ?? false;
  const shapes = [
    ...new Set(
      (features?.features ?? [])
        .filter((f) => f.geometry.type === 'Point' && !['marker', 'zone'].includes(f.properties.kind))
        .map((f) => parseIconName(f.properties.icon)?.shape),
    ),
  ].filter((shape): shape is ShapeId => shape !== undefined);
  const shapeLabel = (shape: ShapeId) =>
    shape === 'crossing'
      ? KIND_BY_ID.route.label[language]
      : shape === 'bridge'
        ? KIND_BY_ID.bridge.label[language]
        : LEVEL_BY_ID[shape].label[language];
  return (
    <section className="legend" aria-label={text('legend', language)}>
      <h2>{text('legend', language)}</h2>
      <ul>
        {shown.map((status) => (
          <li key={status.id} data-status={status.id}>
            <span className="swatch" style={{ background: status.color }} />
            <span className="legend-label">{status.label[language]}</span>
            <span className="count">{counts.get(status.id)}</span>
          </li>
        ))}
      </ul>
      <details className="legend-more">
        <summary>{text('symbols', language)}</summary>
        <ul className="legend-symbols">
          {shapes.map((shape) => (
            <li key={shape} data-shape={shape}>
              <svg className="shape-swatch" viewBox="0 0 24 24" width="14" height="14" aria-hidden="true">
                <path d={SHAPE_PATHS[shape]} fill="#6b6f80" />
              </svg>
              {shapeLabel(shape)}
            </li>
          ))}
          <li>
            <span className="swatch solid" />
            {text('exact', language)}
          </li>
          {has((p) => p.approximate) && (
            <li>
              <span className="swatch hollow" />
              {text('approximate', language)}
            </li>
          )}
          {has((p) => p.upgradeStatus !== null) && (
            <li>
              <span className="swatch ring" />
              {text('upgradeRing', language)}
            </li>
          )}
          {TRANSPORT_MODES.filter((mode) => has((p) => p.mode === mode.id)).map((mode) => (
            <li key={mode.id} data-mode={mode.id}>
              <span className="swatch line" style={{ borderTopColor: mode.color }} />
              {mode.label[language]}
            </li>
          ))}
          {has((p) => p.kind === 'route' && p.status !== 'operating') && (
            <li>
              <span className="swatch dashed" />
              {text('plannedRoute', language)}
            </li>
          )}
          {has((p) => p.kind === 'route' && p.mode !== null) && (
            <li>
              <span className="arrow-swatch" aria-hidden="true">
                ›
              </span>
              {text('routeDirection', language)}
            </li>
          )}
          {has((p) => p.kind === 'side') && (
            <li>
              <span className="swatch dotted" style={{ borderTopColor: '#2b2d42' }} />
              {text('sidesLinked', language)}
            </li>
          )}
          {has((p) => p.kind === 'zone') && (
            <li>
              <span className="swatch zone" />
              {text('zoneArea', language)}
            </li>
          )}
          {has((p) => p.kind === 'pairing') && (
            <li>
              <span className="swatch dotted" />
              {text('pairing', language)}
            </li>
          )}
          {has((p) => p.schematic) && <li className="legend-note">{text('schematic', language)}</li>}
          {has((p) => p.kind === 'marker') && (
            <li>
              <span className="swatch marker" />
              {text('marker', language)}
            </li>
          )}
        </ul>
      </details>
    </section>
  );
}
