// Time math on whole UTC days. A "day" is the number of days since 1970-01-01 (UTC), so
// comparisons are integer comparisons and no local time zone can shift a date.

export type Day = number;
export type Precision = 'day' | 'month' | 'year';

export const DATE_PATTERN = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const MS_PER_DAY = 86_400_000;

export function precisionOf(date: string): Precision {
  return date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day';
}

export function isRealDate(date: string): boolean {
  if (!DATE_PATTERN.test(date)) return false;
  // By position, like dateSpan: this runs for every date of a 100,000-event file.
  const y = Number(date.slice(0, 4));
  const m = date.length >= 7 ? Number(date.slice(5, 7)) : 1;
  const d = date.length >= 10 ? Number(date.slice(8, 10)) : 1;
  if (y < 1000 || m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : MONTH_DAYS[month - 1];
}

export function dayFromYmd(year: number, month: number, day: number): Day {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** The first and last day a partial date can mean: "2022-10" spans 1 to 31 October. */
export function dateSpan(date: string): { start: Day; end: Day } {
  // Read by position, not split(): this runs for every record of a 100,000-event file.
  const y = Number(date.slice(0, 4));
  if (date.length >= 10) {
    const day = dayFromYmd(y, Number(date.slice(5, 7)), Number(date.slice(8, 10)));
    return { start: day, end: day };
  }
  if (date.length >= 7) {
    const m = Number(date.slice(5, 7));
    return { start: dayFromYmd(y, m, 1), end: dayFromYmd(y, m, daysInMonth(y, m)) };
  }
  return { start: dayFromYmd(y, 1, 1), end: dayFromYmd(y, 12, 31) };
}

/** Parses a full YYYY-MM-DD date (as used in URLs); null for anything else. */
export function parseDay(value: string): Day | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !isRealDate(value)) return null;
  return dateSpan(value).start;
}

export function formatDay(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function dayToDate(day: Day): Date {
  return new Date(day * MS_PER_DAY);
}

export function dateToDay(date: Date): Day {
  return Math.floor(date.getTime() / MS_PER_DAY);
}

export function todayUtc(now: Date = new Date()): Day {
  return dateToDay(now);
}

/** Moves a day by whole calendar months, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(day: Day, months: number): Day {
  const d = dayToDate(day);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const target = new Date(Date.UTC(y, m, 1));
  const last = daysInMonth(target.getUTCFullYear(), target.getUTCMonth() + 1);
  return dayFromYmd(target.getUTCFullYear(), target.getUTCMonth() + 1, Math.min(d.getUTCDate(), last));
}
