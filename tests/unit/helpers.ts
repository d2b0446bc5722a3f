// Builds small datasets in the real schema, with dates in UTC, for the unit tests.
import { readFileSync } from 'node:fs';
import { configSchema, type ChronoEvent, type Config, type StationFeature, type Source } from '../../src/model/schema';
import { dayFromYmd } from '../../src/model/dates';
import { buildModel, type Model } from '../../src/model/model';
import type { StateContext } from '../../src/state/state';

export const config: Config = configSchema.parse(JSON.parse(readFileSync('data/config.json', 'utf8')));

export const day = (y: number, m: number, d: number) => dayFromYmd(y, m, d);

/** A small state context (two stations, two countries, one event, three types, three languages), with `over` on top. */
export function smallContext(over: Partial<StateContext> = {}): StateContext {
  return {
    start: day(2022, 9, 1),
    end: day(2025, 12, 31),
    defaultFrom: day(2022, 9, 1),
    defaultTo: day(2025, 12, 31),
    stationIds: new Set(['ie-dublin', 'nl-amsterdam']),
    countryIds: new Set(['IE', 'NL']),
    eventIds: new Set(['ie-closed']),
    types: ['report', 'statement', 'closure'],
    langs: ['en', 'zh-Hans', 'zh-Hant'],
    defaultLang: 'en',
    ...over,
  };
}

export function station(id: string, country: string, firstReported: string, extra: Partial<StationFeature['properties']> = {}): StationFeature {
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [0, 0] },
    properties: {
      id,
      name: { en: id },
      city: { en: 'City' },
      country,
      locationPrecision: 'city',
      operator: { en: 'unknown' },
      firstReported: { date: firstReported, precision: firstReported.length === 10 ? 'day' : firstReported.length === 7 ? 'month' : 'year' },
      firstReportedBy: { en: 'Someone' },
      sources: ['s1'],
      ...extra,
    },
  };
}

export function event(id: string, date: string, extra: Partial<ChronoEvent> = {}): ChronoEvent {
  return {
    id,
    date,
    precision: date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year',
    type: 'statement',
    actor: { en: 'A government' },
    actorKind: 'host-government',
    title: { en: id },
    summary: { en: 'Something happened.' },
    sources: ['s1'],
    ...extra,
  };
}

export const source: Source = { id: 's1', url: 'https://example.com/', title: 'T', publisher: 'P', published: '2022', kind: 'news' };

export function model(stations: StationFeature[], events: ChronoEvent[]): Model {
  return buildModel({ config, stations, events, sources: [source] });
}
