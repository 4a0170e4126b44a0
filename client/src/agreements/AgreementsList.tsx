import type { Agreement } from '@domain/schemas';
import type { Language } from '../i18n/language';
import { formatDate, text } from '../i18n/ui-text';

type Props = {
  agreements: readonly (Agreement & { clauseCount: number })[];
  language: Language;
  openId: string | null;
  onOpen: (id: string) => void;
};

const titleIn = (agreement: Agreement, language: Language) =>
  language === 'vi' ? agreement.title.vi : language === 'zh' ? (agreement.title.zh ?? agreement.title.en) : agreement.title.en;

/** The agreements: kind, date, parties, period; each opens in the reader. */
export function AgreementsList({ agreements, language, openId, onOpen }: Props) {
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
                {titleIn(agreement, language)}
              </button>
              <span className="agreement-meta">
                {agreement.id} · {agreement.kind}
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
}
