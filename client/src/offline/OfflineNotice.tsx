import type { Language } from '../i18n/language';
import { offlineNotice } from '../i18n/ui-text';
import { useOfflineState } from './offline-state';

/** On the map while the record shown is the one kept without a network: says so, and when it was saved. */
export function OfflineNotice({ language }: { language: Language }) {
  const { offline, savedAt } = useOfflineState();
  if (!offline) return null;
  return (
    <p className="map-notice offline-notice" role="status" data-saved-at={savedAt ?? ''}>
      {offlineNotice(savedAt, language)}
    </p>
  );
}
