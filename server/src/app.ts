import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Express } from 'express';
import { sessionOf } from './access/editor-session';
import { accessRouter } from './access/router';
import { securityHeaders } from './access/security-headers';
import type { SignInBudgetOptions } from './access/sign-in-budget';
import { clauseRouter } from './agreements/clause-router';
import { agreementRouter } from './agreements/router';
import { archiveDelivery, basemapRouter, OWN_ARCHIVE_PATH } from './basemap/router';
import type { BriefingStore } from './briefings/briefing-store';
import { briefingRouter } from './briefings/router';
import type { OwnBasemapSetting } from './config';
import type { TranslationTable } from './domain/record-translations';
import { editRouter } from './edits/router';
import { eventRouter } from './events/router';
import { createFlatFeatureService } from './exports/flat-feature-service';
import { exportRouter } from './exports/router';
import { createFeatureService } from './features/feature-service';
import { featureRouter } from './features/router';
import { feedRouter } from './feeds/router';
import { healthRouter, readyRouter } from './health/router';
import { applyDeployment, type Deployment } from './http/deployment';
import { errorHandler, unknownApiRoute } from './http/errors';
import { hideSystemMessages, unknownPath } from './http/public-errors';
import { attachReplay, createReplay } from './http/replay';
import { LARGEST_ANSWER_BYTES } from './http/response-cache';
import { cacheHashedAssets, compressStatic, languagePages } from './http/static-delivery';
import { refuseBadPathText } from './http/text-check';
import { importRouter } from './imports/router';
import { mapRouter } from './map/router';
import { ogcErrorHandler, ogcRouter } from './ogc/router';
import { provinceRouter } from './provinces/router';
import { createCurrentRecord } from './record/current-record';
import type { RecordRepository } from './record/repository';
import { reportRouter } from './reports/router';
import { searchRouter } from './search/router';
import { createSearchService } from './search/search-service';
import type { Database } from './store/database';
import { translationsRouter } from './translations/router';
import { viewRouter } from './view/router';
import { vocabularyRouter } from './vocabulary/router';

export type AppOptions = {
  repository: RecordRepository;
  /** Where briefings are kept (the store's, or read-only files without `store`); omitted → the briefings endpoints answer 404. */
  briefings?: BriefingStore;
  /** Built client (client/dist); omitted in API-only tests. */
  clientDir?: string;
  /** Basemap output (geodata/basemap/output): TopoJSON and fonts, served under /basemap. */
  basemapDir?: string;
  /** The deployment's own basemap (config.ts `ownBasemap`): described at /api/basemap, an archive served at OWN_ARCHIVE_PATH. */
  ownBasemap?: OwnBasemapSetting;
  /** The store the repository reads (server/src/store/): editors sign in and change the record through it. Omitted → read-only. */
  store?: Database;
  /** Bounds on sign-in work (queue of password checks, the server's failure budget); omitted → access/sign-in-budget.ts defaults. */
  signInBudget?: SignInBudgetOptions;
  /** Public origin, trusted proxies, plain HTTP (config.ts `deployment`; README "Deployments"). Omitted → none, none, HTTPS cookies. */
  deployment?: Deployment;
  /** The record's prose in its other languages (record/load-record.ts loadTranslations); omitted → none. */
  translations?: TranslationTable;
};

/** The Express app, built apart from `listen` so tests can drive it directly. */
export function createApp({
  repository,
  briefings,
  clientDir,
  basemapDir,
  ownBasemap,
  store,
  signInBudget,
  deployment = {},
  translations = [],
}: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  applyDeployment(app, deployment);
  app.set('query parser', 'simple');
  // A configured basemap style is fetched by the browser from the office's tile server (README "Your own basemap").
  app.use(securityHeaders(ownBasemap?.kind === 'style' ? [new URL(ownBasemap.url).origin] : []));
  // A path segment that is not text (bad percent-encoding, %00): 400 before any route reads it.
  app.use(refuseBadPathText);

  // Liveness never touches the store; readiness asks it (health/router.ts): what load balancers check.
  app.use('/api/health', healthRouter());
  app.use('/api/ready', readyRouter(store));
  app.use('/api/vocabulary', vocabularyRouter());
  app.use('/api/basemap', basemapRouter(ownBasemap));
  app.use('/api/translations', translationsRouter(translations));
  const currentRecord = createCurrentRecord(repository);
  app.use('/api/agreements', agreementRouter(repository, currentRecord));
  // Cached GET answers sent again without Express while the record key holds (http/replay.ts; main.ts).
  attachReplay(app, { replay: createReplay({ maxBytes: LARGEST_ANSWER_BYTES }), recordKey: currentRecord.key });
  const features = createFeatureService(repository, currentRecord);
  const flatFeatures = createFlatFeatureService(currentRecord);
  // Who recorded a step is shown to signed-in editors only.
  const isEditor = async (request: express.Request) => (store ? (await sessionOf(store, request)) !== null : false);
  app.use('/api/features', featureRouter(features, currentRecord, isEditor));
  app.use('/api/map', mapRouter(currentRecord));
  // Before the view router's /changes: the feed of the record's steps (Atom).
  app.use('/api/changes.atom', feedRouter(repository, currentRecord, isEditor));
  app.use('/api/reports', reportRouter(repository, currentRecord, basemapDir));
  app.use('/api', viewRouter(currentRecord));
  app.use('/api/clauses', clauseRouter(repository));
  app.use('/api/export', exportRouter(repository, flatFeatures));
  app.use('/api/events', eventRouter(repository));
  app.use('/api/provinces', provinceRouter(repository));
  app.use('/api/search', searchRouter(createSearchService(repository)));
  // With a store only signed-in editors change briefings; without one they are read-only.
  if (briefings) app.use('/api/briefings', briefingRouter(briefings, store));
  if (store) {
    app.use('/api/session', accessRouter(store, signInBudget));
    app.use('/api', editRouter(store));
    app.use('/api/imports', importRouter(store, repository));
  }
  app.use('/api', unknownApiRoute);
  app.use('/ogc', ogcRouter(repository, flatFeatures));

  // Only the configured file, by ranges, uncompressed (basemap/router.ts).
  if (ownBasemap?.kind === 'pmtiles') app.get(OWN_ARCHIVE_PATH, archiveDelivery(ownBasemap.path));
  if (basemapDir) {
    // A missing file falls through to the 404 below (serve-static's own error names the absolute path).
    app.use('/basemap', compressStatic, express.static(basemapDir, { maxAge: '1h', redirect: false }));
  }
  if (clientDir && existsSync(clientDir)) {
    app.use(compressStatic, express.static(clientDir, { index: false, maxAge: '1h', setHeaders: cacheHashedAssets }));
    const pageFileFor = languagePages(clientDir);
    // The single-page app answers page paths only: never assets, fonts, the API or OGC (they must 404).
    app.get(/^\/(?!api(\/|$)|ogc(\/|$)|basemap\/|assets\/)[^.]*$/, (request, response) => {
      response.setHeader('Cache-Control', 'no-cache');
      response.sendFile(join(clientDir, pageFileFor(request.query.lang)));
    });
  }
  app.use(unknownPath);
  app.use('/ogc', ogcErrorHandler);
  app.use(hideSystemMessages);
  app.use(errorHandler);
  return app;
}
