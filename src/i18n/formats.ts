// Dates and whole numbers as Intl writes them for the app's languages, written without Intl: the
// first Intl date or number format (or country name) starts ICU's locale data, 50 to 80 ms of the
// first map paint, whose counts line shows both. Tested against Intl.
import { dayToDate, type Day } from '../model/dates.ts';

const EN_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const EN_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export type DateStyle = 'short' | 'long';

/** The date in `lang`, or null for a language without a pattern here (then Intl formats it). */
export function formatDate(lang: string, day: Day, style: DateStyle): string | null {
  const date = dayToDate(day);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth();
  const d = date.getUTCDate();
  if (y < 1) return null;
  if (lang === 'en') return `${(style === 'long' ? EN_LONG : EN_SHORT)[m]} ${d}, ${y}`;
  if (lang === 'zh-Hans' || lang === 'zh-Hant') return `${y}年${m + 1}月${d}日`;
  return null;
}

/** A whole number with its thousands grouped, or null where Intl must format it. */
export function formatInteger(lang: string, n: number): string | null {
  if (!Number.isSafeInteger(n) || (lang !== 'en' && lang !== 'zh-Hans' && lang !== 'zh-Hant')) return null;
  const digits = String(Math.abs(n));
  let out = '';
  for (let i = 0; i < digits.length; i++) out += (i > 0 && (digits.length - i) % 3 === 0 ? ',' : '') + digits[i];
  return n < 0 ? `-${out}` : out;
}
