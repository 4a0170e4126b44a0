import { flushSync } from 'react-dom';
import type { Language } from '../i18n/language';
import { text } from '../i18n/ui-text';
import type { SidebarTab } from './sidebar-tabs';

/** Where each skip link takes the focus: the map itself, the first result, the time slider. */
const TARGETS: readonly {
  key: 'skipToMap' | 'skipToResults' | 'skipToTime';
  /** The element the link names (always on the page, focusable: what a browser and an audit follow). */
  href: string;
  selectors: readonly string[];
  tab?: SidebarTab;
}[] = [
  { key: 'skipToMap', href: '#atlas-map', selectors: ['.map canvas'] },
  // The first result, or the list's heading when there is none (in their tab, opened first).
  { key: 'skipToResults', href: '#sidebar', selectors: ['.results .result', '.results'], tab: 'filters' },
  { key: 'skipToTime', href: '#atlas-time', selectors: ['.time-slider input[type="range"]'] },
];

/**
 * The first stops of the Tab order (shown when focused): past the header and the long sidebar straight to
 * the map, the results or the time slider.
 */
export function SkipLinks({ language, onOpenTab }: { language: Language; onOpenTab: (tab: SidebarTab) => void }) {
  return (
    <nav className="skip-links" aria-label={text('skipLinks', language)}>
      {TARGETS.map(({ key, href, selectors, tab }) => (
        <a
          key={key}
          href={href}
          onClick={(event) => {
            event.preventDefault();
            // The target's tab opens at once, so the target is there to take the focus.
            if (tab) flushSync(() => onOpenTab(tab));
            const target = selectors.map((selector) => document.querySelector<HTMLElement>(selector)).find(Boolean);
            if (!target) return;
            if (!target.matches('a, button, input, select, textarea, [tabindex]')) target.tabIndex = -1;
            // The sidebar is off screen on a phone: opened by the link's target coming into view.
            target.focus();
            target.scrollIntoView({ block: 'nearest' });
          }}
        >
          {text(key, language)}
        </a>
      ))}
    </nav>
  );
}
