/** The sidebar's tabs, in their order on screen; the first is the one a new visit opens. */
export const SIDEBAR_TABS = ['progress', 'filters', 'changes', 'briefings', 'documents'] as const;
export type SidebarTab = (typeof SIDEBAR_TABS)[number];
export const DEFAULT_TAB: SidebarTab = SIDEBAR_TABS[0];

export const isSidebarTab = (value: unknown): value is SidebarTab => SIDEBAR_TABS.includes(value as SidebarTab);
