import type { Briefing } from '@domain/briefings';
import { text } from '../i18n/ui-text';
import type { Language } from '../state/url-state';

type Props = { briefings: readonly Briefing[]; language: Language; onPlay: (id: string) => void };

/** Saved briefings, each a sequence of map views to walk leaders through. */
export function BriefingsList({ briefings, language, onPlay }: Props) {
  return (
    <section className="briefings" aria-label={text('briefings', language)}>
      <h2>{text('briefings', language)}</h2>
      <ul>
        {briefings.map((briefing) => (
          <li key={briefing.id} data-briefing-id={briefing.id}>
            <button type="button" className="link" onClick={() => onPlay(briefing.id)}>
              ▶ {language === 'vi' ? briefing.title.vi : (briefing.title.en ?? briefing.title.vi)}
            </button>
            <span className="agreement-meta">
              {briefing.steps.length} {text('steps', language)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
