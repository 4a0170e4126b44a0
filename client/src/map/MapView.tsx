import type { FeatureCollectionResponse } from '@domain/api';
import type { MapFeatureStates } from '@domain/drawing/map-states';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Filters } from '../filters/filters';
import type { Language } from '../i18n/language';
import { text } from '../i18n/ui-text';
import type { MapViewState } from '../state/url-state';
import type { Basemap } from './basemap-data';
import { MapController, type RouteFocus, type StackCandidate } from './map-controller';
import { type MapHandle, mapHandleOf } from './map-handle';
import { RecordStates } from './record-states';
import { STACK_PICKER_SIZE, StackPicker } from './StackPicker';

type Props = {
  basemap: Basemap;
  /** The selected and highlighted features with their positions (for bringing them into view); the map draws from its tiles. */
  places: FeatureCollectionResponse | null;
  /** The date shown (null: the latest). */
  asOf: string | null;
  /** Each drawn feature's states (GET /api/map/states): the map picks the date's and applies the filters itself. Null until loaded. */
  mapStates: readonly MapFeatureStates[] | null;
  /** The record's tile URLs (GET /api/map/tiles.json): new ones after a change of the record. */
  recordTiles: string[];
  selectedId: string | null;
  /** Features named by the clause being read: outlined and fitted into view. */
  highlightedIds: readonly string[];
  language: Language;
  /** The selected route, numbered and (when `animateRoute`) travelled by a dot. */
  routeFocus: RouteFocus | null;
  animateRoute: boolean;
  /** Presentation mode: larger labels. */
  presenting: boolean;
  /** The planner's filters and the dates agreements count from: applied as feature state (record-states.ts). */
  filters: Filters;
  agreementDates: ReadonlyMap<string, string>;
  /** A view to fly to when it changes (briefing steps). */
  targetView: MapViewState | null;
  /** The view to open with (from the URL); later moves are reported through `onViewChange`. */
  initialView: MapViewState | null;
  onSelect: (id: string | null) => void;
  onViewChange: (view: MapViewState) => void;
  /** While set, the next clicks report their position here instead of selecting (placing a new place). */
  onPick?: ((lngLat: [number, number]) => void) | null;
  /** New places positioned but not saved, drawn as markers. */
  draftPlaces?: readonly [number, number][];
  /** The deployment's own basemap failed in the browser: the embedded one is drawn (the legend stops naming it). */
  onBasemapFallback?: () => void;
  /** Receives what exports may ask of the map once it is made, null when it goes. */
  onMapReady?: (map: MapHandle | null) => void;
};

const NO_POINTS: readonly [number, number][] = [];

/** The React ↔ MapLibre seam: one controller for the component's life, fed through effects. */
export function MapView({
  basemap,
  places,
  asOf,
  mapStates,
  recordTiles,
  selectedId,
  highlightedIds,
  language,
  routeFocus,
  animateRoute,
  presenting,
  filters,
  agreementDates,
  targetView,
  initialView,
  onSelect,
  onViewChange,
  onMapReady,
  onBasemapFallback,
  onPick = null,
  draftPlaces = NO_POINTS,
}: Props) {
  // Made with the map's code, not the page's (record-states.ts loads with the map).
  const recordStates = useMemo(() => (mapStates ? new RecordStates(mapStates, agreementDates) : null), [mapStates, agreementDates]);
  const container = useRef<HTMLElement>(null);
  // Features drawn under the last click, when more than one: listed there to choose from.
  const [stack, setStack] = useState<{ candidates: StackCandidate[]; point: { x: number; y: number } } | null>(null);
  // The deployment's own basemap failed in the browser (its tiles): the embedded one is drawn, and the map says so.
  const [ownBasemapFailed, setOwnBasemapFailed] = useState(false);
  const controller = useRef<MapController | null>(null);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const onViewChangeRef = useRef(onViewChange);
  const onMapReadyRef = useRef(onMapReady);
  onMapReadyRef.current = onMapReady;
  const onBasemapFallbackRef = useRef(onBasemapFallback);
  onBasemapFallbackRef.current = onBasemapFallback;
  onViewChangeRef.current = onViewChange;
  // Everything the map shows, as of this render: a map made again (the record's states grew after a
  // change) starts from these — the current date, view, language, selection — not from the first ones.
  const now = {
    language,
    initialView,
    asOf,
    recordTiles,
    places,
    selectedId,
    highlightedIds,
    routeFocus,
    animateRoute,
    presenting,
    filters,
    recordStates,
    onPick,
    draftPlaces,
  };
  const latest = useRef(now);
  latest.current = now;

  useEffect(() => {
    if (!container.current) return;
    const shown = latest.current;
    const created = new MapController(container.current, basemap, shown.language, shown.initialView, shown.asOf, shown.recordTiles, {
      onSelect: (id) => {
        setStack(null);
        onSelectRef.current(id);
      },
      onViewChange: (view) => {
        setStack(null);
        onViewChangeRef.current(view);
      },
      onSelectStack: (candidates, point) => setStack({ candidates, point }),
      onBasemapFallback: () => {
        setOwnBasemapFailed(true);
        onBasemapFallbackRef.current?.();
      },
    });
    controller.current = created;
    // The other effects ran for the map this one replaces: the new map is given their values here.
    if (shown.places) created.addPlaces(shown.places);
    created.setSelected(shown.selectedId);
    created.setHighlighted(shown.highlightedIds);
    created.setRouteFocus(shown.routeFocus, shown.animateRoute);
    created.setPresenting(shown.presenting);
    created.setFilters(shown.filters);
    created.setRecordStates(shown.recordStates);
    created.setPickHandler(shown.onPick);
    created.setDraftPlaces(shown.draftPlaces);
    onMapReadyRef.current?.(
      mapHandleOf(
        created.map,
        () => created.attribution(),
        () => created.states(),
      ),
    );
    (window as unknown as { __borderAtlasMap?: unknown }).__borderAtlasMap = created.inspectable();
    return () => {
      onMapReadyRef.current?.(null);
      created.destroy();
      controller.current = null;
    };
  }, [basemap]);

  useEffect(() => {
    controller.current?.setRecordTiles(recordTiles);
  }, [recordTiles]);

  useEffect(() => {
    controller.current?.setPickHandler(onPick);
  }, [onPick]);

  useEffect(() => {
    controller.current?.setDraftPlaces(draftPlaces);
  }, [draftPlaces]);

  useEffect(() => {
    if (places) controller.current?.addPlaces(places);
  }, [places]);

  useEffect(() => {
    controller.current?.setAsOf(asOf);
  }, [asOf]);

  useEffect(() => {
    // Brought into view once its position is known (now, or when `places` brings it).
    controller.current?.setSelected(selectedId);
  }, [selectedId]);

  useEffect(() => {
    controller.current?.setHighlighted(highlightedIds);
  }, [highlightedIds]);

  useEffect(() => {
    controller.current?.setRouteFocus(routeFocus, animateRoute);
  }, [routeFocus, animateRoute]);

  useEffect(() => {
    controller.current?.setPresenting(presenting);
  }, [presenting]);

  useEffect(() => {
    controller.current?.setFilters(filters);
  }, [filters]);

  useEffect(() => {
    controller.current?.setRecordStates(recordStates);
  }, [recordStates]);

  useEffect(() => {
    if (targetView) controller.current?.flyTo(targetView);
  }, [targetView]);

  useEffect(() => {
    const map = controller.current?.map;
    if (!map) return;
    if (map.isStyleLoaded()) controller.current?.setLanguage(language);
    else map.once('load', () => controller.current?.setLanguage(language));
  }, [language]);

  return (
    <>
      <section ref={container} id="atlas-map" tabIndex={-1} className="map" aria-label={text('mapLabel', language)} />
      {(basemap.ownProblem || ownBasemapFailed) && (
        // The configured basemap is not drawn (unreadable archive, unreachable server, failing tiles): said, not silent.
        <p className="map-notice basemap-fallback" role="status">
          {text('ownBasemapFailed', language)}
        </p>
      )}
      {stack && container.current && (
        <StackPicker
          candidates={stack.candidates}
          at={{ left: container.current.offsetLeft + stack.point.x, top: container.current.offsetTop + stack.point.y }}
          // Opened to the side with room for it (its largest size, CSS), so the list stays on the map.
          flip={{
            x: stack.point.x + STACK_PICKER_SIZE.width > container.current.clientWidth,
            y: stack.point.y + STACK_PICKER_SIZE.height > container.current.clientHeight,
          }}
          language={language}
          onSelect={(id) => {
            setStack(null);
            onSelectRef.current(id);
          }}
          onClose={() => {
            setStack(null);
            container.current?.querySelector('canvas')?.focus();
          }}
        />
      )}
    </>
  );
}
