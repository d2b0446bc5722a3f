import { describe, expect, it } from 'vitest';
import { addMonths, dateSpan, formatDay, isRealDate, parseDay, precisionOf } from '../../src/model/dates';
import { day } from './helpers';

describe('dates', () => {
  it('accepts real partial dates and rejects impossible ones', () => {
    expect(['2022', '2022-02', '2024-02-29', '2022-12-31'].every(isRealDate)).toBe(true);
    expect(['2022-13-01', '2023-02-29', '2022-00', '2022-1-01', '22-01-01', '', 'NaN', '2022-04-31'].some(isRealDate)).toBe(false);
  });
  it('spans a partial date over every day it can mean', () => {
    expect(dateSpan('2022-10-26')).toEqual({ start: day(2022, 10, 26), end: day(2022, 10, 26) });
    expect(dateSpan('2022-02')).toEqual({ start: day(2022, 2, 1), end: day(2022, 2, 28) });
    expect(dateSpan('2024-02').end).toBe(day(2024, 2, 29));
    expect(dateSpan('2023')).toEqual({ start: day(2023, 1, 1), end: day(2023, 12, 31) });
  });
  it('reads precision from the form', () => {
    expect(precisionOf('2022')).toBe('year');
    expect(precisionOf('2022-10')).toBe('month');
    expect(precisionOf('2022-10-01')).toBe('day');
  });
  it('parses only full URL dates and round-trips them', () => {
    expect(parseDay('2022-12-01')).toBe(day(2022, 12, 1));
    expect(parseDay('2022-12')).toBeNull();
    expect(parseDay('2022-02-30')).toBeNull();
    expect(parseDay('garbage')).toBeNull();
    expect(formatDay(day(2022, 12, 1))).toBe('2022-12-01');
    expect(formatDay(day(1970, 1, 1))).toBe('1970-01-01');
  });
  it('adds months and clamps to the month end', () => {
    expect(addMonths(day(2023, 1, 31), 1)).toBe(day(2023, 2, 28));
    expect(addMonths(day(2024, 1, 31), 1)).toBe(day(2024, 2, 29));
    expect(addMonths(day(2023, 3, 15), -3)).toBe(day(2022, 12, 15));
  });
});

describe('isRealDate against the calendar', () => {
  it('agrees with Date for every day, month and year from 1896 to 2104, and the impossible ones around them', () => {
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    for (let y = 1896; y <= 2104; y++) {
      expect(isRealDate(pad(y, 4))).toBe(true);
      for (let m = 0; m <= 13; m++) {
        expect(isRealDate(`${pad(y, 4)}-${pad(m, 2)}`)).toBe(m >= 1 && m <= 12);
        for (let d = 0; d <= 32; d++) {
          const t = new Date(Date.UTC(y, m - 1, d));
          const real = m >= 1 && m <= 12 && d >= 1 && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
          expect(isRealDate(`${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`)).toBe(real);
        }
      }
    }
  });
});
