import type { FeatureDetailResponse, HistoryEntry } from '@domain/api';
import { KIND_BY_ID, LEVEL_BY_ID, PRECISION_BY_ID, STATUS_BY_ID } from '@domain/vocabulary';
import { memo, useEffect, useRef, useState } from 'react';
import { errorText } from '../api/error-text';
import { useFeatureDetail } from '../api/queries';
import { useAgreements } from '../api/record-queries';
import { csrfTokenOf, useSession } from '../api/session';
import { clauseLabelIn } from '../i18n/clause-label';
import type { Language } from '../i18n/language';
import { RecordText } from '../i18n/record-text';
import { formatDate, nameIn, reportedOn, text, titleIn } from '../i18n/ui-text';
import { PANEL_SHOWN_EVENT } from '../map/clear-area';
import { RouteComparison } from '../routes/RouteComparison';
import { StatusBadge } from '../ui/StatusBadge';
import { BasisList } from './BasisList';
import { HistoryTimeline } from './HistoryTimeline';
import { InferredMark } from './InferredMark';
import { ProgressLine } from './ProgressLine';
import { takePanelFocusRequest } from './panel-focus-request';
import { StatusStepForm } from './StatusStepForm';
import { SubjectText } from './SubjectText';
import { TargetLine } from './TargetLine';

type Props = {
  id: string;
  /** The slider's date: the panel reads the deadlines on it (null: today). */
  asOf?: string | null;
  language: Language;
  onSelect: (id: string | null) => void;
  /** Opens a document in the reader, at a clause (null: at its top). */
  onOpenClause: (agreementId: string, clauseId: string | null) => void;
};

/** "level:international" → "Quốc tế"; "subject:Expansion of the road" stays as the subject. */
function commitmentTitle(key: string, language: Language): string {
  const [kind, value] = key.split(':');
  if (kind === 'level')
    return value === 'unstated' ? text('levelNotStated', language) : LEVEL_BY_ID[value as keyof typeof LEVEL_BY_ID].label[language];
  return value;
}

export const FeaturePanel = memo(function FeaturePanel({ id, asOf = null, language, onSelect, onOpenClause }: Props) {
  const detail = useFeatureDetail(id, asOf);
  if (detail.isPending) return <aside className="panel">{text('loading', language)}</aside>;
  if (detail.isError) {
    return (
      <aside className="panel" role="alert">
        {text('loadError', language)}: {errorText(detail.error, language)}
      </aside>
    );
  }
  return <PanelBody feature={detail.data} language={language} onSelect={onSelect} onOpenClause={onOpenClause} />;
});

function PanelBody({ feature, language, onSelect, onOpenClause }: Omit<Props, 'id'> & { feature: FeatureDetailResponse }) {
  const { properties, record, history, related } = feature;
  const status = properties.status ? STATUS_BY_ID[properties.status] : null;
  const precision = properties.precision ? PRECISION_BY_ID[properties.precision] : null;
  const location = record.location ?? record.waypoints?.[0]?.location;
  const csrfToken = csrfTokenOf(useSession().data);
  const reportedInDocument = useAgreements().data?.find((agreement) => agreement.id === properties.reportedIn);
  const canEdit = Boolean(csrfToken) && KIND_BY_ID[properties.kind].hasStatus;
  // The step an editor is correcting (the form opens on it), or null.
  const [correcting, setCorrecting] = useState<HistoryEntry | null>(null);
  const [correctionSaved, setCorrectionSaved] = useState(false);
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    if (takePanelFocusRequest()) panel.current?.focus();
    // On a phone the panel is a sheet over the map: the map keeps the selection clear of it.
    window.dispatchEvent(new Event(PANEL_SHOWN_EVENT));
  }, []);
  return (
    <aside className="panel" aria-labelledby="feature-title" data-feature-id={feature.id} ref={panel} tabIndex={-1}>
      <button type="button" className="close" onClick={() => onSelect(null)} aria-label={text('close', language)}>
        ×
      </button>
      <p className="kind">{KIND_BY_ID[properties.kind].label[language]}</p>
      <h2 id="feature-title" lang="vi">
        {properties.name.vi}
      </h2>
      <p className="names">
        {properties.name.zh && (
          <span className="name-zh">
            <span lang="zh-CN">{properties.name.zh}</span>
            {properties.zhInferred && <InferredMark language={language} />}
          </span>
        )}
        <span lang="en" className="name-en">
          {properties.name.en}
        </span>
      </p>

      {status && (
        <div className="current">
          <StatusBadge status={status.id} language={language} />
          <span className="level">
            {properties.level ? LEVEL_BY_ID[properties.level].label[language] : text('levelNotStated', language)}
          </span>
          {properties.since && (
            // The status is as the latest document on it says, on its date: never a fact of today.
            <span
              className="since reported-on"
              title={reportedInDocument ? `${titleIn(reportedInDocument.title, language)} (${reportedInDocument.id})` : undefined}
            >
              {reportedOn(properties.since, language)}
            </span>
          )}
          {properties.upgrade && (
            <p className="upgrade">
              {text('upgrade', language)} {LEVEL_BY_ID[properties.upgrade.level].label[language]}:{' '}
              <StatusBadge status={properties.upgrade.status} language={language} />
            </p>
          )}
        </div>
      )}

      {properties.waypoints && (
        <section className="route-info">
          <h3>
            {properties.route ? text('routeWaypoints', language) : text('pairingEnds', language)}
            {properties.lengthKm !== null &&
              ` · ${properties.lengthKm.toLocaleString(language === 'vi' ? 'vi-VN' : language === 'zh' ? 'zh-CN' : 'en')} km`}
          </h3>
          {properties.route && (
            <p className="muted">
              {[properties.route.number && `${text('routeNumber', language)} ${properties.route.number}`, properties.route.variant]
                .filter(Boolean)
                .join(' · ')}
            </p>
          )}
          <ol className="waypoints">
            {properties.waypoints.map((waypoint) => (
              <li key={`${waypoint.name.vi}-${waypoint.coordinates.join(',')}`}>
                {nameIn(waypoint.name, language)}
                {language !== 'zh' && waypoint.name.zh && <span lang="zh-CN"> · {waypoint.name.zh}</span>}
              </li>
            ))}
          </ol>
          {properties.schematic && <p className="note">{text('schematic', language)}</p>}
          {properties.route && <RouteComparison route={feature} language={language} />}
        </section>
      )}

      {record.sides && (
        <section>
          <h3>{text('sides', language)}</h3>
          <ul className="sides">
            {record.sides.map((side) => (
              <li key={side.country}>
                <strong>{side.country}</strong> {side.name.vi}
                {side.name.zh && (
                  <>
                    {' '}
                    · <span lang="zh-CN">{side.name.zh}</span>
                    {side.zhInferred && <InferredMark language={language} />}
                  </>
                )}
                {side.note && (
                  <span className="note">
                    {' '}
                    — <RecordText text={side.note} language={language} />
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      {feature.commitments.length > 0 && (
        <section className="commitments">
          <h3>{text('commitments', language)}</h3>
          <ul>
            {feature.commitments.map((commitment) => (
              <li key={commitment.key} className={commitment.stalled ? 'commitment stalled' : 'commitment'}>
                <strong>
                  {commitment.subject ? (
                    <SubjectText subject={commitment.subject} language={language} />
                  ) : (
                    commitmentTitle(commitment.key, language)
                  )}
                </strong>
                {commitment.stalled && <span className="stalled-badge">{text('stalled', language)}</span>}
                {commitment.achieved && (
                  <span className="achieved-badge">
                    {text('achieved', language)} {formatDate(commitment.achieved, language)}
                  </span>
                )}
                <span className="muted">
                  {' '}
                  {text('firstMade', language)} {formatDate(commitment.firstMade, language)}
                  {commitment.lastRestated !== commitment.firstMade &&
                    !commitment.progressed.some((step) => step.date === commitment.lastRestated) &&
                    ` · ${text('restated', language)} ${formatDate(commitment.lastRestated, language)}`}
                </span>
                {commitment.target && <TargetLine target={commitment.target} language={language} onOpenClause={onOpenClause} />}
                {commitment.progressed.map((step) => (
                  <ProgressLine key={`${step.date}|${step.clauseId}`} step={step} language={language} onOpenClause={onOpenClause} />
                ))}
                {commitment.stalled && (
                  <p className="note">
                    {text('stalledWhy', language)}: {commitment.stalled.sinceClause} ({formatDate(commitment.stalled.since, language)}) →{' '}
                    {commitment.stalled.restatedClause} ({formatDate(commitment.stalled.restated, language)}),{' '}
                    {Math.round(commitment.stalled.days / 30.4)} {language === 'vi' ? 'tháng' : language === 'zh' ? '个月' : 'months'}.
                  </p>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section>
        <h3>{text('history', language)}</h3>
        <HistoryTimeline
          history={history}
          language={language}
          onOpenClause={onOpenClause}
          onCorrect={
            canEdit
              ? (entry) => {
                  setCorrectionSaved(false);
                  setCorrecting(entry);
                }
              : undefined
          }
        />
        {canEdit && csrfToken && (
          <StatusStepForm
            key={correcting ? `${correcting.date}|${correcting.clauseId}|${correcting.status}|${correcting.level}` : 'new'}
            feature={feature}
            csrfToken={csrfToken}
            language={language}
            correcting={correcting}
            onDone={(saved) => {
              setCorrecting(null);
              setCorrectionSaved(saved && correcting !== null);
            }}
          />
        )}
        {correctionSaved && !correcting && (
          <p className="saved" role="status">
            {text('stepSaved', language)}
          </p>
        )}
      </section>

      {feature.basis.length > 0 && <BasisList basis={feature.basis} language={language} onOpenClause={onOpenClause} />}

      {record.mentionedIn.length > 0 && (
        <section>
          <h3>{text('mentionedIn', language)}</h3>
          <ul className="mentions">
            {record.mentionedIn.map((mention) => (
              <li key={mention.clauseId}>
                <button type="button" className="link clause-link" onClick={() => onOpenClause(mention.agreementId, mention.clauseId)}>
                  <code>{mention.clauseId}</code>
                </button>{' '}
                {clauseLabelIn(mention.label, language)}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className={properties.approximate ? 'position approximate' : 'position'}>
        <h3>{text('position', language)}</h3>
        {record.unlocated ? (
          <p className="warning">
            {text('unlocated', language)}{' '}
            <span className="note">
              <RecordText text={record.unlocated} language={language} />
            </span>
          </p>
        ) : (
          properties.approximate && <p className="warning">{text('approximateWarning', language)}</p>
        )}
        <p>
          {precision && <strong>{precision.label[language]}</strong>}
          {location && (
            <>
              {' '}
              · {location.provenance === 'estimate' ? text('estimate', language) : text('source', language)}:{' '}
              <span className="source">
                <RecordText text={location.source} language={language} />
              </span>
            </>
          )}
        </p>
        {location?.marks && (
          <p className="note">
            <RecordText text={location.marks} language={language} />
          </p>
        )}
        {location?.note && (
          <p className="note">
            <RecordText text={location.note} language={language} />
          </p>
        )}
        <AlsoReported
          reports={[
            ...(location?.alsoReported ?? []),
            ...(record.sides ?? []).flatMap(
              (side) => side.location?.alsoReported?.map((report) => ({ ...report, side: side.country })) ?? [],
            ),
          ]}
          language={language}
        />
        {properties.schematic && <p className="note">{text('schematic', language)}</p>}
      </section>

      {related.length > 0 && (
        <section>
          <h3>{text('related', language)}</h3>
          <ul className="related">
            {related.map((link) => (
              <li key={`${link.direction}-${link.id}`}>
                <span className="kind-tag">{KIND_BY_ID[link.kind].label[language]}</span>{' '}
                <button type="button" className="link" onClick={() => onSelect(link.id)}>
                  {nameIn(link.name, language)}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {record.note && (
        <p className="note">
          <RecordText text={record.note} language={language} />
        </p>
      )}
    </aside>
  );
}

type Report = { coordinates: [number, number]; source: string; marks?: string; side?: string };

/** Other published points that disagree with the one drawn (the map joins each to it with a dashed line). */
function AlsoReported({ reports, language }: { reports: readonly Report[]; language: Language }) {
  if (reports.length === 0) return null;
  return (
    <div className="also-reported">
      <p className="also-reported-heading">{text('alsoReported', language)}:</p>
      <ul>
        {reports.map((report) => (
          <li key={`${report.side ?? ''}${report.coordinates.join(',')}${report.source}`}>
            {report.side && <strong>{report.side} </strong>}
            <span className="coordinates">
              {report.coordinates[1].toFixed(4)}, {report.coordinates[0].toFixed(4)}
            </span>{' '}
            ·{' '}
            <span className="source">
              <RecordText text={report.source} language={language} />
            </span>
            {report.marks && (
              <span className="note">
                {' '}
                — <RecordText text={report.marks} language={language} />
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
