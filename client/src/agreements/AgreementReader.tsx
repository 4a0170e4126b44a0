import type { ClauseWithFeatures } from '@domain/api';
import { AGREEMENT_KIND_LABELS, KIND_BY_ID } from '@domain/vocabulary';
import { memo, useEffect, useRef } from 'react';
import { errorText } from '../api/error-text';
import { useAgreement } from '../api/record-queries';
import { clauseLabelIn } from '../i18n/clause-label';
import type { Language } from '../i18n/language';
import { RecordName, RecordText } from '../i18n/record-text';
import { formatDate, nameIn, text } from '../i18n/ui-text';

type Props = {
  id: string;
  selectedClause: string | null;
  language: Language;
  onSelectClause: (clauseId: string | null) => void;
  onSelectFeature: (featureId: string) => void;
  /** Opens another document at a clause (a referenced document's citing clauses). */
  onOpenClause: (agreementId: string, clauseId: string) => void;
  onClose: () => void;
};

/** Reads an agreement clause by clause; a clause shows its features and selecting it shows them on the map. */
export const AgreementReader = memo(function AgreementReader({
  id,
  selectedClause,
  language,
  onSelectClause,
  onSelectFeature,
  onOpenClause,
  onClose,
}: Props) {
  const agreement = useAgreement(id);
  const selectedRef = useRef<HTMLLIElement>(null);
  // Once the text has arrived, bring the clause the reader was sent to into view.
  const loaded = agreement.data !== undefined;
  useEffect(() => {
    if (loaded) selectedRef.current?.scrollIntoView({ block: 'center' });
  }, [loaded]);

  if (agreement.isPending) return <aside className="panel">{text('loading', language)}</aside>;
  if (agreement.isError) {
    return (
      <aside className="panel" role="alert">
        {text('loadError', language)}: {errorText(agreement.error, language)}
      </aside>
    );
  }
  const data = agreement.data;
  const date = data.signedDate ?? data.documentDate;
  return (
    <aside className="panel reader" aria-labelledby="agreement-title" data-agreement-id={data.id}>
      <button type="button" className="close" onClick={onClose} aria-label={text('close', language)}>
        ×
      </button>
      <p className="kind">
        {data.id} · {AGREEMENT_KIND_LABELS[data.kind][language]}
        {data.draft && ` (${text('draft', language)})`}
        {!data.sourceFile && ` · ${text('textNotHeld', language)}`}
      </p>
      <h2 id="agreement-title" lang="vi">
        {data.title.vi}
      </h2>
      {language === 'vi' ? (
        data.title.zh && <p lang="zh-CN">{data.title.zh}</p>
      ) : (
        <p className="title-translation">
          <RecordName value={data.title} language={language} />
        </p>
      )}
      <p className="muted">
        {date && formatDate(date, language)}
        {data.place && ` · ${data.place}`}
        {data.period && ` · ${text('period', language)} ${data.period.from}–${data.period.to}`}
      </p>
      <p className="note">
        {text('parties', language)}:{' '}
        {data.parties.map((party, index) => (
          <span key={`${party.country}-${party.name.vi}`}>
            {index > 0 && '; '}
            <RecordName value={party.name} language={language} />
          </span>
        ))}
      </p>
      {data.datesSource && (
        <p className="note dates-source">
          {text('datesSource', language)}:{' '}
          <span className="source">
            <RecordText text={data.datesSource} language={language} />
          </span>
        </p>
      )}
      {data.note && (
        <p className="note">
          <RecordText text={data.note} language={language} />
        </p>
      )}
      {data.unlinked && <p className="note unlinked">{data.unlinked[language]}</p>}
      {data.citedAbout.length > 0 && (
        <section>
          <h3>{text('citedAbout', language)}</h3>
          <ul className="cited-about">
            {data.citedAbout.map((citation) => (
              <li key={citation.clauseId} data-clause-id={citation.clauseId}>
                <button
                  type="button"
                  className="link clause-link"
                  title={text('openClause', language)}
                  onClick={() => onOpenClause(citation.clauseId.split(':')[0], citation.clauseId)}
                >
                  <code>{citation.clauseId}</code>
                </button>{' '}
                <span className="muted">{clauseLabelIn(citation.clauseLabel, language)}</span>
                <FeatureChips features={citation.features} language={language} onSelectFeature={onSelectFeature} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <ol className="clauses">
        {data.clauses.map((clause) => (
          <ClauseItem
            key={clause.id}
            clause={clause}
            language={language}
            selected={clause.id === selectedClause}
            itemRef={clause.id === selectedClause ? selectedRef : undefined}
            onSelect={() => onSelectClause(clause.id === selectedClause ? null : clause.id)}
            onSelectFeature={onSelectFeature}
          />
        ))}
      </ol>
    </aside>
  );
});

type ClauseProps = {
  clause: ClauseWithFeatures;
  language: Language;
  selected: boolean;
  itemRef?: React.Ref<HTMLLIElement>;
  onSelect: () => void;
  onSelectFeature: (featureId: string) => void;
};

function ClauseItem({ clause, language, selected, itemRef, onSelect, onSelectFeature }: ClauseProps) {
  return (
    <li ref={itemRef} className={selected ? 'clause selected' : 'clause'} data-clause-id={clause.id}>
      <div className="clause-head">
        <code>{clause.id}</code> <span className="muted">{clauseLabelIn(clause.label, language)}</span>
      </div>
      <p lang="vi" className="clause-text">
        {clause.text.vi}
      </p>
      {clause.text.zh && (
        <p lang="zh-CN" className="clause-text zh">
          {clause.text.zh}
        </p>
      )}
      {clause.features.length > 0 && (
        <div className="clause-features">
          <button type="button" className="show-on-map" aria-pressed={selected} onClick={onSelect}>
            {text('showOnMap', language)} ({clause.features.length})
          </button>
          <FeatureChips features={clause.features} language={language} onSelectFeature={onSelectFeature} />
        </div>
      )}
    </li>
  );
}

function FeatureChips({
  features,
  language,
  onSelectFeature,
}: {
  features: ClauseWithFeatures['features'];
  language: Language;
  onSelectFeature: (featureId: string) => void;
}) {
  return (
    <ul className="feature-chips">
      {features.map((feature) => (
        <li key={feature.id}>
          <button
            type="button"
            className="chip"
            onClick={() => onSelectFeature(feature.id)}
            title={KIND_BY_ID[feature.kind].label[language]}
          >
            {/* A name the record holds no Chinese for stays Vietnamese, and says so (screen readers, fonts). */}
            <span lang={language === 'zh' && !feature.name.zh ? 'vi' : undefined}>{nameIn(feature.name, language)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
