/**
 * Writes the screen's state into the address bar. A selection pushes a history entry at once (the
 * back button returns to it); a slider step or a filter replaces the entry once the input settles,
 * so scrubbing through the years writes the URL once, not on every step: each history call costs
 * milliseconds on the input's path, and Chromium throttles a page that makes too many.
 */
export type UrlWriter = {
  /** The URL should now read `search` ("?…" or ""). */
  write(search: string, mode: 'push' | 'replace'): void;
  /** Writes a waiting replacement now (the page is being left). */
  flush(): void;
  /** Drops a waiting replacement (the user went back or forward: that entry wins). */
  cancel(): void;
};

export type UrlTarget = {
  readonly location: { pathname: string; search: string; hash: string };
  readonly history: {
    pushState(data: unknown, unused: string, url: string): void;
    replaceState(data: unknown, unused: string, url: string): void;
  };
};

/** How long a replacement waits for the next input, ms. */
const REPLACE_SETTLE_MS = 250;

export function createUrlWriter(target: UrlTarget, settleMs = REPLACE_SETTLE_MS): UrlWriter {
  let waiting: { search: string; timer: ReturnType<typeof setTimeout> } | null = null;
  const urlOf = (search: string) => `${target.location.pathname}${search}${target.location.hash}`;
  const replaceNow = (search: string) => {
    if (search !== target.location.search) target.history.replaceState(null, '', urlOf(search));
  };
  const flush = () => {
    if (!waiting) return;
    clearTimeout(waiting.timer);
    const { search } = waiting;
    waiting = null;
    replaceNow(search);
  };
  return {
    write(search, mode) {
      if (mode === 'push') {
        // The entry being left keeps what was last replaced into it, then the new one is pushed.
        flush();
        if (search !== target.location.search) target.history.pushState(null, '', urlOf(search));
        return;
      }
      if (waiting) clearTimeout(waiting.timer);
      waiting = { search, timer: setTimeout(flush, settleMs) };
    },
    flush,
    cancel() {
      if (waiting) clearTimeout(waiting.timer);
      waiting = null;
    },
  };
}
