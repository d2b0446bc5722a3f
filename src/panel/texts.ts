// The data's texts in the reader's language. A text that fell back to English says so with
// lang="en": a screen reader then reads it with an English voice, and the browser hyphenates and
// picks fonts for English.
import { el } from '../dom';
import type { I18n } from '../i18n';
import type { Localized } from '../model/schema';

/** The `lang` attribute of an element holding text in `shown` on a page in the reader's language: only when they differ. */
export function langAttr(i18n: I18n, shown: string): string | undefined {
  return shown === i18n.lang ? undefined : shown;
}

/** A data text as a span, marked when it is not in the reader's language. */
export function textSpan(i18n: I18n, value: Localized, attrs: Readonly<Record<string, string>> = {}): HTMLSpanElement {
  const { text, lang } = i18n.textLang(value);
  return el('span', { ...attrs, lang: langAttr(i18n, lang) }, [text]);
}
