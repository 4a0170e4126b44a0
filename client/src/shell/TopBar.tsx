import type { RecordViewResponse, SearchResponse } from '@domain/api';
import { memo, type RefObject, useEffect, useRef, useState } from 'react';
import { SignIn } from '../access/SignIn';
import { DataDownloads } from '../export/DataDownloads';
import { ExportButton } from '../export/ExportButton';
import type { Filters } from '../filters/filters';
import { htmlLang, type Language } from '../i18n/language';
import { text } from '../i18n/ui-text';
import type { MapHandle } from '../map/map-handle';
import { SearchBox } from '../search/SearchBox';

const LANGUAGE_NAMES: Record<Language, string> = { vi: 'Tiếng Việt', en: 'English', zh: '中文' };
/** What a language's button shows on a phone (its name stays the button's name for screen readers). */
const LANGUAGE_CODES: Record<Language, string> = { vi: 'VI', en: 'EN', zh: '中' };

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
export const TopBar = memo(function TopBar({
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
  // Exports, downloads, import and sign-in in one menu: the bar stays one calm row; the languages stay in sight.
  const [toolsOpen, setToolsOpen] = useState(false);
  const toolsRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!toolsOpen) return;
    // A click elsewhere or Escape folds it (a click inside, on a download or the sign-in form, does not).
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!toolsRef.current?.contains(target) && !(target as Element).closest?.('.tools-toggle')) setToolsOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setToolsOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [toolsOpen]);
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
      <button
        type="button"
        className="tools-toggle"
        aria-expanded={toolsOpen}
        aria-controls="header-tools"
        onClick={() => setToolsOpen((open) => !open)}
      >
        ⋯ {text('tools', language)}
      </button>
      <div id="header-tools" ref={toolsRef} className={toolsOpen ? 'header-tools open' : 'header-tools'}>
        <ExportButton map={() => map.current} filters={filters} title={exportTitle} language={language} />
        <DataDownloads filters={filters} language={language} />
        {editor && (
          <button
            type="button"
            className="import-open"
            aria-pressed={importOpen}
            onClick={() => {
              setToolsOpen(false);
              onToggleImport();
            }}
          >
            ＋ {text('importDocument', language)}
          </button>
        )}
        <SignIn language={language} />
      </div>
      <nav className="languages" aria-label="Ngôn ngữ / Language / 语言">
        {(Object.keys(LANGUAGE_NAMES) as Language[]).map((code) => (
          <button
            key={code}
            type="button"
            aria-pressed={code === language}
            onClick={() => onLanguage(code)}
            lang={htmlLang(code)}
            aria-label={LANGUAGE_NAMES[code]}
          >
            <span className="language-name">{LANGUAGE_NAMES[code]}</span>
            <span className="language-code">{LANGUAGE_CODES[code]}</span>
          </button>
        ))}
      </nav>
    </header>
  );
});
