import type { RecordViewResponse, SearchResponse } from '@domain/api';
import type { RefObject } from 'react';
import { SignIn } from '../access/SignIn';
import { DataDownloads } from '../export/DataDownloads';
import { ExportButton } from '../export/ExportButton';
import type { Filters } from '../filters/filters';
import type { Language } from '../i18n/language';
import { text } from '../i18n/ui-text';
import type { MapHandle } from '../map/map-handle';
import { SearchBox } from '../search/SearchBox';

const LANGUAGE_NAMES: Record<Language, string> = { vi: 'Tiếng Việt', en: 'English', zh: '中文' };

type Props = {
  language: Language;
  /** The planner's view for the counts (undefined while loading). */
  view: RecordViewResponse | undefined;
  sidebarOpen: boolean;
  onToggleSidebar: () => void;
  onChooseHit: (hit: SearchResponse[number]) => void;
  map: RefObject<MapHandle | null>;
  filters: Filters;
  exportTitle: string;
  editor: boolean;
  importOpen: boolean;
  onToggleImport: () => void;
  onLanguage: (language: Language) => void;
};

/** The top bar: title and counts, search, exports and downloads, import, sign-in and the languages. */
export function TopBar({
  language,
  view,
  sidebarOpen,
  onToggleSidebar,
  onChooseHit,
  map,
  filters,
  exportTitle,
  editor,
  importOpen,
  onToggleImport,
  onLanguage,
}: Props) {
  return (
    <header className="topbar">
      <button type="button" className="sidebar-toggle" aria-expanded={sidebarOpen} aria-controls="sidebar" onClick={onToggleSidebar}>
        ☰ {text('filters', language)}
      </button>
      <h1>{text('title', language)}</h1>
      <span className="count-line">
        {view ? `${view.onMap} ${text('onMap', language)} · ${view.notLocated} ${text('notLocated', language)}` : text('loading', language)}
      </span>
      <SearchBox language={language} onChoose={onChooseHit} />
      <ExportButton map={() => map.current} filters={filters} title={exportTitle} language={language} />
      <DataDownloads filters={filters} language={language} />
      {editor && (
        <button type="button" className="import-open" aria-pressed={importOpen} onClick={onToggleImport}>
          ＋ {text('importDocument', language)}
        </button>
      )}
      <SignIn language={language} />
      <nav className="languages" aria-label="Ngôn ngữ / Language / 语言">
        {(Object.keys(LANGUAGE_NAMES) as Language[]).map((code) => (
          <button
            key={code}
            type="button"
            aria-pressed={code === language}
            onClick={() => onLanguage(code)}
            lang={code === 'zh' ? 'zh-CN' : code}
          >
            {LANGUAGE_NAMES[code]}
          </button>
        ))}
      </nav>
    </header>
  );
}
