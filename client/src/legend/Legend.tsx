import { parseIconName, SHAPE_PATHS, type ShapeId } from '@domain/drawing/shapes';
import { isDrawingPart, type MapFeatureProperties } from '@domain/drawing/to-map-features';
import { KIND_BY_ID, LEVEL_BY_ID, STATUSES, TRANSPORT_MODES } from '@domain/vocabulary';
import type { FeatureCollection, Geometry } from 'geojson';
import { useMemo } from 'react';
import { text } from '../i18n/ui-text';
import type { Language } from '../state/url-state';

type Props = { features: FeatureCollection<Geometry, MapFeatureProperties> | null; language: Language };

/** What the legend needs to know about the features shown, in one pass (it runs on every filter change). */
function summarise(features: FeatureCollection<Geometry, MapFeatureProperties> | null) {
  const counts = new Map<string, number>();
  const shapes = new Set<ShapeId>();
  const modes = new Set<string>();
  const flags = {
    approximate: false,
    upgrade: false,
    plannedRoute: false,
    routeMode: false,
    side: false,
    zone: false,
    pairing: false,
    schematic: false,
    marker: false,
  };
  const iconShapes = new Map<string, ShapeId | undefined>();
  for (const { geometry, properties: p } of features?.features ?? []) {
    if (p.kind !== 'marker' && !isDrawingPart(p)) counts.set(p.status, (counts.get(p.status) ?? 0) + 1);
    if (geometry.type === 'Point' && p.kind !== 'marker' && p.kind !== 'zone') {
      if (!iconShapes.has(p.icon)) iconShapes.set(p.icon, parseIconName(p.icon)?.shape);
      const shape = iconShapes.get(p.icon);
      if (shape) shapes.add(shape);
    }
    if (p.mode) modes.add(p.mode);
    flags.approximate ||= p.approximate;
    flags.upgrade ||= p.upgradeStatus !== null;
    flags.plannedRoute ||= p.kind === 'route' && p.status !== 'operating';
    flags.routeMode ||= p.kind === 'route' && p.mode !== null;
    flags.side ||= p.kind === 'side';
    flags.zone ||= p.kind === 'zone';
    flags.pairing ||= p.kind === 'pairing';
    flags.schematic ||= p.schematic;
    flags.marker ||= p.kind === 'marker';
  }
  return { counts, shapes: [...shapes], modes, flags };
}

/** Explains every colour and symbol on the map, with how many features carry each status. */
export function Legend({ features, language }: Props) {
  const { counts, shapes, modes, flags } = useMemo(() => summarise(features), [features]);
  const shown = STATUSES.filter((status) => (counts.get(status.id) ?? 0) > 0);
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
          {flags.approximate && (
            <li>
              <span className="swatch hollow" />
              {text('approximate', language)}
            </li>
          )}
          {flags.upgrade && (
            <li>
              <span className="swatch ring" />
              {text('upgradeRing', language)}
            </li>
          )}
          {TRANSPORT_MODES.filter((mode) => modes.has(mode.id)).map((mode) => (
            <li key={mode.id} data-mode={mode.id}>
              <span className="swatch line" style={{ borderTopColor: mode.color }} />
              {mode.label[language]}
            </li>
          ))}
          {flags.plannedRoute && (
            <li>
              <span className="swatch dashed" />
              {text('plannedRoute', language)}
            </li>
          )}
          {flags.routeMode && (
            <li>
              <span className="arrow-swatch" aria-hidden="true">
                ›
              </span>
              {text('routeDirection', language)}
            </li>
          )}
          {flags.side && (
            <li>
              <span className="swatch dotted" style={{ borderTopColor: '#2b2d42' }} />
              {text('sidesLinked', language)}
            </li>
          )}
          {flags.zone && (
            <li>
              <span className="swatch zone" />
              {text('zoneArea', language)}
            </li>
          )}
          {flags.pairing && (
            <li>
              <span className="swatch dotted" />
              {text('pairing', language)}
            </li>
          )}
          {flags.schematic && <li className="legend-note">{text('schematic', language)}</li>}
          {flags.marker && (
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
