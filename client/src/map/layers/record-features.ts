import { type DatedProperty, RECORD_TILE_LAYER } from '@domain/drawing/dated-drawing';
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { Language } from '../../i18n/language';
import { LABEL_FONT, scaledLabel } from '../fonts';
import { OVERDUE_BADGE_ICON } from '../icons';
import {
  COOPERATION_COLOR,
  DISAGREEMENT_COLOR,
  HIGHLIGHT,
  INK,
  labelIn,
  modeColor,
  OVERDUE_COLOR,
  PAIRING_COLOR,
  PAPER,
  recordLabelIn,
  SELECTED,
  statusColor,
} from '../palette';
import { SYMBOLS_STATE } from '../record-states';
import { drawnOnDate, onDate } from './as-of';

export const RECORD_SOURCE = 'record-features';
/**
 * The same tiles again for the symbols and labels, which are placed against each other: drawn only for the
 * features the style's global state `symbols` lists (record-states.ts), so a hidden one takes no room. A date
 * or filter change lays out this source alone, and only when a shown feature's icon or level changes or one
 * comes or goes; the other layers repaint.
 */
export const RECORD_SYMBOLS_SOURCE = 'record-symbols';
/** Where a record feature's state (date, filters, selected, highlighted) is kept: the source, its tile layer and the feature's number (`fid`). */
export const recordFeature = (number: number) => ({ source: RECORD_SOURCE, sourceLayer: RECORD_TILE_LAYER, id: number });

export const RECORD_LAYERS = {
  zones: 'record-zones',
  zoneOutlines: 'record-zone-outlines',
  pairings: 'record-pairings',
  routes: 'record-routes',
  routesPlanned: 'record-routes-planned',
  uncertainty: 'record-uncertainty',
  selection: 'record-selection',
  points: 'record-points',
  upgradeRings: 'record-upgrade-rings',
  overdue: 'record-overdue',
  overdueLines: 'record-overdue-lines',
  markers: 'record-markers',
  routeArrows: 'record-route-arrows',
  spreadLinks: 'record-spread-links',
  sideLinks: 'record-side-links',
  sides: 'record-sides',
  reportedLinks: 'record-reported-links',
  reported: 'record-reported',
  highlightPoints: 'record-highlight-points',
  highlightLines: 'record-highlight-lines',
  labels: 'record-labels',
  markerLabels: 'record-marker-labels',
} as const;

/** Layers a click can select a feature on. */
export const CLICKABLE_LAYERS = [
  'record-sides',
  'record-reported',
  RECORD_LAYERS.points,
  RECORD_LAYERS.markers,
  RECORD_LAYERS.routes,
  RECORD_LAYERS.routesPlanned,
  RECORD_LAYERS.pairings,
  RECORD_LAYERS.zones,
];

const isPoint: ExpressionSpecification = ['==', ['geometry-type'], 'Point'];
const isLine: ExpressionSpecification = ['==', ['geometry-type'], 'LineString'];
const isPolygon: ExpressionSpecification = ['==', ['geometry-type'], 'Polygon'];
const isKind = (...kinds: string[]): ExpressionSpecification => ['in', ['get', 'kind'], ['literal', kinds]];
/** Points drawn for a pair's sides and for positions sources disagree on: not symbols of their own. */
const PART_POINTS = ['side', 'reported'];
const selected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];
/** Features named by the clause being read. */
const highlighted: ExpressionSpecification = ['boolean', ['feature-state', 'highlighted'], false];
const PAIRING_DASH = [0.5, 2.5];
const COOPERATION_DASH = [3, 2];
const REPORTED_MIN_ZOOM = 8;

/**
 * How far a position may be off, drawn at true ground scale (≈5 km, or ≈10 km for "approximate")
 * and never smaller than a ring around the symbol. Metres per pixel at 22°N ≈ 145 116 / 2^zoom.
 */
const uncertaintyRadius: ExpressionSpecification = [
  'interpolate',
  ['exponential', 2],
  ['zoom'],
  6,
  14,
  9,
  ['match', ['get', 'precision'], '5km', 18, 35],
  14,
  ['match', ['get', 'precision'], '5km', 564, 1128],
];

/** A feature's entry in the symbols' global state: "shape|level" (record-states.ts `symbolValue`). */
const symbolEntry: ExpressionSpecification = ['get', ['get', 'id'], ['object', ['global-state', SYMBOLS_STATE]]];
const symbolShown: ExpressionSpecification = ['has', ['get', 'id'], ['object', ['global-state', SYMBOLS_STATE]]];
/** The shape's distance field (icons.ts `mapIcon`): one image for every status, coloured as paint. */
const symbolIcon: ExpressionSpecification = [
  'let',
  'entry',
  ['string', symbolEntry],
  ['concat', 'sdf:', ['slice', ['var', 'entry'], 0, ['index-of', '|', ['var', 'entry']]], ['case', ['get', 'approximate'], ':inset', '']],
];
const symbolLevel: ExpressionSpecification = [
  'let',
  'entry',
  ['string', symbolEntry],
  ['slice', ['var', 'entry'], ['+', ['index-of', '|', ['var', 'entry']], 1]],
];

type OpacityProperty = 'fill-opacity' | 'line-opacity' | 'circle-opacity' | 'circle-stroke-opacity' | 'icon-opacity' | 'text-opacity';
const OPACITIES: Record<string, OpacityProperty[]> = {
  fill: ['fill-opacity'],
  line: ['line-opacity'],
  circle: ['circle-opacity', 'circle-stroke-opacity'],
  symbol: ['icon-opacity', 'text-opacity'],
};

/** `value` where `shown` holds, else 0 — inside each stop of a zoom curve, which must stay the outermost expression. */
function gated(shown: ExpressionSpecification, value: unknown): unknown {
  if (Array.isArray(value) && value[0] === 'interpolate' && Array.isArray(value[2]) && value[2][0] === 'zoom') {
    return [...value.slice(0, 3), ...value.slice(3).map((stop, i) => (i % 2 === 0 ? stop : gated(shown, stop)))];
  }
  return ['case', shown, value ?? 1, 0];
}

/**
 * The record's layers. Those of the record's source draw a feature from the date the record knows it,
 * while the planner's filters keep it and the layer's own dated condition (`drawnWhen`: operating,
 * upgrading, overdue) holds — by opacity, from the feature state set for the date (as-of.ts), with
 * status, level and colours read for that date; their filters read nothing dated. The symbols and labels
 * are drawn from their own source for the features the symbols' global state lists.
 */
export function recordLayers(language: Language): LayerSpecification[] {
  return layersOf(language).map(({ drawnWhen, ...rest }) => {
    const layer = rest as LayerSpecification & LayerParts;
    if (layer.source === RECORD_SYMBOLS_SOURCE) {
      const filter = layer.filter ? ['all', symbolShown, layer.filter] : symbolShown;
      return { ...layer, 'source-layer': RECORD_TILE_LAYER, filter } as LayerSpecification;
    }
    const shown: ExpressionSpecification = drawnWhen
      ? (['all', drawnOnDate, [drawnWhen.not ? '!=' : '==', onDate(drawnWhen.property), drawnWhen.is]] as ExpressionSpecification)
      : drawnOnDate;
    const paint: Record<string, unknown> = { ...(layer.paint ?? {}) };
    for (const property of OPACITIES[layer.type] ?? []) paint[property] = gated(shown, paint[property]);
    return { ...layer, 'source-layer': RECORD_TILE_LAYER, paint } as LayerSpecification;
  });
}

/** A layer's dated condition: the feature's `property` on the date is (or, with `not`, is not) `is`. */
type DrawnWhen = { property: DatedProperty; is: string | boolean | null; not?: true };
type RecordLayer = LayerSpecification & { drawnWhen?: DrawnWhen };
/** What recordLayers reads of a layer, whatever its type. */
type LayerParts = { source: string; filter?: unknown; paint?: Record<string, unknown> };

const DRAWN_WHEN = new Map(layersOf('vi').flatMap((layer) => (layer.drawnWhen ? [[layer.id, layer.drawnWhen] as const] : [])));

/**
 * Whether a feature MapLibre found on a record layer (queryRenderedFeatures: with its tile properties and
 * feature state) is drawn there — known on the date, kept by the filters, the layer's dated condition met — as
 * the layers' opacity says; hidden features are still in the tiles.
 */
export function drawnOnLayer(hit: {
  source: string;
  layer: { id: string };
  state: Record<string, unknown>;
  properties: Record<string, unknown>;
}) {
  if (hit.source !== RECORD_SOURCE) return true;
  const s = Number(hit.state.s ?? -1);
  if (s < 0 || hit.state.out === true) return false;
  const when = DRAWN_WHEN.get(hit.layer.id);
  return !when || ((hit.properties[`${when.property}@${s}`] ?? null) === when.is) !== (when.not === true);
}

function layersOf(language: Language): RecordLayer[] {
  /** Symbol size in pixels at zoom 7: gates by level, then the smaller kinds. */
  const symbolRadius: ExpressionSpecification = [
    'match',
    ['get', 'kind'],
    'gate_pair',
    ['match', onDate('level'), 'international', 9, 7.5],
    'bridge',
    4.5,
    5.5,
  ];
  // The radius is read once (`let`): each copy of a date-reading expression is parsed again by MapLibre
  // on every date change.
  const scaledRadius = (extra: number): ExpressionSpecification => [
    'let',
    'radius',
    symbolRadius,
    ['interpolate', ['linear'], ['zoom'], 6, ['+', ['*', ['var', 'radius'], 0.85], extra], 11, ['+', ['*', ['var', 'radius'], 1.3], extra]],
  ];

  return [
    {
      // Zones: translucent areas; the dashed outline says the extent is drawn, not given.
      id: RECORD_LAYERS.zones,
      type: 'fill',
      source: RECORD_SOURCE,
      filter: ['all', isPolygon, isKind('zone')],
      paint: {
        'fill-color': statusColor(onDate('status')),
        'fill-opacity': ['case', selected, 0.35, 0.18],
      },
    },
    {
      id: RECORD_LAYERS.zoneOutlines,
      type: 'line',
      source: RECORD_SOURCE,
      filter: ['all', isPolygon, isKind('zone')],
      paint: {
        'line-color': ['case', selected, SELECTED, statusColor(onDate('status'))],
        'line-width': ['case', selected, 2.5, 1.5],
        'line-dasharray': [2, 1.5],
      },
    },
    {
      // Partnerships between places: quiet, thin — context, not traffic. Sister communes and
      // districts dotted in violet; province-level cooperation mechanisms dashed in teal.
      id: RECORD_LAYERS.pairings,
      type: 'line',
      source: RECORD_SOURCE,
      filter: ['all', isLine, isKind('pairing', 'cooperation')],
      layout: { 'line-cap': 'round' },
      paint: {
        'line-color': ['case', selected, SELECTED, ['match', ['get', 'kind'], 'cooperation', COOPERATION_COLOR, PAIRING_COLOR]],
        'line-width': ['case', selected, 3, ['match', ['get', 'kind'], 'cooperation', 1.6, 1.2]],
        'line-dasharray': ['match', ['get', 'kind'], 'cooperation', ['literal', COOPERATION_DASH], ['literal', PAIRING_DASH]],
        'line-opacity': ['case', selected, 1, 0.6],
      },
    },
    {
      // Routes that operate: solid, coloured by mode (passenger, freight, rail, air, tourism…).
      id: RECORD_LAYERS.routes,
      type: 'line',
      source: RECORD_SOURCE,
      filter: ['all', isLine, isKind('route')],
      drawnWhen: { property: 'status', is: 'operating' },
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': ['case', selected, SELECTED, modeColor],
        'line-width': ['case', selected, 4.5, 2.5],
        'line-opacity': 0.85,
      },
    },
    {
      // Routes proposed, agreed or being built: dashed, same mode colours.
      id: RECORD_LAYERS.routesPlanned,
      type: 'line',
      source: RECORD_SOURCE,
      filter: ['all', isLine, isKind('route')],
      drawnWhen: { property: 'status', is: 'operating', not: true },
      layout: { 'line-cap': 'butt', 'line-join': 'round' },
      paint: {
        'line-color': ['case', selected, SELECTED, modeColor],
        'line-width': ['case', selected, 4.5, 2.5],
        'line-dasharray': [2.5, 2],
        'line-opacity': 0.85,
      },
    },
    {
      // Close up, features the record places at one point are drawn a little apart (server map/spread-stacks.ts):
      // a thin line joins each symbol to the point where the record puts it.
      id: RECORD_LAYERS.spreadLinks,
      type: 'line',
      source: RECORD_SOURCE,
      filter: ['all', isLine, isKind('spread_link')],
      paint: { 'line-color': INK, 'line-width': 1, 'line-opacity': 0.6 },
    },
    {
      id: RECORD_LAYERS.uncertainty,
      type: 'circle',
      source: RECORD_SOURCE,
      filter: ['all', isPoint, ['get', 'approximate'], ['!', isKind('zone', ...PART_POINTS)]],
      paint: {
        'circle-radius': uncertaintyRadius,
        'circle-color': statusColor(onDate('status')),
        // Close up the disc would wash over the whole view: it fades to its outline alone by zoom 11.
        'circle-opacity': ['interpolate', ['linear'], ['zoom'], 8, 0.1, 11, 0],
        'circle-stroke-color': statusColor(onDate('status')),
        'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 8, 1, 11, 1.5],
        'circle-stroke-opacity': ['interpolate', ['linear'], ['zoom'], 8, 0.45, 11, 0.7],
        'circle-pitch-alignment': 'map',
      },
    },
    {
      id: RECORD_LAYERS.markers,
      type: 'circle',
      source: RECORD_SOURCE,
      filter: ['all', isPoint, isKind('marker')],
      minzoom: 7,
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 7, 2, 12, 4.5],
        'circle-color': ['case', ['get', 'approximate'], PAPER, INK],
        'circle-stroke-color': ['case', selected, SELECTED, INK],
        'circle-stroke-width': ['case', selected, 2.5, 1.2],
      },
    },
    {
      // The selected feature: a dark ring under its symbol (feature-state, no data rebuild).
      id: RECORD_LAYERS.selection,
      type: 'circle',
      source: RECORD_SOURCE,
      filter: ['all', isPoint, ['!', isKind('marker', 'zone', ...PART_POINTS)]],
      paint: {
        'circle-radius': scaledRadius(4),
        'circle-opacity': 0,
        'circle-stroke-color': SELECTED,
        'circle-stroke-width': 3,
        'circle-stroke-opacity': ['case', selected, 1, 0],
      },
    },
    {
      // Gates, channels, openings, markets, roads, bridges and crossings: shape by level (or kind),
      // colour by status (paint: the shape is a distance field, icons.ts), hollow when the position is approximate.
      id: RECORD_LAYERS.points,
      type: 'symbol',
      source: RECORD_SYMBOLS_SOURCE,
      filter: ['all', isPoint, ['!', isKind('marker', 'zone', ...PART_POINTS)]],
      layout: {
        'icon-image': symbolIcon,
        'icon-size': [
          'interpolate',
          ['linear'],
          ['zoom'],
          6,
          ['match', symbolLevel, 'international', 0.85, 'bilateral', 0.72, 0.6],
          11,
          ['match', symbolLevel, 'international', 1.25, 'bilateral', 1.1, 0.95],
        ],
        'icon-allow-overlap': true,
        'symbol-sort-key': ['-', 10, ['get', 'rank']],
      },
      paint: {
        // Filled with the status colour and edged in white, or (approximate position) white edged thickly in it.
        'icon-color': ['case', ['get', 'approximate'], PAPER, statusColor(onDate('status'))],
        'icon-halo-color': ['case', ['get', 'approximate'], statusColor(onDate('status')), PAPER],
        // The legend's edges: 3.2 px centred on the outline (the hollow shape's field is inset by half), 0.9 px
        // outside it (widths in the field's units: icons.ts FIELD_STEP).
        'icon-halo-width': ['case', ['get', 'approximate'], 4.3, 1.2],
      },
    },
    {
      id: RECORD_LAYERS.upgradeRings,
      type: 'circle',
      source: RECORD_SOURCE,
      filter: ['all', isPoint, ['!', isKind(...PART_POINTS)]],
      drawnWhen: { property: 'upgradeStatus', is: null, not: true },
      paint: {
        'circle-radius': scaledRadius(5),
        'circle-opacity': 0,
        'circle-stroke-color': statusColor(onDate('upgradeStatus')),
        'circle-stroke-width': 2.5,
      },
    },
    {
      // A commitment past its deadline with no document saying it was reached (domain/targets.ts): a red badge
      // at the symbol's upper right, read at a glance, explained in the legend. Follows the slider's date.
      id: RECORD_LAYERS.overdue,
      type: 'circle',
      source: RECORD_SOURCE,
      filter: ['all', isPoint, ['!', isKind('marker', 'zone', ...PART_POINTS)]],
      drawnWhen: { property: 'overdue', is: true },
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 6, 3.5, 11, 5],
        'circle-color': OVERDUE_COLOR,
        'circle-stroke-color': PAPER,
        'circle-stroke-width': 1.5,
        'circle-translate': [8, -8],
      },
    },
    {
      // The same badge on a pairing or a route whose commitment is overdue, at the middle of its line.
      id: RECORD_LAYERS.overdueLines,
      type: 'symbol',
      source: RECORD_SOURCE,
      filter: ['all', isLine, isKind('pairing', 'cooperation', 'route')],
      drawnWhen: { property: 'overdue', is: true },
      layout: {
        'symbol-placement': 'line-center',
        'icon-image': OVERDUE_BADGE_ICON,
        'icon-size': ['interpolate', ['linear'], ['zoom'], 6, 0.6, 11, 0.8],
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
      },
    },
    {
      // Both sides of a pair, linked, once zoomed in enough to tell them apart.
      id: RECORD_LAYERS.sideLinks,
      type: 'line',
      source: RECORD_SOURCE,
      filter: ['all', isLine, isKind('side_link')],
      minzoom: 10,
      paint: { 'line-color': INK, 'line-width': 1.5, 'line-dasharray': [1, 1.5], 'line-opacity': 0.7 },
    },
    {
      id: RECORD_LAYERS.sides,
      type: 'circle',
      source: RECORD_SOURCE,
      filter: ['all', isPoint, isKind('side')],
      minzoom: 10,
      paint: {
        'circle-radius': 5,
        'circle-color': ['case', ['get', 'approximate'], PAPER, statusColor(onDate('status'))],
        'circle-stroke-color': ['case', ['get', 'approximate'], statusColor(onDate('status')), INK],
        'circle-stroke-width': 1.5,
      },
    },
    {
      // Positions published sources disagree on: the other point as a hollow ring, joined to the
      // side's point by a thin dashed line. Shown from a regional zoom: the gaps are kilometres.
      id: RECORD_LAYERS.reportedLinks,
      type: 'line',
      source: RECORD_SOURCE,
      filter: ['all', isLine, isKind('reported_link')],
      minzoom: REPORTED_MIN_ZOOM,
      paint: { 'line-color': DISAGREEMENT_COLOR, 'line-width': 1.2, 'line-dasharray': [2, 2] },
    },
    {
      id: RECORD_LAYERS.reported,
      type: 'circle',
      source: RECORD_SOURCE,
      filter: ['all', isPoint, isKind('reported')],
      minzoom: REPORTED_MIN_ZOOM,
      paint: {
        'circle-radius': 5,
        'circle-color': PAPER,
        'circle-opacity': 0,
        'circle-stroke-color': ['case', selected, SELECTED, DISAGREEMENT_COLOR],
        'circle-stroke-width': 2,
      },
    },
    {
      // Direction of travel: the order the documents list the route's places in.
      id: RECORD_LAYERS.routeArrows,
      type: 'symbol',
      source: RECORD_SOURCE,
      filter: ['all', isLine, isKind('route')],
      minzoom: 6.5,
      layout: {
        'symbol-placement': 'line',
        'symbol-spacing': 90,
        'text-field': '›',
        'text-font': [LABEL_FONT],
        'text-size': 18,
        'text-keep-upright': false,
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { 'text-color': modeColor, 'text-halo-color': PAPER, 'text-halo-width': 1.5 },
    },
    {
      // A halo around everything the selected clause names; invisible otherwise.
      id: RECORD_LAYERS.highlightLines,
      type: 'line',
      source: RECORD_SOURCE,
      filter: ['any', isLine, isPolygon],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': HIGHLIGHT, 'line-width': 8, 'line-opacity': ['case', highlighted, 0.45, 0] },
    },
    {
      id: RECORD_LAYERS.highlightPoints,
      type: 'circle',
      source: RECORD_SOURCE,
      filter: isPoint,
      paint: {
        'circle-radius': scaledRadius(9),
        'circle-opacity': 0,
        'circle-stroke-color': HIGHLIGHT,
        'circle-stroke-width': 3,
        'circle-stroke-opacity': ['case', highlighted, 1, 0],
      },
    },
    {
      id: RECORD_LAYERS.labels,
      type: 'symbol',
      source: RECORD_SYMBOLS_SOURCE,
      filter: [
        'all',
        ['any', isPoint, isPolygon],
        ['!', isKind('marker', ...PART_POINTS)],
        ['any', isKind('gate_pair'), ['>=', ['zoom'], 8]],
      ],
      layout: {
        'text-field': recordLabelIn(language),
        'text-font': [LABEL_FONT],
        'text-size': scaledLabel(['match', ['get', 'kind'], 'gate_pair', 12.5, 11]),
        'text-variable-anchor': ['top', 'bottom', 'right', 'left'],
        'text-radial-offset': 1.1,
        'text-justify': 'auto',
        'text-max-width': 11,
        'symbol-sort-key': ['get', 'rank'],
      },
      paint: { 'text-color': INK, 'text-halo-color': PAPER, 'text-halo-width': 1.6 },
    },
    {
      id: RECORD_LAYERS.markerLabels,
      type: 'symbol',
      source: RECORD_SYMBOLS_SOURCE,
      filter: ['all', isPoint, isKind('marker')],
      minzoom: 10,
      layout: {
        'text-field': labelIn(language),
        'text-font': [LABEL_FONT],
        'text-size': scaledLabel(10.5),
        'text-anchor': 'left',
        'text-offset': [0.7, 0],
      },
      paint: { 'text-color': INK, 'text-halo-color': PAPER, 'text-halo-width': 1.4 },
    },
  ];
}
