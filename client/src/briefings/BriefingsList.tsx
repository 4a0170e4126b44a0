import type { Briefing } from '@domain/briefings';
import { memo, useState } from 'react';
import { useBriefingMutations } from '../api/briefing-mutations';
import { errorText } from '../api/error-text';
import { csrfTokenOf, useSession } from '../api/session';
import type { Language } from '../i18n/language';
import { RecordName } from '../i18n/record-text';
import { text } from '../i18n/ui-text';

type Props = { briefings: readonly Briefing[]; language: Language; onPlay: (id: string) => void };

/**
 * Saved briefings, each a sequence of map views to walk leaders through. Everyone plays them; only a
 * signed-in editor sees the controls that create, import and delete them (the server refuses the rest).
 */
export const BriefingsList = memo(function BriefingsList({ briefings, language, onPlay }: Props) {
  const session = useSession();
  const canEdit = csrfTokenOf(session.data) !== null;
  const { create, remove } = useBriefingMutations();
  const [title, setTitle] = useState('');
  const [importError, setImportError] = useState<string | null>(null);
  return (
    <section className="briefings" aria-label={text('briefings', language)}>
      <h2>{text('briefings', language)}</h2>
      <ul>
        {briefings.map((briefing) => (
          <li key={briefing.id} data-briefing-id={briefing.id}>
            <button type="button" className="link" onClick={() => onPlay(briefing.id)}>
              ▶ <RecordName value={briefing.title} language={language} />
            </button>
            <span className="agreement-meta">
              {briefing.steps.length} {text('steps', language)}
              {canEdit && (
                <>
                  {' · '}
                  <button
                    type="button"
                    className="link delete-briefing"
                    onClick={() => window.confirm(text('confirmDelete', language)) && remove.mutate(briefing.id)}
                  >
                    {text('deleteBriefing', language)}
                  </button>
                </>
              )}
            </span>
          </li>
        ))}
      </ul>
      {canEdit ? (
        <>
          <form
            className="new-briefing"
            onSubmit={(event) => {
              event.preventDefault();
              if (!title.trim()) return;
              create.mutate({ title: { vi: title.trim() }, steps: [] }, { onSuccess: (created) => created && onPlay(created.id) });
              setTitle('');
            }}
          >
            <input
              aria-label={text('newBriefing', language)}
              placeholder={text('newBriefing', language)}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
            />
            <button type="submit">+</button>
          </form>
          <label className="import-briefing">
            {text('importJson', language)}{' '}
            <input
              type="file"
              accept="application/json,.json"
              onChange={async (event) => {
                const file = event.target.files?.[0];
                if (!file) return;
                setImportError(null);
                let parsed: unknown;
                try {
                  parsed = JSON.parse(await file.text());
                } catch (error) {
                  setImportError(`${file.name}: ${(error as Error).message}`);
                  return;
                }
                create.mutate(parsed, { onError: (error) => setImportError(`${file.name}: ${errorText(error, language)}`) });
                event.target.value = '';
              }}
            />
          </label>
          {importError && (
            <p role="alert" className="import-error">
              {importError}
            </p>
          )}
        </>
      ) : (
        // Only where editors can sign in (a store): a visitor is told how briefings are made.
        session.data?.user === null && <p className="muted briefings-hint">{text('briefingsEditorsOnly', language)}</p>
      )}
    </section>
  );
});
