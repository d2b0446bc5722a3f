// UI language: messages, plural-aware interpolation, dates, numbers and country names (via Intl
// where src/i18n/formats.ts has no pattern).
import { en, type MessageKey, type Messages } from './en.ts';
import { zhHans } from './zh-Hans.ts';
import { zhHant } from './zh-Hant.ts';
import { dayToDate, type Day } from '../model/dates.ts';
import { formatDate, formatInteger, type DateStyle } from './formats.ts';
import type { Localized } from '../model/schema';

export const LANGUAGES: Readonly<Record<string, Messages>> = { en, 'zh-Hans': zhHans, 'zh-Hant': zhHant };
export const LANGUAGE_CODES = Object.keys(LANGUAGES);

export type Params = Readonly<Record<string, string | number>>;

export interface I18n {
  readonly lang: string;
  t(key: MessageKey, params?: Params): string;
  date(day: Day, style?: DateStyle): string;
  number(n: number): string;
  countryName(code: string): string;
  /**
   * A text of the data (`{en, zh-Hans, …}`) in the reader's language, else in English. Never in
   * another language than those two: a zh-Hant reader does not silently get zh-Hans text.
   */
  text(value: Localized): string;
  /** As `text`, with the language it is in: a view marks a fallback with `lang="en"`. */
  textLang(value: Localized): TextInLang;
  /** The config's texts: the same as `text`. */
  pick(value: Localized): string;
}

export interface TextInLang {
  readonly text: string;
  readonly lang: string;
}

const cache = new Map<string, I18n>();
let overrides: Readonly<Record<string, Readonly<Record<string, string>>>> = {};

/** A story's own words for some UI messages (config.json `messages`), per language. */
export function setMessageOverrides(next: Readonly<Record<string, Readonly<Record<string, string>>>> | undefined): void {
  overrides = next ?? {};
  cache.clear();
}

export function i18n(lang: string): I18n {
  const hit = cache.get(lang);
  if (hit) return hit;
  const messages: Messages = { ...en, ...(overrides.en ?? {}), ...(LANGUAGES[lang] ?? {}), ...(overrides[lang] ?? {}) } as Messages;
  // Intl objects are made on first use: each costs milliseconds, and the first paint needs few.
  const plural = lazy(() => new Intl.PluralRules(lang));
  const shortDate = lazy(() => new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }));
  const longDate = lazy(() => new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }));
  const numbers = lazy(() => new Intl.NumberFormat(lang));
  const number = (n: number) => formatInteger(lang, n) ?? numbers().format(n);
  const regions = lazy(() => new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' }));
  const names = new Map<string, string>();
  const textLang = (value: Localized): TextInLang => {
    const own = value[lang];
    return own !== undefined ? { text: own, lang } : { text: value.en ?? '', lang: 'en' };
  };
  const text = (value: Localized): string => textLang(value).text;
  const made: I18n = {
    lang,
    t: (key, params = {}) => format(messages[key], params, plural, number),
    date: (day, style = 'short') => formatDate(lang, day, style) ?? (style === 'long' ? longDate() : shortDate()).format(dayToDate(day)),
    number,
    countryName: (code) => {
      let name = names.get(code);
      if (name === undefined) {
        name = regions().of(code) ?? code;
        names.set(code, name);
      }
      return name;
    },
    text,
    textLang,
    pick: text,
  };
  cache.set(lang, made);
  return made;
}

/** `{name}` and `{n, plural, one {# thing} other {# things}}`, the subset of ICU we use. */
function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

export function format(template: string, params: Params, plural: () => Intl.PluralRules, number: (n: number) => string): string {
  if (!template.includes('{')) return template;
  return template.replace(/\{(\w+), plural,((?:\s*\w+\s*\{[^{}]*\})+)\s*\}|\{(\w+)\}/g, (_m, pName: string, forms: string, name: string) => {
    if (name !== undefined) return String(params[name] ?? `{${name}}`);
    const n = Number(params[pName] ?? 0);
    const options = new Map<string, string>();
    for (const m of forms.matchAll(/(\w+)\s*\{([^{}]*)\}/g)) options.set(m[1], m[2]);
    const chosen = options.get(`=${n}`) ?? options.get(plural().select(n)) ?? options.get('other') ?? '';
    return chosen.replace(/#/g, number(n));
  });
}
