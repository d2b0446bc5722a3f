// A record's date at the precision it is known to: "Oct 26, 2022", "October 2022", "2022 (year
// known)". One module for the panel, the list and the timeline, so a date reads the same in each.
import { dateSpan, dayToDate, type Day } from '../model/dates';
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

export function eventDateLabel(e: { readonly date: string; readonly start: Day; readonly precision: string }, i18n: I18n): string {
  if (e.precision === 'year') return `${e.date} ${i18n.t('precisionYear')}`;
  if (e.precision === 'month') return dateFormat(i18n.lang, { month: 'long', year: 'numeric' }).format(dayToDate(e.start));
  return i18n.date(e.start);
}

/** A partial date of the data (a first report, a source's publication) as eventDateLabel writes it. */
export function partialDateLabel(date: string, precision: string, i18n: I18n): string {
  return eventDateLabel({ date, precision, start: dateSpan(date).start }, i18n);
}
