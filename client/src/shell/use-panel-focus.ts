import { useEffect, useRef } from 'react';
import { isTyping } from '../ui/is-typing';

/**
 * A side panel (a feature, an agreement) gives the focus back when it closes: to what had it when the
 * panel opened (a result, a search hit, the map), or to the map when that is gone — never to the page's
 * top. It takes nothing from an element the user has moved to meanwhile.
 */
export function usePanelFocusReturn(openKey: string | null) {
  const opener = useRef<HTMLElement | null>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    const open = openKey !== null;
    if (open && !wasOpen.current) opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!open && wasOpen.current) {
      const lost = !document.activeElement || document.activeElement === document.body;
      const back = opener.current?.isConnected ? opener.current : document.querySelector<HTMLElement>('.map canvas');
      if (lost) back?.focus();
      opener.current = null;
    }
    wasOpen.current = open;
  }, [openKey]);
}

/** Escape closes the panel in hand (`close` null: none open, or one that must not close on a key, as an import). */
export function useEscapeToClose(close: (() => void) | null) {
  useEffect(() => {
    if (!close) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || isTyping(event.target)) return;
      event.preventDefault();
      close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [close]);
}
