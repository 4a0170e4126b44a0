import type { FeatureCollectionResponse } from '@domain/api';
import type { Geometry } from 'geojson';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { Protocol } from 'pmtiles';
import type { Filters } from '../filters/filters';
import { NO_FILTERS } from '../filters/filters';
import type { Language } from '../i18n/language';
import { noteTileRequest } from '../offline/tile-requests';
import { markUpdateDone, PERFORMANCE_MARKS } from '../performance-marks';
import type { MapViewState } from '../state/url-state';
import { applyRecordViews } from './apply-record-view';
import { ATTRIBUTION } from './attribution';
import type { Basemap } from './basemap-data';
import { clearArea, inClearArea, PANEL_SHOWN_EVENT } from './clear-area';
import { LABEL_SCALE_STATE, PRESENTATION_LABEL_SCALE } from './fonts';
import { ICON_PIXEL_RATIO, mapIcon } from './icons';
import { PLACE_LABEL_LAYER, PROVINCE_LABEL_LAYER } from './layers/basemap';
import { isOwnBasemapId, ownBasemapAttribution, ownBasemapLayers } from './layers/own-basemap';
import {
  CLICKABLE_LAYERS,
  drawnOnLayer,
  RECORD_LAYERS,
  RECORD_SOURCE,
  RECORD_SYMBOLS_SOURCE,
  recordFeature,
} from './layers/record-features';
import { ROUTE_FOCUS_SOURCES, type RouteFocus, waypointFeatures } from './layers/route-focus';
import { panLimits, REGION_BOUNDS } from './map-region';
import { DRAFT_PLACE, labelIn, recordLabelIn } from './palette';
import type { RecordStates } from './record-states';
import { pointAlong } from './route-animation';
import { buildStyle, recordLater } from './style';

// MapLibre 6 under Vite: the worker must be pointed at explicitly or the built app never draws.
maplibregl.setWorkerUrl(workerUrl);
// A deployment's PMTiles archive (README "Your own basemap"): its tiles read by byte ranges from this server, for
// the live map and the maps drawn off screen alike.
maplibregl.addProtocol('pmtiles', new Protocol().tile);

const PLAIN_LABEL_LAYERS = [PLACE_LABEL_LAYER, PROVINCE_LABEL_LAYER, RECORD_LAYERS.markerLabels];

/** Every vertex of a drawn feature, for fitting the view to it. */
function coordinatesOf(geometry: Geometry): number[][] {
  if (geometry.type === 'Point') return [geometry.coordinates];
  if (geometry.type === 'LineString') return geometry.coordinates;
  if (geometry.type === 'Polygon') return geometry.coordinates[0] ?? [];
  return [];
}

export type { RouteFocus };

/** One trip along a route lasts this long, whatever its length: calm, and the same for every route. */
const TRIP_MS = 9000;

/** One of the features drawn under a click, as the map knows it (names and kind from its tile). */
export type StackCandidate = { id: string; kind: string; name: { vi: string; zh: string | null; en: string } };

type Callbacks = {
  onSelect: (id: string | null) => void;
  onViewChange: (view: MapViewState) => void;
  /** A click on features drawn at one spot: all of them, to choose from (`point` in the map's pixels). */
  onSelectStack: (candidates: StackCandidate[], point: { x: number; y: number }) => void;
  /** The deployment's own basemap failed to load (its tiles, its server): the map went back to the embedded one. */
  onBasemapFallback: () => void;
};

/** How near a click a feature must be drawn to count as under it, in pixels (a symbol's half width). */
const CLICK_RADIUS_PX = 6;

/**
 * The one module that talks to MapLibre: style, sources, layers, events. React hands it data
 * and selection; it never rebuilds the style for them.
 */
export class MapController {
  readonly map: maplibregl.Map;
  private selectedId: string | null = null;
  private highlightedIds: readonly string[] = [];
  /** Where each feature is, for bringing features into view (the map's own data lives in its worker). */
  private geometries = new Map<string, Geometry>();
  /** What has been brought into view already (selection id, highlighted ids joined). */
  private shown = { selected: null as string | null, highlighted: '' };
  /** Set when the map opens on a view from the address, until the opening selection is known. */
  private keepOpeningView: boolean;
  /** The selection a shared link opened with (its view stands), until another is made. */
  private openingSelection: string | null = null;
  /** A panel that shows after the selection was brought into view may cover it (a sheet on a phone): looked at again. */
  private readonly onPanelShown = () => {
    if (this.selectedId && this.selectedId !== this.openingSelection && this.shown.selected === this.selectedId) {
      // Once the map is still (a move to the selection may be under way), so the check reads where it ends.
      this.map.once('idle', () => this.showSelected());
      this.map.triggerRepaint();
    }
  };
  private asOf: string | null;
  private ready = false;
  private presenting = false;
  private filters: Filters = NO_FILTERS;
  /** Each feature's states (GET /api/map/states) and what the map shows of them now; null until they come. */
  private recordStates: RecordStates | null = null;
  private routeFocus: RouteFocus | null = null;
  private animateRoute = true;
  private animationFrame: number | null = null;
  /** A DOM marker, so moving it every frame never makes the map reload a source (the map stays idle). */
  private traveller: maplibregl.Marker | null = null;
  /** While set, a click on the map reports its position here instead of selecting (placing a new place). */
  private pickHandler: ((lngLat: [number, number]) => void) | null = null;
  /** New places an editor has positioned but not saved: DOM markers, not record features. */
  private draftMarkers: maplibregl.Marker[] = [];
  /** The deployment's own basemap, while it is drawn (null: the embedded basemap alone, or after it failed). */
  private own: Basemap['own'];

  constructor(
    container: HTMLElement,
    basemap: Basemap,
    language: Language,
    view: MapViewState | null,
    asOf: string | null,
    /** The record's tile URLs (GET /api/map/tiles.json), naming its revision. */
    private recordTiles: string[],
    callbacks: Callbacks,
  ) {
    this.asOf = asOf;
    this.own = basemap.own;
    this.keepOpeningView = view !== null;
    window.addEventListener(PANEL_SHOWN_EVENT, this.onPanelShown);
    // The record's features come as vector tiles (GET /api/map/tiles/…), every date at once, added once
    // the basemap has drawn.
    const record = recordLater(buildStyle(basemap, language, window.location.href, { tiles: recordTiles }));
    this.map = new maplibregl.Map({
      container,
      style: record.base,
      // A shared link's view wins; otherwise the whole northern border region.
      ...(view
        ? { center: [view.lng, view.lat] as [number, number], zoom: view.zoom }
        : { bounds: REGION_BOUNDS, fitBoundsOptions: { padding: 20 } }),
      maxBounds: panLimits(basemap.bbox),
      minZoom: 5,
      attributionControl: false,
      canvasContextAttributes: { preserveDrawingBuffer: true },
      // Tiles noted for the offline app's first visit (offline/tile-requests.ts).
      transformRequest: noteTileRequest,
    });
    this.map.addControl(new maplibregl.AttributionControl({ compact: false, customAttribution: ATTRIBUTION }), 'bottom-right');
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    this.map.on('load', () => {
      performance.mark(PERFORMANCE_MARKS.mapLoad);
      // The newest tile URLs: the record may have changed since the style was built.
      for (const id of [RECORD_SOURCE, RECORD_SYMBOLS_SOURCE])
        this.map.addSource(id, { ...(record.source as maplibregl.VectorSourceSpecification), tiles: this.recordTiles });
      for (const layer of record.layers) this.map.addLayer(layer, record.beforeId);
      this.ready = true;
      this.setPresenting(this.presenting);
      this.applyRecordView(true);
      this.flush();
      this.applyRouteFocus();
    });
    const onRecordData = (event: maplibregl.MapSourceDataEvent) => {
      if (event.sourceId !== RECORD_SOURCE || !event.isSourceLoaded) return;
      this.map.off('sourcedata', onRecordData);
      this.map.once('idle', () => performance.mark(PERFORMANCE_MARKS.mapDataIdle));
    };
    this.map.on('sourcedata', onRecordData);
    // A tile or the archive of the deployment's own basemap that does not load: the embedded basemap, said on the map.
    this.map.on('error', (event: maplibregl.ErrorEvent & { sourceId?: string }) => {
      if (!this.own || !event.sourceId || !isOwnBasemapId(event.sourceId)) return;
      this.own = null;
      for (const id of this.map.getLayersOrder()) if (isOwnBasemapId(id)) this.map.setLayoutProperty(id, 'visibility', 'none');
      callbacks.onBasemapFallback();
    });
    // Status-coloured shapes are drawn the first time a feature asks for them; MapLibre waits for
    // the resolver, so features laid out before the map's load event get their icons too.
    this.map.setMissingStyleImageResolver((name) => this.addIcon(name));
    this.map.on('moveend', () => {
      const center = this.map.getCenter();
      callbacks.onViewChange({ lng: center.lng, lat: center.lat, zoom: this.map.getZoom() });
    });
    this.map.on('click', (event) => {
      // An editor placing a new place: the click gives its position, and selects nothing.
      if (this.pickHandler) {
        this.pickHandler([event.lngLat.lng, event.lngLat.lat]);
        return;
      }
      const { x, y } = event.point;
      const hits = this.map
        .queryRenderedFeatures(
          [
            [x - CLICK_RADIUS_PX, y - CLICK_RADIUS_PX],
            [x + CLICK_RADIUS_PX, y + CLICK_RADIUS_PX],
          ],
          { layers: CLICKABLE_LAYERS.filter((id) => this.map.getLayer(id)) },
        )
        .filter(drawnOnLayer);
      // One entry per feature (a pair's sides and link are the pair), gates first.
      const byId = new Map<string, StackCandidate>();
      for (const hit of [...hits].sort((a, b) => Number(a.properties.rank) - Number(b.properties.rank))) {
        const id = String(hit.properties.parent ?? hit.properties.id);
        if (byId.has(id)) continue;
        const { kind, name_vi, name_zh, name_en } = hit.properties;
        byId.set(id, { id, kind: String(kind), name: { vi: String(name_vi), zh: name_zh ? String(name_zh) : null, en: String(name_en) } });
      }
      const candidates = [...byId.values()];
      // Features drawn on one spot (a gate and its market, a pair and a channel at its marker) are all offered.
      if (candidates.length > 1) callbacks.onSelectStack(candidates, { x, y });
      else callbacks.onSelect(candidates[0]?.id ?? null);
    });
    for (const layer of CLICKABLE_LAYERS) {
      this.map.on('mouseenter', layer, () => {
        if (!this.pickHandler) this.map.getCanvas().style.cursor = 'pointer';
      });
      this.map.on('mouseleave', layer, () => {
        if (!this.pickHandler) this.map.getCanvas().style.cursor = '';
      });
    }
  }

  private addIcon(name: string) {
    if (this.map.hasImage(name)) return;
    const icon = mapIcon(name);
    if (icon) this.map.addImage(name, icon.image, { pixelRatio: ICON_PIXEL_RATIO, sdf: icon.sdf });
  }

  /**
   * Positions of features to bring into view (the selection, a clause's features); the map draws its
   * own copy from the tiles. A selection or highlight waiting for its position is shown when it comes.
   */
  addPlaces(places: FeatureCollectionResponse) {
    for (const feature of places.features) if (feature.geometry) this.geometries.set(feature.id, feature.geometry as Geometry);
    this.bringIntoView();
  }

  /**
   * The date the map shows (null: the latest): one style value that every record layer reads, so
   * MapLibre re-evaluates the features it holds and nothing is sent to it.
   */
  setPickHandler(handler: ((lngLat: [number, number]) => void) | null) {
    this.pickHandler = handler;
    this.map.getCanvas().style.cursor = handler ? 'crosshair' : '';
  }

  setDraftPlaces(points: readonly [number, number][]) {
    for (const marker of this.draftMarkers) marker.remove();
    this.draftMarkers = points.map((point) => {
      const marker = new maplibregl.Marker({ color: DRAFT_PLACE, className: 'draft-place' }).setLngLat(point).addTo(this.map);
      return marker;
    });
  }

  /**
   * The record's tiles have new URLs (a new revision, after a change): MapLibre keeps the tiles it has
   * until its source is given new ones, then redraws from them.
   */
  setRecordTiles(tiles: string[]) {
    if (tiles.join('\n') === this.recordTiles.join('\n')) return;
    this.recordTiles = tiles;
    if (!this.ready) return;
    for (const id of [RECORD_SOURCE, RECORD_SYMBOLS_SOURCE]) this.map.getSource<maplibregl.VectorTileSource>(id)?.setTiles(tiles);
  }

  setAsOf(asOf: string | null) {
    if (asOf === this.asOf) return;
    this.asOf = asOf;
    this.applyRecordView();
    markUpdateDone();
  }

  setSelected(id: string | null) {
    // A shared link's view frames what its sender saw: the selection it opens with is shown there, not flown to.
    if (this.keepOpeningView) {
      this.keepOpeningView = false;
      if (id) this.shown.selected = id;
      this.openingSelection = id;
    } else this.openingSelection = null;
    if (id === this.selectedId) return;
    if (this.ready && this.selectedId) this.setRecordFeatureState(this.selectedId, { selected: false });
    this.selectedId = id;
    this.flush();
    this.bringIntoView();
  }

  /** Marks the features a clause names and brings them all into view. */
  setHighlighted(ids: readonly string[]) {
    if (ids.join() === this.highlightedIds.join()) return;
    if (this.ready) {
      for (const id of this.highlightedIds) this.setRecordFeatureState(id, { highlighted: false });
    }
    this.highlightedIds = ids;
    this.flush();
    this.bringIntoView();
  }

  /**
   * Shows the selection, or fits the clause's features, once each: when its positions are known and
   * the map has loaded (a later call for the same ids does nothing, so the planner's own moves stand).
   */
  private bringIntoView() {
    const highlighted = this.highlightedIds.join();
    if (highlighted !== this.shown.highlighted && this.highlightedIds.every((id) => this.geometries.has(id))) {
      this.shown.highlighted = highlighted;
      this.whenLoaded(() => this.fitTo(this.highlightedIds));
    }
    const selected = this.selectedId;
    if (selected && selected !== this.shown.selected && this.geometries.has(selected)) {
      this.shown.selected = selected;
      this.whenLoaded(() => this.showSelected());
    }
  }

  private whenLoaded(show: () => void) {
    if (this.ready && this.map.loaded()) show();
    else this.map.once('idle', show);
  }

  private fitTo(ids: readonly string[]) {
    if (!this.ready || ids.length === 0) return;
    const coordinates = ids.flatMap((id) => {
      const geometry = this.geometries.get(id);
      return geometry ? coordinatesOf(geometry) : [];
    }) as [number, number][];
    if (coordinates.length === 0) return;
    const box = coordinates.reduce((acc, c) => acc.extend(c), new maplibregl.LngLatBounds(coordinates[0], coordinates[0]));
    this.map.fitBounds(box, { padding: clearArea(this.map.getContainer()), maxZoom: 10, duration: 600 });
  }

  /** Flies to a saved view (a briefing step). */
  flyTo(view: MapViewState) {
    this.map.flyTo({ center: [view.lng, view.lat], zoom: view.zoom, duration: 1400, essential: true });
  }

  /** Shows the selected route's numbered places and, when `animate`, a dot travelling along it. */
  setRouteFocus(focus: RouteFocus | null, animate: boolean) {
    this.routeFocus = focus;
    this.animateRoute = animate;
    this.applyRouteFocus();
  }

  private applyRouteFocus() {
    const focus = this.routeFocus;
    const animate = this.animateRoute;
    this.stopAnimation();
    if (!this.ready) return;
    const waypoints = this.map.getSource<maplibregl.GeoJSONSource>(ROUTE_FOCUS_SOURCES.waypoints);
    waypoints?.setData(waypointFeatures(focus));
    const reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    if (!focus || !animate || reducedMotion || focus.line.length < 2) return;
    const element = document.createElement('div');
    element.className = `route-traveller mode-${focus.mode}`;
    element.setAttribute('aria-hidden', 'true');
    const traveller = new maplibregl.Marker({ element }).setLngLat(focus.line[0] as [number, number]).addTo(this.map);
    this.traveller = traveller;
    const started = performance.now();
    const step = (now: number) => {
      const t = ((now - started) % TRIP_MS) / TRIP_MS;
      traveller.setLngLat(pointAlong(focus.line, t) as [number, number]);
      this.animationFrame = requestAnimationFrame(step);
    };
    this.animationFrame = requestAnimationFrame(step);
  }

  private stopAnimation() {
    if (this.animationFrame !== null) cancelAnimationFrame(this.animationFrame);
    this.animationFrame = null;
    this.traveller?.remove();
    this.traveller = null;
  }

  /**
   * The planner's filters: each feature's feature state says whether they keep it on the date
   * (record-states.ts), so the map repaints what it holds; nothing is laid out or sent again.
   */
  setFilters(filters: Filters) {
    if (filters === this.filters) return;
    this.filters = filters;
    this.applyRecordView();
    markUpdateDone();
  }

  /** Each feature's states, from GET /api/map/states (new ones after a change of the record). */
  setRecordStates(states: RecordStates | null) {
    if (states === this.recordStates) return;
    this.recordStates = states;
    this.applyRecordView(true);
    this.flush();
  }

  /** Shows the date and the filters: feature state for the features whose view changed, the symbols' list if it did. */
  private applyRecordView(all = false) {
    if (!this.ready || !this.recordStates) return;
    const states = this.recordStates;
    const change = states.update(this.asOf, this.filters);
    // A map that has none of the states yet (just made, or given other states) is given all of them.
    applyRecordViews(this.map, states, all ? states.current() : change);
  }

  /** Presentation mode: every label (places, provinces, features, route numbers) drawn larger. */
  setPresenting(presenting: boolean) {
    this.presenting = presenting;
    if (this.ready) this.map.setGlobalStateProperty(LABEL_SCALE_STATE, presenting ? PRESENTATION_LABEL_SCALE : 1);
  }

  setLanguage(language: Language) {
    if (!this.ready) return;
    for (const layer of PLAIN_LABEL_LAYERS) {
      if (this.map.getLayer(layer)) this.map.setLayoutProperty(layer, 'text-field', labelIn(language));
    }
    this.map.setLayoutProperty(RECORD_LAYERS.labels, 'text-field', recordLabelIn(language));
    if (this.own?.kind === 'pmtiles') {
      for (const layer of ownBasemapLayers(this.own, language)) {
        if (layer.type === 'symbol' && this.map.getLayer(layer.id))
          this.map.setLayoutProperty(layer.id, 'text-field', layer.layout?.['text-field']);
      }
    }
  }

  /** Who made the basemap drawn now, as plain text (the exports' credit line): the own basemap's sources, then ours. */
  attribution(): string {
    return [this.own ? ownBasemapAttribution(this.own) : '', ATTRIBUTION.replace(/<[^>]+>/g, '')].filter(Boolean).join(' · ');
  }

  /** Brings the selected feature into view without moving a map that already shows it. */
  showSelected() {
    const geometry = this.selectedId ? this.geometries.get(this.selectedId) : undefined;
    if (!geometry || !this.ready) return;
    const coordinates = coordinatesOf(geometry);
    if (coordinates.length === 0) return;
    // Left where it is when it is already in sight, clear of the legend, the slider and the sheets over the map.
    const padding = clearArea(this.map.getContainer());
    const size = { width: this.map.getContainer().clientWidth, height: this.map.getContainer().clientHeight };
    if (coordinates.every((c) => inClearArea(this.map.project(c as [number, number]), size, padding))) return;
    const box = coordinates.reduce(
      (acc, c) => acc.extend(c as [number, number]),
      new maplibregl.LngLatBounds(coordinates[0] as [number, number], coordinates[0] as [number, number]),
    );
    this.map.fitBounds(box, { padding, maxZoom: 9, duration: 600 });
  }

  /**
   * Selection and highlights as feature state: kept by MapLibre for features whose tiles have not arrived yet; set
   * again when the features' states (and numbers) arrive.
   */
  private flush() {
    if (!this.ready) return;
    if (this.selectedId) this.setRecordFeatureState(this.selectedId, { selected: true });
    for (const id of this.highlightedIds) this.setRecordFeatureState(id, { highlighted: true });
  }

  /** A record feature's state, by its id (the map keeps it by the feature's number, known once GET /api/map/states answered). */
  private setRecordFeatureState(id: string, state: Record<string, boolean>) {
    const number = this.recordStates?.numberOf(id);
    if (number !== undefined) this.map.setFeatureState(recordFeature(number), state);
  }

  /** The features' states as the map shows them now (null until GET /api/map/states has answered). */
  states(): RecordStates | null {
    return this.recordStates;
  }

  /**
   * The map for tests and the console: its queryRenderedFeatures finds only what is drawn (hidden features are in
   * the tiles), and its getFeatureState takes a record feature's id as well as its number.
   */
  inspectable(): maplibregl.Map {
    const map = this.map;
    const numberOf = (id: string | number | undefined) => (typeof id === 'string' ? this.recordStates?.numberOf(id) : id);
    return new Proxy(map, {
      get(target, property) {
        if (property === 'queryRenderedFeatures')
          return (...args: Parameters<maplibregl.Map['queryRenderedFeatures']>) =>
            target.queryRenderedFeatures(...args).filter(drawnOnLayer);
        if (property === 'getFeatureState')
          return (feature: maplibregl.FeatureIdentifier) =>
            target.getFeatureState(
              feature.source === RECORD_SOURCE || feature.source === RECORD_SYMBOLS_SOURCE
                ? { ...feature, id: numberOf(feature.id) }
                : feature,
            );
        const value = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }

  destroy() {
    window.removeEventListener(PANEL_SHOWN_EVENT, this.onPanelShown);
    this.stopAnimation();
    this.map.remove();
  }
}
