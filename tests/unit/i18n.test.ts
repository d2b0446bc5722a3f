import { describe, expect, it } from 'vitest';
import { i18n, LANGUAGES } from '../../src/i18n';
import { en } from '../../src/i18n/en';
import { countsLine, mapAltText, summarize } from '../../src/panel/summary';
import { countModelEvents } from '../../src/model/model';
import { day, event, model, station } from './helpers';
import type { AppState } from '../../src/state/state';

describe('i18n', () => {
  it('every language has every message', () => {
    for (const [code, messages] of Object.entries(LANGUAGES)) {
      expect(Object.keys(messages).sort(), code).toEqual(Object.keys(en).sort());
    }
  });
  it('formats plurals, dates in UTC and country names', () => {
    const t = i18n('en');
    expect(t.t('stationsCount', { n: 1 })).toBe('1 station');
    expect(t.t('stationsCount', { n: 1200 })).toBe('1,200 stations');
    expect(t.date(day(2022, 12, 1))).toBe('Dec 1, 2022');
    expect(t.countryName('IE')).toBe('Ireland');
    expect(i18n('zh-Hans').countryName('IE')).toBe('爱尔兰');
    expect(i18n('zh-Hant').t('stationsCount', { n: 3 })).toBe('3個服務站');
  });
});

describe('the language picker', () => {
  const milan = { en: 'Milan station', 'zh-Hans': '米兰服务站', 'zh-Hant': '米蘭服務站' };

  it('gives a text in the reader\'s language', () => {
    expect(i18n('en').text(milan)).toBe('Milan station');
    expect(i18n('zh-Hans').text(milan)).toBe('米兰服务站');
    expect(i18n('zh-Hant').textLang(milan)).toEqual({ text: '米蘭服務站', lang: 'zh-Hant' });
  });

  it('falls back to English, and says so, where the reader\'s language has no text', () => {
    expect(i18n('zh-Hant').textLang({ en: 'Milan' })).toEqual({ text: 'Milan', lang: 'en' });
    expect(i18n('fr').textLang(milan)).toEqual({ text: 'Milan station', lang: 'en' });
  });

  it('never gives one Chinese script for the other', () => {
    expect(i18n('zh-Hant').textLang({ en: 'Milan', 'zh-Hans': '米兰' })).toEqual({ text: 'Milan', lang: 'en' });
    expect(i18n('zh-Hans').textLang({ en: 'Milan', 'zh-Hant': '米蘭' })).toEqual({ text: 'Milan', lang: 'en' });
  });

  it('picks the config\'s texts the same way', () => {
    const t = i18n('zh-Hant');
    expect(t.pick(milan)).toBe(t.text(milan));
    expect(t.pick({ en: 'Milan', 'zh-Hans': '米兰' })).toBe('Milan');
  });
});

describe('counts line and map summary', () => {
  const m = model(
    [station('es-a', 'ES', '2022-09-12'), station('es-b', 'ES', '2022-09-12'), station('it-a', 'IT', '2022-09-12'), station('us-a', 'US', '2023-01-01')],
    [event('e1', '2022-09-12', { type: 'report', actorKind: 'ngo' }), event('e2', '2022-11-01', { country: 'IT' })],
  );
  const state: AppState = { from: day(2022, 9, 12), to: day(2022, 12, 1), selection: null, types: m.config.eventTypes.map((t) => t.id), lang: 'en', view: 'map', theme: 'auto', camera: null, step: null };
  it('begins with the number of stations drawn', () => {
    const line = countsLine(summarize(m, state, countModelEvents(m)), state, i18n('en'));
    expect(line).toBe('3 stations in 2 countries as of Dec 1, 2022 · 2 events from Sep 12, 2022');
  });
  it('counts only the event types switched on', () => {
    const s = { ...state, types: ['statement'] };
    expect(summarize(m, s, countModelEvents(m)).events).toBe(1);
  });
  it('names the countries with the most stations', () => {
    expect(mapAltText(summarize(m, state, countModelEvents(m)), state, i18n('en'))).toBe('Map: 3 stations in 2 countries as of December 1, 2022; the most in Spain (2) and Italy (1)');
  });
});
