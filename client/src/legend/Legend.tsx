import type { MapFeature } from '@domain/api';
import { SHAPE_PATHS, type ShapeId, shapeOf } from '@domain/drawing/shapes';
import { drawnSides } from '@domain/drawing/to-map-features';
import { KIND_BY_ID, LEVEL_BY_ID, STATUSES, TRANSPORT_MODES } from '@domain/vocabulary';
import { useMemo } from 'react';
import { text } from '../i18n/ui-text';
import type { Language } from '../state/url-state';

type Props = { features: readonly MapFeature[] | null; language: Language };

/**
 * What the legend needs to know about the features shown, in one pass over them (it runs on every
 * filter change and date): the same rules the map draws by (domain/drawing/to-map-features.ts), read
 * from the features themselves rather than from their drawings.
 */
export function summarise(features: readonly MapFeature[] | null) {
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
  for (const { geometry, properties: p } of features ?? []) {
    // Features without a position are in the lists, not on the map.
    if (!geometry) continue;
    const status = p.status ?? 'unknown';
    if (p.kind !== 'marker') counts.set(status, (counts.get(status) ?? 0) + 1);
    if (geometry.type === 'Point' && p.kind !== 'marker' && p.kind !== 'zone') shapes.add(shapeOf(p.kind, p.level));
    const mode = p.route?.mode ?? null;
    if (mode) modes.add(mode);
    const sides = drawnSides({ geometry, properties: p });
    flags.approximate ||= p.approximate || (sides?.some((side) => side.approximate) ?? false);
    flags.upgrade ||= p.upgrade !== null;
    flags.plannedRoute ||= p.kind === 'route' && status !== 'operating';
    flags.routeMode ||= p.kind === 'route' && mode !== null;
    flags.side ||= sides !== null;
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
