import type { ApiFeature } from '@domain/api';
import { STATUSES } from '@domain/vocabulary';
import type { Language } from '../i18n/language';

/** The statuses among the features shown, in the vocabulary's order: the legend of an exported map. */
export function statusLegend(shown: readonly ApiFeature[], language: Language): { color: string; label: string }[] {
  return STATUSES.filter((status) => shown.some((f) => f.properties.status === status.id)).map((status) => ({
    color: status.color,
    label: status.label[language],
  }));
}
