import type { Briefing, BriefingStep } from '@domain/briefings';
import { useState } from 'react';
import { useBriefingMutations } from '../api/briefing-mutations';
import { errorText } from '../api/error-text';
import type { Language } from '../i18n/language';
import { text } from '../i18n/ui-text';

type Props = {
  briefing: Briefing;
  language: Language;
  /** The screen as it is now: becomes a new step when saved. */
  currentScreen: () => Omit<BriefingStep, 'title' | 'text'>;
  onGoTo: (step: number) => void;
};

const without = ({ id: _id, updatedAt: _updatedAt, ...input }: Briefing) => input;

/** Edit a briefing's steps: add the current screen, reorder, retitle, delete; export as JSON. */
export function BriefingEditor({ briefing, language, currentScreen, onGoTo }: Props) {
  const { replace } = useBriefingMutations();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const save = (steps: BriefingStep[]) => replace.mutate({ id: briefing.id, input: { ...without(briefing), steps } });
  const move = (index: number, by: number) => {
    const steps = [...briefing.steps];
    const [step] = steps.splice(index, 1);
    steps.splice(index + by, 0, step);
    save(steps);
  };
  return (
    <div className="briefing-editor">
      <ol>
        {briefing.steps.map((step, index) => (
          // Steps have no id of their own; title + view identify one well enough for React.
          <li key={`${step.title}-${step.view.lng}-${step.view.lat}-${step.view.zoom}`}>
            <button type="button" className="link" onClick={() => onGoTo(index + 1)}>
              {step.title}
            </button>
            <span className="editor-actions">
              <button
                type="button"
                aria-label={`${text('moveUp', language)}: ${step.title}`}
                disabled={index === 0}
                onClick={() => move(index, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                aria-label={`${text('moveDown', language)}: ${step.title}`}
                disabled={index === briefing.steps.length - 1}
                onClick={() => move(index, 1)}
              >
                ↓
              </button>
              <button
                type="button"
                aria-label={`${text('rename', language)}: ${step.title}`}
                onClick={() => {
                  const next = window.prompt(text('rename', language), step.title);
                  if (next?.trim()) save(briefing.steps.map((s, i) => (i === index ? { ...s, title: next.trim() } : s)));
                }}
              >
                ✎
              </button>
              <button
                type="button"
                aria-label={`${text('deleteStep', language)}: ${step.title}`}
                onClick={() => save(briefing.steps.filter((_, i) => i !== index))}
              >
                ✕
              </button>
            </span>
          </li>
        ))}
      </ol>
      <form
        className="add-step"
        onSubmit={(event) => {
          event.preventDefault();
          if (!title.trim()) return;
          save([...briefing.steps, { ...currentScreen(), title: title.trim(), text: body.trim() }]);
          setTitle('');
          setBody('');
        }}
      >
        <input
          aria-label={text('stepTitle', language)}
          placeholder={text('stepTitle', language)}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
        <textarea
          aria-label={text('stepText', language)}
          placeholder={text('stepText', language)}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          rows={2}
        />
        <button type="submit">{text('saveScreenAsStep', language)}</button>
      </form>
      {replace.isError && <p role="alert">{errorText(replace.error, language)}</p>}
      <a href={`/api/briefings/${encodeURIComponent(briefing.id)}`} download={`${briefing.id}.json`}>
        {text('exportJson', language)}
      </a>
    </div>
  );
}
