import type { Agreement } from '@domain/schemas';
import { AGREEMENT_KIND_LABELS } from '@domain/vocabulary';
import { memo } from 'react';
import type { Language } from '../i18n/language';
import { RecordName } from '../i18n/record-text';
import { formatDate, text } from '../i18n/ui-text';

type Props = {
  agreements: readonly (Agreement & { clauseCount: number })[];
  language: Language;
  openId: string | null;
  onOpen: (id: string) => void;
};

/** The agreements: kind, date, parties, period; each opens in the reader. */
export const AgreementsList = memo(function AgreementsList({ agreements, language, openId, onOpen }: Props) {
  const sorted = [...agreements].sort((a, b) =>
    (a.signedDate ?? a.documentDate ?? '0').localeCompare(b.signedDate ?? b.documentDate ?? '0'),
  );
  return (
    <section className="agreements" aria-label={text('agreements', language)}>
      <h2>{text('agreements', language)}</h2>
      <ul>
        {sorted.map((agreement) => {
          const date = agreement.signedDate ?? agreement.documentDate;
          return (
            <li key={agreement.id} data-agreement-id={agreement.id}>
              {/* Held documents open at their text; referenced ones at what the texts cite them about. */}
              <button
                type="button"
                className="link"
                aria-current={agreement.id === openId ? 'true' : undefined}
                onClick={() => onOpen(agreement.id)}
              >
                <RecordName value={agreement.title} language={language} />
              </button>
              <span className="agreement-meta">
                {agreement.id} · {AGREEMENT_KIND_LABELS[agreement.kind][language]}
                {agreement.draft && ` (${text('draft', language)})`}
                {date && ` · ${formatDate(date, language)}`}
                {agreement.period && ` · ${agreement.period.from}–${agreement.period.to}`}
                {!agreement.sourceFile && ` · ${text('textNotHeld', language)}`}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
});
