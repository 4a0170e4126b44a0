import * as Tabs from '@radix-ui/react-tabs';
import type { ReactNode } from 'react';
import type { Language } from '../i18n/language';
import { type TextKey, text } from '../i18n/ui-text';
import { SIDEBAR_TABS, type SidebarTab } from './sidebar-tabs';

const LABEL: Record<SidebarTab, TextKey> = {
  progress: 'tabProgress',
  filters: 'tabFilters',
  changes: 'tabChanges',
  briefings: 'tabBriefings',
  documents: 'tabDocuments',
};

type Props = {
  tab: SidebarTab;
  onTab: (tab: SidebarTab) => void;
  language: Language;
  /** What each tab holds (rendered only while its tab is open). */
  panels: Record<SidebarTab, ReactNode>;
  /** A count beside a tab's name (results shown, features changed), when known. */
  counts: Partial<Record<SidebarTab, number>>;
};

/**
 * The sidebar's sections as tabs (WAI-ARIA tabs through Radix: arrow keys move between them, Tab goes into the
 * open one), so each tool is one click away instead of somewhere down a long column.
 */
export function SidebarTabs({ tab, onTab, language, panels, counts }: Props) {
  return (
    <Tabs.Root className="sidebar-tabs" value={tab} onValueChange={(value) => onTab(value as SidebarTab)}>
      <Tabs.List className="sidebar-tab-list" aria-label={text('sidebarTabs', language)}>
        {SIDEBAR_TABS.map((id) => (
          <Tabs.Trigger key={id} value={id} className="sidebar-tab" data-tab={id}>
            {text(LABEL[id], language)}
            {counts[id] !== undefined && <span className="tab-count">{counts[id]}</span>}
          </Tabs.Trigger>
        ))}
      </Tabs.List>
      {SIDEBAR_TABS.map((id) => (
        <Tabs.Content key={id} value={id} className="sidebar-tab-panel" data-tab={id}>
          {panels[id]}
        </Tabs.Content>
      ))}
    </Tabs.Root>
  );
}
