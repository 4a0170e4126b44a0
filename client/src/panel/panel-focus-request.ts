/**
 * A feature chosen by keyboard (Enter on a result or a search hit) takes the focus into its panel once the panel
 * shows it, so the next Tab is the panel's first control, not the rest of a long list. A click leaves the focus alone.
 */
let requestedAt: number | null = null;

/** How long a request waits for its panel (a choice that opened none — a province, a clause — is then forgotten). */
const REQUEST_MS = 5000;

/** Called where a feature is chosen; `keyboard`: the choice came from a key (a click's `detail` is 0 then). */
export function requestPanelFocus(keyboard: boolean) {
  requestedAt = keyboard ? performance.now() : null;
}

/** The panel takes the request, once. */
export function takePanelFocusRequest(): boolean {
  const wanted = requestedAt !== null && performance.now() - requestedAt < REQUEST_MS;
  requestedAt = null;
  return wanted;
}
