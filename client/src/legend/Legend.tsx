import { SHAPE_PATHS, type ShapeId } from '@domain/drawing/shapes';
import { type LegendSummary, summariseLegend } from '@domain/legend-summary';
import { KIND_BY_ID, LEVEL_BY_ID, STATUSES, TRANSPORT_MODES } from '@domain/vocabulary';
import { memo, useState } from 'react';
import type { Language } from '../i18n/language';
import { text } from '../i18n/ui-text';
import { COOPERATION_COLOR, DISAGREEMENT_COLOR, INK, INK_MUTED, PAIRING_COLOR } from '../map/palette';

type Props = {
  summary: LegendSummary | null;
  language: Language;
  /** The deployment's own basemap while it is drawn (README "Your own basemap"); null: the embedded basemap. */
  basemap?: string | null;
};

const NONE: LegendSummary = summariseLegend([]);

/** Explains every colour and symbol on the map (GET /api/view's legend), with how many features carry each status. */
export const Legend = memo(function Legend({ summary, language, basemap = null }: Props) {
  const { counts, shapes, modes, flags } = summary ?? NONE;
  const shown = STATUSES.filter((status) => (counts[status.id] ?? 0) > 0);
  const shapeLabel = (shape: ShapeId) =>
    shape === 'crossing'
      ? KIND_BY_ID.route.label[language]
      : shape === 'bridge'
        ? KIND_BY_ID.bridge.label[language]
        : LEVEL_BY_ID[shape].label[language];
  // Folded on a phone, where open it would cover most of the map; one tap opens it.
  const [open, setOpen] = useState(() => !window.matchMedia?.('(max-width: 800px)').matches);
  return (
    <section className={open ? 'legend' : 'legend folded'} aria-label={text('legend', language)}>
      <h2>
        <button type="button" className="legend-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
          {text('legend', language)} <span aria-hidden="true">{open ? '▾' : '▸'}</span>
        </button>
      </h2>
      <ul hidden={!open}>
        {shown.map((status) => (
          <li key={status.id} data-status={status.id}>
            <span className="swatch" style={{ background: status.color }} />
            <span className="legend-label">{status.label[language]}</span>
            <span className="count">{counts[status.id]}</span>
          </li>
        ))}
      </ul>
      <details className="legend-more" hidden={!open}>
        <summary>{text('symbols', language)}</summary>
        <ul className="legend-symbols">
          {shapes.map((shape) => (
            <li key={shape} data-shape={shape}>
              <svg className="shape-swatch" viewBox="0 0 24 24" width="14" height="14" aria-hidden="true">
                <path d={SHAPE_PATHS[shape]} fill={INK_MUTED} />
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
          {flags.overdue && (
            <li data-legend="overdue">
              <span className="overdue-mark" aria-hidden="true" />
              {text('overdueLegend', language)}
            </li>
          )}
          {TRANSPORT_MODES.filter((mode) => modes.includes(mode.id)).map((mode) => (
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
              <span className="swatch dotted" style={{ borderTopColor: INK }} />
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
            <li data-legend="pairing">
              <span className="swatch dotted" style={{ borderTopColor: PAIRING_COLOR }} />
              {text('pairing', language)}
            </li>
          )}
          {flags.cooperation && (
            <li data-legend="cooperation">
              <span className="swatch dashed" style={{ borderTopColor: COOPERATION_COLOR }} />
              {text('cooperation', language)}
            </li>
          )}
          {flags.positionsDisagree && (
            <li data-legend="positions-disagree">
              <svg className="shape-swatch" viewBox="0 0 24 14" width="24" height="14" aria-hidden="true">
                <circle cx="4" cy="7" r="3" fill={INK_MUTED} />
                <line x1="7" y1="7" x2="15" y2="7" stroke={DISAGREEMENT_COLOR} strokeWidth="1.5" strokeDasharray="2 2" />
                <circle cx="19" cy="7" r="3.6" fill="none" stroke={DISAGREEMENT_COLOR} strokeWidth="1.8" />
              </svg>
              {text('positionsDisagree', language)}
            </li>
          )}
          {flags.schematic && <li className="legend-note">{text('schematic', language)}</li>}
          {flags.marker && (
            <li>
              <span className="swatch marker" />
              {text('marker', language)}
            </li>
          )}
          {basemap && (
            <li className="legend-note" data-legend="basemap">
              {text('basemapName', language)}: {basemap}
            </li>
          )}
        </ul>
      </details>
    </section>
  );
});
