import { describe, expect, it } from 'vitest';
import { formatDate, formatInteger } from '../../src/i18n/formats';
import { dayFromYmd } from '../../src/model/dates';
import { i18n } from '../../src/i18n';

describe('dates and numbers without Intl', () => {
  it('are what Intl writes, for every day from 1999 to 2031, in each language and style', () => {
    for (const lang of ['en', 'zh-Hans', 'zh-Hant']) {
      for (const style of ['short', 'long'] as const) {
        const intl = new Intl.DateTimeFormat(lang, { day: 'numeric', month: style, year: 'numeric', timeZone: 'UTC' });
        for (let day = dayFromYmd(1999, 1, 1); day <= dayFromYmd(2031, 12, 31); day++) {
          const ours = formatDate(lang, day, style);
          if (ours !== intl.format(new Date(day * 86_400_000))) expect(ours, `${lang} ${style} ${day}`).toBe(intl.format(new Date(day * 86_400_000)));
        }
      }
    }
  });
  it('write whole numbers as Intl does, in each language', () => {
    const samples = [0, 1, 7, 12, 999, 1000, 1001, 9999, 12345, 100000, 999999, 1000000, 1234567, 2 ** 40, Number.MAX_SAFE_INTEGER];
    for (const lang of ['en', 'zh-Hans', 'zh-Hant']) {
      const intl = new Intl.NumberFormat(lang);
      for (const n of [...samples, ...samples.map((x) => -x).filter((x) => x !== 0)]) expect(formatInteger(lang, n), `${lang} ${n}`).toBe(intl.format(n));
    }
    expect(formatInteger('en', 1.5)).toBeNull();
    expect(i18n('en').number(1.5)).toBe('1.5');
  });
  it('leave other languages to Intl', () => {
    expect(formatDate('fr', dayFromYmd(2022, 9, 12), 'short')).toBeNull();
    expect(formatInteger('de', 1000)).toBeNull();
    expect(i18n('en').date(dayFromYmd(2022, 9, 12), 'long')).toBe('September 12, 2022');
  });
});
