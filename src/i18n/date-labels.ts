// A record's date at the precision it is known to: "Oct 26, 2022", "October 2022", "2022 (year
// known)". One module for the panel, the list and the timeline, so a date reads the same in each.
import { dateSpan, dayToDate } from '../model/dates';
import type { I18n } from './index';

const formats = new Map<string, Intl.DateTimeFormat>();
/** Intl formatters are slow to make and reused on every render: one per language and style. */
export function dateFormat(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, { ...options, timeZone: 'UTC' });
    formats.set(key, f);
  }
  return f;
}

/** A partial date as what it is: "Oct 26, 2022", "October 2022", "2022" (2022年10月, 2022年). */
export function partialDateLabel(date: string, precision: string, i18n: I18n): string {
  const start = dateSpan(date).start;
  if (precision === 'year') return i18n.lang.startsWith('zh') ? `${date.slice(0, 4)}年` : date.slice(0, 4);
  if (precision === 'month') return dateFormat(i18n.lang, { month: 'long', year: 'numeric' }).format(dayToDate(start));
  return i18n.date(start);
}

/**
 * An event's date in the lists: the day, or for an event known only to its month or year, the
 * period it happened in: "During October 2022", "2022年内".
 */
export function eventDateLabel(e: { readonly date: string; readonly precision: string }, i18n: I18n): string {
  const when = partialDateLabel(e.date, e.precision, i18n);
  return e.precision === 'day' ? when : i18n.t('during', { period: when });
}

/** The same in a tooltip, where it stands beside a span on the timeline: "Sometime in 2022". */
export function eventWhenLabel(e: { readonly date: string; readonly precision: string }, i18n: I18n): string {
  const when = partialDateLabel(e.date, e.precision, i18n);
  return e.precision === 'day' ? when : i18n.t('sometimeIn', { period: when });
}
