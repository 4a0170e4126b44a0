import type { Briefing } from '@domain/briefings';
import { useEffect, useState } from 'react';
import { useCanEditBriefings } from '../api/briefing-mutations';
import type { Language } from '../i18n/language';
import { asString, ShownTextView, useRecordText } from '../i18n/record-text';
import { text } from '../i18n/ui-text';
import { keepBriefingPackReads } from '../offline/register';
import { BriefingEditor } from './BriefingEditor';

type Props = {
  briefing: Briefing;
  step: number;
  language: Language;
  presenting: boolean;
  onStep: (step: number) => void;
  onPresent: (present: boolean) => void;
  onClose: () => void;
  currentScreen: () => Omit<import('@domain/briefings').BriefingStep, 'title' | 'text'>;
  /** Makes and downloads the PDF pack; reports steps drawn so far. */
  onExportPdf: (onProgress: (done: number, total: number) => void) => Promise<void>;
};

/**
 * The card that walks through a briefing: arrow keys or buttons, each step its own URL. Anyone plays it
 * and exports its PDF pack; only a signed-in editor gets the editor.
 */
export function BriefingPlayer({ briefing, step, language, presenting, onStep, onPresent, onClose, currentScreen, onExportPdf }: Props) {
  const canEdit = useCanEditBriefings();
  const [editing, setEditing] = useState(false);
  const [pdfProgress, setPdfProgress] = useState<string | null>(null);
  const [pdfError, setPdfError] = useState<string | null>(null);
  const exportPdf = async () => {
    setPdfError(null);
    setPdfProgress('…');
    try {
      await onExportPdf((done, total) => setPdfProgress(`${done}/${total}`));
    } catch (error) {
      setPdfError(error instanceof Error ? error.message : String(error));
    } finally {
      setPdfProgress(null);
    }
  };
  const { show, showName } = useRecordText(language);
  // What the pack reads, kept for a meeting room without a network (offline/register.ts): once per briefing opened.
  const briefingId = briefing.id;
  useEffect(() => {
    if (briefingId) keepBriefingPackReads();
  }, [briefingId]);
  const count = briefing.steps.length;
  const current = briefing.steps[step - 1];
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return;
      if (event.key === 'ArrowRight' || event.key === 'PageDown') onStep(Math.min(step + 1, count));
      else if (event.key === 'ArrowLeft' || event.key === 'PageUp') onStep(Math.max(step - 1, 1));
      else if (event.key === 'Escape') presenting ? onPresent(false) : onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [step, count, presenting, onStep, onPresent, onClose]);
  const title = asString(showName(briefing.title), language);
  return (
    <section className="briefing-player" aria-label={title} data-step={step}>
      <p className="briefing-title">
        {title} · {step}/{count}
      </p>
      {current ? (
        <>
          <h2>
            <ShownTextView shown={show(current.title)} language={language} />
          </h2>
          {current.text && (
            <p className="briefing-text">
              <ShownTextView shown={show(current.text)} language={language} />
            </p>
          )}
        </>
      ) : (
        <p className="muted">{text('emptyBriefing', language)}</p>
      )}
      <div className="briefing-controls">
        <button
          type="button"
          onClick={() => onStep(Math.max(step - 1, 1))}
          disabled={step <= 1}
          aria-label={text('previousStep', language)}
        >
          ‹ {text('previousStep', language)}
        </button>
        <button
          type="button"
          onClick={() => onStep(Math.min(step + 1, count))}
          disabled={step >= count}
          aria-label={text('nextStep', language)}
        >
          {text('nextStep', language)} ›
        </button>
        <button type="button" onClick={() => onPresent(!presenting)} aria-pressed={presenting}>
          {presenting ? text('exitPresentation', language) : text('present', language)}
        </button>
        {!presenting && canEdit && (
          <button type="button" className="edit-briefing" aria-pressed={editing} onClick={() => setEditing(!editing)}>
            {text('edit', language)}
          </button>
        )}
        {!presenting && (
          <button type="button" className="export-pdf" onClick={exportPdf} disabled={pdfProgress !== null || count === 0}>
            {pdfProgress === null ? text('exportPdf', language) : `${text('loading', language)} ${pdfProgress}`}
          </button>
        )}
        {!presenting && !canEdit && (
          // Editors export JSON from the editor; a visitor gets it here.
          <a className="export-json" href={`/api/briefings/${encodeURIComponent(briefing.id)}`} download={`${briefing.id}.json`}>
            {text('exportJson', language)}
          </a>
        )}
        <button type="button" onClick={onClose}>
          {text('close', language)}
        </button>
      </div>
      {pdfError && (
        <p className="error" role="alert">
          {text('exportPdf', language)}: {pdfError}
        </p>
      )}
      {editing && canEdit && !presenting && (
        <BriefingEditor briefing={briefing} language={language} currentScreen={currentScreen} onGoTo={onStep} />
      )}
    </section>
  );
}
