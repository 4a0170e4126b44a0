import type { FeatureDetailResponse } from '@domain/api';
import { clauseLabelIn } from '../i18n/clause-label';
import type { Language } from '../i18n/language';
import { RecordName, RecordText } from '../i18n/record-text';
import { formatDate, text } from '../i18n/ui-text';

type Basis = FeatureDetailResponse['basis'];
type Props = {
  basis: Basis;
  language: Language;
  onOpenClause: (agreementId: string, clauseId: string | null) => void;
};

/** The entries by referenced document, in the order the API gives them (a document cited in two clauses is listed once). */
function byDocument(basis: Basis): Basis[] {
  const groups = new Map<string, Basis>();
  for (const entry of basis) groups.set(entry.agreementId, [...(groups.get(entry.agreementId) ?? []), entry]);
  return [...groups.values()];
}

/**
 * "Căn cứ": the referenced documents (text not held) that a clause of a held document cites about
 * the feature — each opens in the reader (what else it is cited about), and so does each citing clause.
 */
export function BasisList({ basis, language, onOpenClause }: Props) {
  return (
    <section className="basis">
      <h3>{text('basis', language)}</h3>
      <ul>
        {byDocument(basis).map((entries) => {
          const [document] = entries;
          return (
            <li key={document.agreementId} data-agreement-id={document.agreementId}>
              <button type="button" className="link" onClick={() => onOpenClause(document.agreementId, null)}>
                <RecordName value={document.agreementTitle} language={language} />
              </button>
              {document.agreementDate && <span className="muted"> ({formatDate(document.agreementDate, language)})</span>}
              <ul className="cited-in">
                {entries.map((entry) => (
                  <li key={entry.clauseId}>
                    <span className="muted">{text('citedIn', language)} </span>
                    <button
                      type="button"
                      className="link clause-link"
                      title={text('openClause', language)}
                      onClick={() => onOpenClause(entry.clauseAgreementId, entry.clauseId)}
                    >
                      <code>{entry.clauseId}</code>
                    </button>{' '}
                    <span className="muted">{clauseLabelIn(entry.clauseLabel, language)}</span>
                    {entry.note && (
                      <p className="note">
                        <RecordText text={entry.note} language={language} />
                      </p>
                    )}
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
