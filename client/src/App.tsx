import { agreementDatesOf } from '@domain/record-on-date';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, type ReactNode, Suspense, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { AgreementReader } from './agreements/AgreementReader';
import { AgreementsList } from './agreements/AgreementsList';
import { useBasemap, useFeatureDetail, useRecordTiles } from './api/queries';
import { useAgreement, useAgreements, useBriefings, useProvinces } from './api/record-queries';
import { csrfTokenOf, useSession } from './api/session';
import { loadWholeRecord, useFeaturesById, useRecordView } from './api/view-queries';
import { BriefingPlayer } from './briefings/BriefingPlayer';
import { BriefingsList } from './briefings/BriefingsList';
import { downloadBlob } from './export/download';
import { FilterPanel } from './filters/FilterPanel';
import type { Filters } from './filters/filters';
import { NO_FILTERS } from './filters/filters';
import { ResultsList } from './filters/ResultsList';
import { text, titleIn } from './i18n/ui-text';
import { ImportPanel } from './import/ImportPanel';
import { Legend } from './legend/Legend';
import { recordFilter } from './map/layers/record-filter';
import { routeFocusOf } from './map/layers/route-focus';
import type { MapHandle } from './map/map-handle';
import { FeaturePanel } from './panel/FeaturePanel';
import { markUpdateStart, markViewShown } from './performance-marks';
import { TopBar } from './shell/TopBar';
import { useBriefingStep, usePresentationFullscreen } from './shell/use-briefing-step';
import { useEmptyReason } from './shell/use-empty-reason';
import { type MapViewState, useUrlState } from './state/url-state';
import { ProgressSummary } from './summary/ProgressSummary';
import { ChangesView } from './time/ChangesView';
import { todayIso } from './time/dates';
import { TimeSlider } from './time/TimeSlider';
import { LIST_PAGE, nextLimit } from './ui/show-more';
import { registerUiFonts } from './ui-fonts';

const NO_DATES: readonly string[] = [];
const NO_TILES: string[] = [];
const NO_POINTS: [number, number][] = [];
/** About the zoom of the whole border region, where the map opens when the URL names no view (map-controller.ts). */
const DEFAULT_ZOOM = 5;

// MapLibre is most of the page's script. It is fetched and parsed beside the rest of the page — the
// request starts as this module runs, alongside the basemap and the tiles' description the map waits
// for anyway — so the sidebar does not wait for it.
const mapViewModule = import('./map/MapView');
const MapView = lazy(() => mapViewModule.then((module) => ({ default: module.MapView })));

export function App() {
  const [urlState, setUrlState] = useUrlState();
  // Small screens: the sidebar (summary, filters, results) opens over the map on demand.
  const [sidebarOpen, setSidebarOpen] = useState(false);
  const [animateRoute, setAnimateRoute] = useState(true);
  // Editors: importing a document, and the map click that positions a new place.
  const session = useSession();
  const editor = session.data?.user ?? null;
  const csrfToken = csrfTokenOf(session.data);
  const [importOpen, setImportOpen] = useState(false);
  const [pick, setPick] = useState<((lngLat: [number, number]) => void) | null>(null);
  const [draftPlaces, setDraftPlaces] = useState<[number, number][]>([]);
  const askPick = useCallback((receive: ((lngLat: [number, number]) => void) | null) => setPick(() => receive), []);
  const mapRef = useRef<MapHandle | null>(null);
  const basemap = useBasemap();
  const recordTiles = useRecordTiles();
  const queryClient = useQueryClient();
  const provinces = useProvinces();
  const agreements = useAgreements();
  const { lang: language, filters } = urlState;
  const briefings = useBriefings();
  const activeBriefing = briefings.data?.find((b) => b.id === urlState.briefing) ?? null;
  const activeStep = activeBriefing?.steps[urlState.step - 1] ?? null;
  const openAgreement = useAgreement(urlState.doc);
  const highlightedIds = useMemo(
    () => openAgreement.data?.clauses.find((clause) => clause.id === urlState.clause)?.features.map((f) => f.id) ?? [],
    [openAgreement.data, urlState.clause],
  );

  const agreementDates = useMemo(() => agreementDatesOf(agreements.data ?? []), [agreements.data]);
  // What the lists, counts, legend and progress tables show for the date and filters comes from the
  // server (GET /api/view): the browser never holds the whole record. The map holds every feature
  // with all its states (vector tiles) and picks the date and the filters itself (style state and
  // layer filters): neither a filter change nor a new date sends it anything.
  const [listLimit, setListLimit] = useState(LIST_PAGE);
  const view = useRecordView(filters, listLimit);
  // Marked once the DOM shows the answer (a layout effect: before the next paint, not after it).
  useLayoutEffect(() => {
    if (view.data && !view.isPlaceholderData) markViewShown();
  }, [view.data, view.isPlaceholderData]);
  const emptyReason = useEmptyReason(filters, view, agreements.data, language);
  const documentTitles = useMemo(
    () => new Map((agreements.data ?? []).map((agreement) => [agreement.id, `${titleIn(agreement.title, language)} (${agreement.id})`])),
    [agreements.data, language],
  );
  const states = recordTiles.data?.states ?? null;
  const mapFilter = useMemo(() => (states ? recordFilter(filters, agreementDates, states) : null), [filters, agreementDates, states]);
  // The selected feature (its panel asks for the same) and a clause's features, with their positions.
  const selected = useFeatureDetail(urlState.feature);
  const places = useFeaturesById(
    useMemo(() => (urlState.feature ? [urlState.feature, ...highlightedIds] : highlightedIds), [urlState.feature, highlightedIds]),
  );
  // A selected route: its numbered places and the dot that travels it.
  const routeFocus = useMemo(() => routeFocusOf(selected.data), [selected.data]);
  const vietnameseProvinces = useMemo(() => (provinces.data ?? []).filter((p) => p.country === 'VN'), [provinces.data]);

  const select = useCallback((id: string | null) => setUrlState({ feature: id, doc: null, clause: null }), [setUrlState]);
  const openClause = useCallback(
    (agreementId: string, clauseId: string | null) => setUrlState({ doc: agreementId, clause: clauseId }),
    [setUrlState],
  );
  const setView = useCallback((view: MapViewState) => setUrlState({ view }, 'replace'), [setUrlState]);
  const setFilters = useCallback(
    (next: Filters) => {
      markUpdateStart();
      setUrlState({ filters: next }, 'replace');
    },
    [setUrlState],
  );
  const setAsOf = useCallback(
    (asOf: string | null) => {
      markUpdateStart();
      setUrlState({ filters: { ...filters, asOf } }, 'replace');
    },
    [setUrlState, filters],
  );

  useEffect(() => {
    if (basemap.data) registerUiFonts(basemap.data.fontFiles);
  }, [basemap.data]);

  const targetView = useBriefingStep(activeBriefing, urlState.step, setUrlState);
  usePresentationFullscreen(urlState.present);

  const error = view.error ?? provinces.error ?? agreements.error ?? recordTiles.error;
  return (
    <div className={urlState.present ? 'app presenting' : 'app'} lang={language === 'zh' ? 'zh-CN' : language}>
      <TopBar
        language={language}
        view={view.data}
        sidebarOpen={sidebarOpen}
        onToggleSidebar={() => setSidebarOpen(!sidebarOpen)}
        onChooseHit={(hit) =>
          hit.type === 'feature' ? select(hit.id) : openClause(hit.agreementId ?? hit.id, hit.type === 'clause' ? hit.id : null)
        }
        map={mapRef}
        filters={filters}
        exportTitle={activeStep ? activeStep.title : text('title', language)}
        editor={editor !== null}
        importOpen={importOpen}
        onToggleImport={() => setImportOpen(!importOpen)}
        onLanguage={(code) => setUrlState({ lang: code }, 'replace')}
      />
      <main className={importOpen && editor ? 'workspace importing' : 'workspace'}>
        <aside id="sidebar" className={sidebarOpen ? 'sidebar open' : 'sidebar'}>
          {view.data && (
            <ProgressSummary
              tables={view.data.progress}
              provinces={provinces.data ?? []}
              language={language}
              onPick={(pick) =>
                setFilters({
                  ...NO_FILTERS,
                  asOf: filters.asOf,
                  kinds: [...pick.kinds],
                  statuses: pick.statuses,
                  provinces: pick.provinces ?? [],
                  agreements: pick.agreements ?? [],
                  stalled: pick.stalled ? true : null,
                })
              }
            />
          )}
          <FilterPanel
            filters={filters}
            onChange={setFilters}
            language={language}
            kinds={view.data?.record.kinds ?? []}
            agreements={agreements.data ?? []}
            provinces={vietnameseProvinces}
          />
          {view.data && (
            <ResultsList
              rows={view.data.rows}
              total={view.data.total}
              language={language}
              selectedId={urlState.feature}
              onSelect={select}
              onShowMore={() => setListLimit(nextLimit(view.data.rows.length))}
              documentTitles={documentTitles}
              emptyReason={emptyReason}
            />
          )}
          <BriefingsList briefings={briefings.data ?? []} language={language} onPlay={(id) => setUrlState({ briefing: id, step: 1 })} />
          <AgreementsList
            agreements={agreements.data ?? []}
            language={language}
            openId={urlState.doc}
            onOpen={(id) => openClause(id, null)}
          />
          <ChangesView language={language} onSelect={select} />
        </aside>
        <div className="map-area">
          {basemap.data && states ? (
            <Suspense fallback={<MapPlaceholder>{text('loading', language)}</MapPlaceholder>}>
              <MapView
                states={states}
                recordTiles={recordTiles.data?.tiles ?? NO_TILES}
                basemap={basemap.data}
                places={places.data ?? null}
                asOf={filters.asOf}
                selectedId={urlState.feature}
                highlightedIds={highlightedIds}
                language={language}
                initialView={urlState.view}
                routeFocus={routeFocus}
                targetView={targetView}
                onMapReady={(map) => {
                  mapRef.current = map;
                }}
                animateRoute={animateRoute}
                presenting={urlState.present}
                recordFilter={mapFilter}
                onSelect={select}
                onViewChange={setView}
                onPick={pick}
                draftPlaces={importOpen ? draftPlaces : NO_POINTS}
              />
            </Suspense>
          ) : (
            <MapPlaceholder>
              {basemap.isError ? `${text('loadError', language)}: ${basemap.error.message}` : text('loading', language)}
            </MapPlaceholder>
          )}
          <Legend summary={view.data?.legend ?? null} language={language} />
          {emptyReason && (
            <p className="map-notice map-empty" role="status">
              {emptyReason}
            </p>
          )}
          {recordTiles.data && (urlState.view?.zoom ?? DEFAULT_ZOOM) < recordTiles.data.completeFromZoom && (
            // Where the record is too dense for a tile (100 000 features), the map says it shows fewer.
            <p className="map-notice" role="status">
              {text('mapThinned', language)}
            </p>
          )}
          {activeBriefing && (
            <BriefingPlayer
              briefing={activeBriefing}
              step={urlState.step}
              language={language}
              presenting={urlState.present}
              onStep={(step) => setUrlState({ step })}
              onPresent={(present) => setUrlState({ present }, 'replace')}
              onClose={() => setUrlState({ briefing: null, step: 1, present: false })}
              onExportPdf={async (onProgress) => {
                const map = mapRef.current;
                if (!map || !basemap.data) throw new Error(text('loading', language));
                // pdf-lib is loaded only when a pack is made, never with the map; so is the whole record.
                const [{ exportBriefingPack }, { collection, index }] = await Promise.all([
                  import('./export/briefing-pack'),
                  loadWholeRecord(queryClient),
                ]);
                const blob = await exportBriefingPack({
                  map,
                  briefing: activeBriefing,
                  collection,
                  index,
                  agreements: agreements.data ?? [],
                  language,
                  today: todayIso(),
                  fontFiles: basemap.data.fontFiles,
                  states: states ?? 1,
                  onProgress,
                });
                downloadBlob(blob, `${activeBriefing.id}-${todayIso()}.pdf`);
              }}
              currentScreen={() => ({
                view: urlState.view ?? { lng: 105, lat: 22.25, zoom: 6 },
                filters: { ...filters },
                feature: urlState.feature,
              })}
            />
          )}
          {routeFocus && (
            <button
              type="button"
              className="route-animation-toggle"
              aria-pressed={animateRoute}
              onClick={() => setAnimateRoute(!animateRoute)}
            >
              {animateRoute ? `■ ${text('stopDirection', language)}` : `▶ ${text('showDirection', language)}`}
            </button>
          )}
          <TimeSlider asOf={filters.asOf} onChange={setAsOf} language={language} documentDates={view.data?.record.stepDates ?? NO_DATES} />
        </div>
        {importOpen && csrfToken && editor ? (
          <ImportPanel
            language={language}
            csrfToken={csrfToken}
            username={editor.username}
            provinces={vietnameseProvinces}
            onPick={askPick}
            onDraftPlaces={setDraftPlaces}
            onClose={() => setImportOpen(false)}
            onShowAsOf={(agreementId, date) => {
              setImportOpen(false);
              setUrlState({ filters: { ...filters, asOf: date }, doc: agreementId, clause: null, feature: null });
            }}
          />
        ) : urlState.doc ? (
          <AgreementReader
            key={urlState.doc}
            id={urlState.doc}
            selectedClause={urlState.clause}
            language={language}
            onSelectClause={(clauseId) => setUrlState({ clause: clauseId }, 'replace')}
            onSelectFeature={select}
            onOpenClause={openClause}
            onClose={() => setUrlState({ doc: null, clause: null })}
          />
        ) : urlState.feature ? (
          <FeaturePanel key={urlState.feature} id={urlState.feature} language={language} onSelect={select} onOpenClause={openClause} />
        ) : (
          <aside className="panel panel-hint">{text('selectHint', language)}</aside>
        )}
        {error && (
          <p className="error-banner" role="alert">
            {text('loadError', language)}: {error.message}
          </p>
        )}
      </main>
    </div>
  );
}

function MapPlaceholder({ children }: { children: ReactNode }) {
  return (
    <div className="map map-placeholder" role="status">
      {children}
    </div>
  );
}
