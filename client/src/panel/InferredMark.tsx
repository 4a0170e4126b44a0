import { htmlLang, type Language } from '../i18n/language';
import { text } from '../i18n/ui-text';

/** After a Chinese name that is partly our reading: says so, and why, in the interface's language. */
export function InferredMark({ language }: { language: Language }) {
  return (
    <abbr className="inferred" title={text('zhInferredWhy', language)} lang={htmlLang(language)}>
      {' '}
      {text('zhInferred', language)}
    </abbr>
  );
}
