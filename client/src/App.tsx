import { useEffect, useMemo } from 'react';
import { useBasemap, useFeatures } from './api/queries';
import { text } from './i18n/ui-text';
import { Legend } from './legend/Legend';
import { MapView } from './map/MapView';
import { toMapFeatures } from './map/to-map-features';
import { FeaturePanel } from './panel/FeaturePanel';
import { type Language, useUrlState } from './state/url-state';
import { registerUiFonts } from './ui-fonts';

const LANGUAGE_NAMES: Record<Language, string> = { vi: 'Tiếng Việt', en: 'English', zh: '中文' };

export function App() {
  const [urlState, setUrlState] = useUrlState();
  const basemap = useBasemap();
  const features = useFeatures();
  const mapFeatures = useMemo(() => (features.data ? toMapFeatures(features.data) : null), [features.data]);
  const language = urlState.lang;
  const select = (id: string | null) => setUrlState({ feature: id });
  useEffect(() => {
    if (basemap.data) registerUiFonts(basemap.data.fontFiles);
  }, [basemap.data]);

  return (
    <div className="app" lang={language === 'zh' ? 'zh-CN' : language}>
      <header className="topbar">
        <h1>{text('title', language)}</h1>
        <span className="count-line">
          {mapFeatures && features.data
            ? `${mapFeatures.features.length} ${text('onMap', language)} · ${features.data.features.length - mapFeatures.features.length} ${text('notLocated', language)}`
            : text('loading', language)}
        </span>
        <nav className="languages" aria-label="Ngôn ngữ / Language / 语言">
          {(Object.keys(LANGUAGE_NAMES) as Language[]).map((code) => (
            <button
              key={code}
              type="button"
              aria-pressed={code === language}
              onClick={() => setUrlState({ lang: code })}
              lang={code === 'zh' ? 'zh-CN' : code}
            >
              {LANGUAGE_NAMES[code]}
            </button>
          ))}
        </nav>
      </header>
      <main className="workspace">
        {basemap.data ? (
          <MapView
            basemap={basemap.data}
            features={mapFeatures}
            selectedId={urlState.feature}
            language={language}
            onSelect={select}
          />
        ) : (
          <div className="map map-placeholder" role="status">
            {basemap.isError ? `${text('loadError', language)}: ${basemap.error.message}` : text('loading', language)}
          </div>
        )}
        <Legend features={mapFeatures} language={language} />
        {urlState.feature ? (
          <FeaturePanel key={urlState.feature} id={urlState.feature} language={language} onSelect={select} />
        ) : (
          <aside className="panel panel-hint">{text('selectHint', language)}</aside>
        )}
        {features.isError && (
          <p className="error-banner" role="alert">
            {text('loadError', language)}: {features.error.message}
          </p>
        )}
      </main>
    </div>
  );
}
