import type { AgreementListResponse, SearchResponse } from '@domain/api';
import { agreementDatesOf } from '@domain/record-on-date';
import type { Province } from '@domain/schemas';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, type ReactNode, Suspense, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { AgreementReader } from './agreements/AgreementReader';
import { AgreementsList } from './agreements/AgreementsList';
import { errorText } from './api/error-text';
import { useBasemap, useFeatureDetail, useMapStates, useRecordTiles } from './api/queries';
import { useAgreement, useAgreements, useBriefings, useProvinces } from './api/record-queries';
import { csrfTokenOf, useSession } from './api/session';
import { loadWholeRecord, prefetchViews, useChanges, useFeaturesById, useRecordView } from './api/view-queries';
import { BriefingPlayer } from './briefings/BriefingPlayer';
import { BriefingsList } from './briefings/BriefingsList';
import { useBriefingExit } from './briefings/use-briefing-exit';
import { downloadBlob } from './export/download';
import { FilterChips } from './filters/FilterChips';
import { FilterPanel } from './filters/FilterPanel';
import type { Filters } from './filters/filters';
import { hasFilters, NO_FILTERS } from './filters/filters';
import { ResultsList } from './filters/ResultsList';
import { dropUnknownIds, type UnknownIds } from './filters/unknown-ids';
import { htmlLang, type Language } from './i18n/language';
import { asString, useRecordText } from './i18n/record-text';
import { text } from './i18n/ui-text';
import { Legend } from './legend/Legend';
import { ownBasemapName } from './map/basemap-data';
import { routeFocusOf } from './map/layers/route-focus';
import type { MapHandle } from './map/map-handle';
import { OfflineNotice } from './offline/OfflineNotice';
import { FeaturePanel } from './panel/FeaturePanel';
import { markUpdateStart, markViewShown } from './performance-marks';
import { SidebarTabs } from './shell/SidebarTabs';
import { SkipLinks } from './shell/SkipLinks';
import type { SidebarTab } from './shell/sidebar-tabs';
import { TopBar } from './shell/TopBar';
import { useBriefingStep, usePresentationFullscreen } from './shell/use-briefing-step';
import { useEmptyReason } from './shell/use-empty-reason';
import { useEscapeToClose, usePanelFocusReturn } from './shell/use-panel-focus';
import { type ChangesDates, type MapViewState, useUrlState } from './state/url-state';
import { type ProgressPick, ProgressSummary } from './summary/ProgressSummary';
import { ProgressTimeline } from './summary/ProgressTimeline';
import { AsOfStamp } from './time/AsOfStamp';
import { ChangesView } from './time/ChangesView';
import { comparedDates } from './time/changes-dates';
import { todayIso } from './time/dates';
import { TimeSlider } from './time/TimeSlider';
import { LIST_PAGE, nextLimit } from './ui/show-more';
import { registerUiFonts } from './ui-fonts';

const NO_DATES: readonly string[] = [];
const NO_TILES: string[] = [];
const NO_POINTS: [number, number][] = [];
const NO_AGREEMENTS: AgreementListResponse = [];
const NO_PROVINCES: Province[] = [];
const NO_IDS: readonly string[] = [];
/** About the zoom of the whole border region, where the map opens when the URL names no view (map-controller.ts). */
const DEFAULT_ZOOM = 5;

// MapLibre is most of the page's script. It is fetched and parsed beside the rest of the page — the
// request starts as this module runs, alongside the basemap and the tiles' description the map waits
// for anyway — so the sidebar does not wait for it.
const mapViewModule = import('./map/MapView');
const MapView = lazy(() => mapViewModule.then((module) => ({ default: module.MapView })));
// Editors only, on demand: the import review (and its schemas) is not part of the page a planner loads.
const ImportPanel = lazy(() => import('./import/ImportPanel').then((module) => ({ default: module.ImportPanel })));

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
  // The deployment's own basemap failed in the browser: the map drew the embedded one, the legend stops naming it.
  const [ownBasemapFailed, setOwnBasemapFailed] = useState(false);
  const fellBackToEmbedded = useCallback(() => setOwnBasemapFailed(true), []);
  const recordTiles = useRecordTiles();
  const mapStates = useMapStates();
  const queryClient = useQueryClient();
  const provinces = useProvinces();
  const agreements = useAgreements();
  const { lang: language, filters } = urlState;
  const recordText = useRecordText(language);
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
  // with all its states (vector tiles, and GET /api/map/states) and picks the date and the filters itself
  // (feature state, map/record-states.ts): neither a filter change nor a new date sends it anything.
  // The lists follow the input in its own render: an answer already held (prefetched) is shown at once,
  // otherwise the previous one stays (the same objects: the lists are not rendered again) and the request
  // leaves in the input's task; its answer is rendered in the task it arrives in.
  const [listLimit, setListLimit] = useState(LIST_PAGE);
  const view = useRecordView(filters, listLimit);
  // Marked once the DOM shows the answer (a layout effect: before the next paint, not after it).
  useLayoutEffect(() => {
    if (view.data && !view.isPlaceholderData) markViewShown();
  }, [view.data, view.isPlaceholderData]);
  const viewShown = Boolean(view.data && !view.isPlaceholderData);
  // Once this answer is shown, the answers of the dates the slider may go to next are asked ahead (and a
  // briefing's next and previous steps): a step is then shown from the cache, in the render of the input.
  const prefetchDates = useMemo(
    () =>
      viewShown
        ? (dates: readonly (string | null)[]) =>
            prefetchViews(
              queryClient,
              dates.map((date) => ({ ...filters, asOf: date })),
              listLimit,
            )
        : undefined,
    [viewShown, filters, listLimit, queryClient],
  );
  const briefingSteps = activeBriefing?.steps;
  useEffect(() => {
    if (!viewShown || !briefingSteps) return;
    const near = [briefingSteps[urlState.step], briefingSteps[urlState.step - 2]].filter((step) => step !== undefined);
    prefetchViews(
      queryClient,
      near.map((step) => step.filters),
      listLimit,
    );
  }, [viewShown, briefingSteps, urlState.step, listLimit, queryClient]);
  const emptyReason = useEmptyReason(filters, view, agreements.data, language);
  const documentTitles = useMemo(
    () =>
      new Map(
        (agreements.data ?? []).map((agreement) => [
          agreement.id,
          `${asString(recordText.showName(agreement.title), language)} (${agreement.id})`,
        ]),
      ),
    [agreements.data, language, recordText],
  );
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
  const openTimeline = useCallback(() => setUrlState({ timeline: true }), [setUrlState]);
  const closeTimeline = useCallback(() => {
    setUrlState({ timeline: false });
    // The focus goes back to what opened it.
    requestAnimationFrame(() => document.querySelector<HTMLElement>('.open-timeline')?.focus());
  }, [setUrlState]);
  const setFilters = useCallback(
    (next: Filters) => {
      markUpdateStart();
      setUrlState({ filters: next }, 'replace');
    },
    [setUrlState],
  );
  // A link naming an agreement or a province the record lacks: dropped from the filters, and said.
  const [unknownIds, setUnknownIds] = useState<UnknownIds | null>(null);
  const knownAgreements = useMemo(() => agreements.data?.map((agreement) => agreement.id), [agreements.data]);
  const knownProvinces = useMemo(() => provinces.data?.map((province) => province.code), [provinces.data]);
  useEffect(() => {
    const dropped = dropUnknownIds(filters, { agreements: knownAgreements, provinces: knownProvinces });
    if (!dropped) return;
    setUnknownIds(dropped.unknown);
    setFilters(dropped.filters);
  }, [filters, knownAgreements, knownProvinces, setFilters]);
  const setAsOf = useCallback(
    (asOf: string | null) => {
      markUpdateStart();
      setUrlState({ filters: { ...filters, asOf } }, 'replace');
    },
    [setUrlState, filters],
  );

  // Stable handlers, so the panels an input does not change are not rendered again for it (memo).
  const toggleSidebar = useCallback(() => setSidebarOpen((open) => !open), []);
  const toggleImport = useCallback(() => setImportOpen((open) => !open), []);
  const chooseLanguage = useCallback((code: Language) => setUrlState({ lang: code }, 'replace'), [setUrlState]);
  const chooseHit = useCallback(
    (hit: SearchResponse[number]) => {
      if (hit.type === 'province') setFilters({ ...filters, provinces: [hit.id] });
      else if (hit.type === 'feature') select(hit.id);
      else openClause(hit.agreementId ?? hit.id, hit.type === 'clause' ? hit.id : null);
    },
    [select, openClause, setFilters, filters],
  );
  const asOf = filters.asOf;
  // A count picked in a progress table filters the map, and the tab with its list opens.
  const pickFromTable = useCallback(
    (pick: ProgressPick) => {
      markUpdateStart();
      setUrlState(
        {
          tab: 'filters',
          filters: {
            ...NO_FILTERS,
            asOf,
            kinds: [...pick.kinds],
            statuses: pick.statuses,
            provinces: pick.provinces ?? [],
            agreements: pick.agreements ?? [],
            stalled: pick.stalled ? true : null,
            overdue: pick.overdue ? true : null,
          },
        },
        'replace',
      );
    },
    [setUrlState, asOf],
  );
  const openTab = useCallback((tab: SidebarTab) => setUrlState({ tab }, 'replace'), [setUrlState]);
  const setChangesDates = useCallback((dates: ChangesDates) => setUrlState({ changes: dates }, 'replace'), [setUrlState]);
  // The changes tab's features are marked on the map while it is open (a clause's features, when one is open, come first).
  const compared = comparedDates(urlState.changes);
  const changes = useChanges(compared.from, compared.to, LIST_PAGE);
  const markedIds = useMemo(
    () => (highlightedIds.length > 0 || urlState.tab !== 'changes' ? highlightedIds : (changes.data?.featureIds ?? NO_IDS)),
    [highlightedIds, urlState.tab, changes.data],
  );
  const shownRows = view.data?.rows.length ?? 0;
  const showMore = useCallback(() => setListLimit(nextLimit(shownRows)), [shownRows]);
  const briefingExit = useBriefingExit(urlState, setUrlState);
  const playBriefing = briefingExit.play;
  const openAgreementFromList = useCallback((id: string) => openClause(id, null), [openClause]);
  const selectClause = useCallback((clauseId: string | null) => setUrlState({ clause: clauseId }, 'replace'), [setUrlState]);
  const closeAgreement = useCallback(() => setUrlState({ doc: null, clause: null }), [setUrlState]);
  const closeFeature = useCallback(() => select(null), [select]);
  // Escape closes the reader or the feature panel (never an import in progress, nor under a briefing, which has its own keys);
  // the focus goes back to what opened it.
  usePanelFocusReturn(urlState.doc ? `doc:${urlState.doc}` : urlState.feature ? `feature:${urlState.feature}` : null);
  useEscapeToClose(importOpen || urlState.briefing ? null : urlState.doc ? closeAgreement : urlState.feature ? closeFeature : null);

  useEffect(() => {
    if (basemap.data) registerUiFonts(basemap.data.fontFiles);
  }, [basemap.data]);

  const targetView = useBriefingStep(activeBriefing, urlState.step, setUrlState);
  usePresentationFullscreen(urlState.present);

  // A panel beside the map only when it has something to show: an import, a document, a feature.
  const panelOpen = Boolean((importOpen && csrfToken && editor) || urlState.doc || urlState.feature);
  const error = view.error ?? provinces.error ?? agreements.error ?? recordTiles.error ?? mapStates.error;
  return (
    <div className={urlState.present ? 'app presenting' : 'app'} lang={htmlLang(language)}>
      <SkipLinks language={language} onOpenTab={openTab} />
      <TopBar
        language={language}
        view={view.data}
        sidebarOpen={sidebarOpen}
        onToggleSidebar={toggleSidebar}
        onChooseHit={chooseHit}
        map={mapRef}
        filters={filters}
        exportTitle={activeStep ? activeStep.title : text('title', language)}
        editor={editor !== null}
        importOpen={importOpen}
        onToggleImport={toggleImport}
        onLanguage={chooseLanguage}
      />
      <main className={['workspace', importOpen && editor ? 'importing' : '', panelOpen ? '' : 'no-panel'].filter(Boolean).join(' ')}>
        <aside id="sidebar" tabIndex={-1} className={sidebarOpen ? 'sidebar open' : 'sidebar'}>
          <SidebarTabs
            tab={urlState.tab}
            onTab={openTab}
            language={language}
            counts={{ filters: view.data?.total, changes: changes.data?.total }}
            panels={{
              progress: view.data && (
                <ProgressSummary
                  tables={view.data.progress}
                  provinces={provinces.data ?? []}
                  agreements={agreements.data ?? NO_AGREEMENTS}
                  filtered={hasFilters(filters)}
                  language={language}
                  onPick={pickFromTable}
                  onOpenTimeline={openTimeline}
                  asOf={filters.asOf}
                />
              ),
              filters: (
                <>
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
                      onShowMore={showMore}
                      documentTitles={documentTitles}
                      emptyReason={emptyReason}
                    />
                  )}
                </>
              ),
              changes: <ChangesView language={language} dates={urlState.changes} onDates={setChangesDates} onSelect={select} />,
              briefings: <BriefingsList briefings={briefings.data ?? []} language={language} onPlay={playBriefing} />,
              documents: (
                <AgreementsList
                  agreements={agreements.data ?? []}
                  language={language}
                  openId={urlState.doc}
                  onOpen={openAgreementFromList}
                />
              ),
            }}
          />
        </aside>
        <div className="map-area">
          {urlState.timeline && (
            <ProgressTimeline filters={filters} language={language} onOpenClause={openClause} onClose={closeTimeline} />
          )}
          {basemap.data && recordTiles.data ? (
            <Suspense fallback={<MapPlaceholder>{text('loading', language)}</MapPlaceholder>}>
              <MapView
                mapStates={mapStates.data ?? null}
                recordTiles={recordTiles.data?.tiles ?? NO_TILES}
                basemap={basemap.data}
                places={places.data ?? null}
                asOf={filters.asOf}
                selectedId={urlState.feature}
                highlightedIds={markedIds}
                language={language}
                initialView={urlState.view}
                routeFocus={routeFocus}
                targetView={targetView}
                onMapReady={(map) => {
                  mapRef.current = map;
                }}
                onBasemapFallback={fellBackToEmbedded}
                animateRoute={animateRoute}
                presenting={urlState.present}
                filters={filters}
                agreementDates={agreementDates}
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
          <Legend
            summary={view.data?.legend ?? null}
            language={language}
            basemap={ownBasemapFailed ? null : ownBasemapName(basemap.data?.own ?? null)}
          />
          <AsOfStamp asOf={filters.asOf} language={language} />
          {!panelOpen && !urlState.present && (
            // Nothing selected: no empty panel beside the map, only this word on it.
            <p className="select-hint">{text('selectHint', language)}</p>
          )}
          <FilterChips
            filters={filters}
            language={language}
            agreements={agreements.data ?? NO_AGREEMENTS}
            provinces={provinces.data ?? NO_PROVINCES}
            onChange={setFilters}
          />
          <OfflineNotice language={language} />
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
          {unknownIds && (
            <p className="map-notice unknown-ids" role="status">
              {text('unknownIdsDropped', language)}: {[...unknownIds.agreements, ...unknownIds.provinces].map((id) => `“${id}”`).join(', ')}{' '}
              <button type="button" className="link" onClick={() => setUnknownIds(null)} aria-label={text('close', language)}>
                ×
              </button>
            </p>
          )}
          {briefingExit.exit && !activeBriefing && (
            <p className="map-notice briefing-exit" role="status" data-exit={briefingExit.exit}>
              {text(briefingExit.exit === 'restored' ? 'briefingExitRestored' : 'briefingExitToday', language)}{' '}
              <button type="button" className="link" onClick={briefingExit.dismiss} aria-label={text('close', language)}>
                ×
              </button>
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
              onClose={briefingExit.close}
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
                  onProgress,
                  recordText,
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
          <TimeSlider
            asOf={filters.asOf}
            onChange={setAsOf}
            language={language}
            documentDates={view.data?.record.stepDates ?? NO_DATES}
            onUpcoming={prefetchDates}
          />
        </div>
        {importOpen && csrfToken && editor ? (
          <Suspense fallback={<aside className="panel">{text('loading', language)}</aside>}>
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
          </Suspense>
        ) : urlState.doc ? (
          <AgreementReader
            key={urlState.doc}
            id={urlState.doc}
            selectedClause={urlState.clause}
            language={language}
            onSelectClause={selectClause}
            onSelectFeature={select}
            onOpenClause={openClause}
            onClose={closeAgreement}
          />
        ) : urlState.feature ? (
          <FeaturePanel
            key={urlState.feature}
            id={urlState.feature}
            asOf={filters.asOf}
            language={language}
            onSelect={select}
            onOpenClause={openClause}
          />
        ) : null}
        {error && (
          <p className="error-banner" role="alert">
            {text('loadError', language)}: {errorText(error, language)}
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
