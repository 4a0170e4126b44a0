import type { agreementListResponse } from '@domain/api';
import { useMemo } from 'react';
import type { z } from 'zod';
import { useRecordView } from '../api/view-queries';
import { emptyAgreementReason, hasOtherFilters } from '../filters/empty-reason';
import { type Filters, NO_FILTERS } from '../filters/filters';
import type { Language } from '../i18n/language';
import { emptyReasonText } from '../i18n/ui-text';

/**
 * Why an agreement filter leaves nothing, in words (null when something is shown): the same date and
 * agreements without the other filters tell whether the documents are linked to no feature then, or the
 * other filters exclude them (one more small GET /api/view, only when it is needed).
 */
export function useEmptyReason(
  filters: Filters,
  view: ReturnType<typeof useRecordView>,
  agreements: z.infer<typeof agreementListResponse> | undefined,
  language: Language,
): string | null {
  const emptyWithAgreement = view.data?.total === 0 && !view.isPlaceholderData && filters.agreements.length > 0;
  const linkedFilters = useMemo(() => ({ ...NO_FILTERS, asOf: filters.asOf, agreements: filters.agreements }), [filters]);
  const linkedView = useRecordView(linkedFilters, 1, emptyWithAgreement && hasOtherFilters(filters));
  const linkedTotal = !emptyWithAgreement
    ? undefined
    : hasOtherFilters(filters)
      ? linkedView.isPlaceholderData
        ? undefined
        : linkedView.data?.total
      : 0;
  return useMemo(() => {
    const why = emptyAgreementReason(filters, linkedTotal, agreements ?? []);
    return why ? emptyReasonText(why, language) : null;
  }, [filters, linkedTotal, agreements, language]);
}
