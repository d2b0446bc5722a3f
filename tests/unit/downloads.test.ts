// The "Get the data" files carry every text in each of the story's languages.
import { describe, expect, it } from 'vitest';
import { shownEventsCsv, shownStationsCsv, wholeDatasetCsv } from '../../src/panel/downloads';
import { parseCsv } from '../../src/model/csv';
import { config, day, event, model, source, station } from './helpers';
import type { AppState } from '../../src/state/state';

const dublin = station('ie-dublin', 'IE', '2022-09-12', { name: { en: 'Dublin station', 'zh-Hans': '都柏林服务站', 'zh-Hant': '都柏林服務站' } });
const closed = event('ie-2022-10-26-closed', '2022-10-26', { country: 'IE', title: { en: 'Closed', 'zh-Hans': '关闭', 'zh-Hant': '關閉' } });
const m = model([dublin], [closed]);
const state: AppState = { from: day(2022, 9, 1), to: day(2022, 12, 31), selection: null, types: m.config.eventTypes.map((t) => t.id), lang: 'zh-Hant', view: 'map', theme: 'auto', camera: null, step: null };
const rows = (text: string) => parseCsv(text).records.map((r) => r.cells);

describe('downloads', () => {
  it('give the shown events each text in every language: English where the one column was, the others after', () => {
    const [header, row] = rows(shownEventsCsv(m, state).text);
    expect(header.slice(0, 12)).toEqual(['id', 'date', 'precision', 'type', 'country', 'stations', 'actor.en', 'title.en', 'summary.en', 'disputed.en', 'source_urls', 'source_titles']);
    expect(header.slice(12)).toEqual(['actor.zh-Hans', 'actor.zh-Hant', 'title.zh-Hans', 'title.zh-Hant', 'summary.zh-Hans', 'summary.zh-Hant', 'disputed.zh-Hans', 'disputed.zh-Hant']);
    const cell = (name: string) => row[header.indexOf(name)];
    expect([cell('title.en'), cell('title.zh-Hans'), cell('title.zh-Hant')]).toEqual(['Closed', '关闭', '關閉']);
    expect(cell('summary.zh-Hant')).toBe('');
  });

  it('give the shown stations their names in every language, the status where it was', () => {
    const [header, row] = rows(shownStationsCsv(m, state).text);
    expect(header.indexOf('status')).toBe(10);
    expect(header.slice(12)).toEqual(['name.zh-Hans', 'name.zh-Hant', 'city.zh-Hans', 'city.zh-Hant', 'operator.zh-Hans', 'operator.zh-Hant']);
    expect([row[1], row[header.indexOf('name.zh-Hant')]]).toEqual(['Dublin station', '都柏林服務站']);
  });

  it('give the whole dataset as the editors\' CSV files, a column per language', () => {
    const files = wholeDatasetCsv({ config, stations: [dublin], events: [closed], sources: [source] });
    const events = rows(files.find((f) => f.name === 'events.csv')!.text);
    expect(events[0]).toContain('title.zh-Hant');
    expect(events[1][events[0].indexOf('title.zh-Hant')]).toBe('關閉');
  });
});
