import { describe, expect, it } from 'vitest';
import { countryResponseAsOf, eventsInRange, eventsShownMemo, stationsAsOf, statusAsOf, statusHistory } from '../../src/model/model';
import { day, event, model, station } from './helpers';

const m = model(
  [station('ie-dublin', 'IE', '2022-09-12'), station('nl-amsterdam', 'NL', '2022-10'), station('us-nyc', 'US', '2022')],
  [
    event('ie-closed', '2022-10-25', { type: 'closure', country: 'IE', stationIds: ['ie-dublin'], setsStatus: 'closed' }),
    event('nl-probe', '2022-10-26', { type: 'government-investigation', country: 'NL', stationIds: ['nl-amsterdam'], setsStatus: 'investigating' }),
    event('nl-order', '2022-11', { type: 'closure-order', country: 'NL', stationIds: ['nl-amsterdam'], setsStatus: 'closure-ordered' }),
    event('us-statement', '2023', { type: 'statement', country: 'US' }),
    event('us-denial', '2023-04-18', { type: 'denial', country: 'US', actorKind: 'chinese-government' }),
    event('us-arrests', '2023-04-17', { type: 'arrest', country: 'US', stationIds: ['us-nyc'], setsStatus: 'charged' }),
    event('report', '2022-09-12', { type: 'report', actorKind: 'ngo' }),
  ],
);
const S = (id: string) => m.stationById.get(id)!;

describe('statusAsOf', () => {
  it('is null before the station is first reported, and the initial status from that day', () => {
    expect(statusAsOf(m, S('ie-dublin'), day(2022, 9, 11))).toBeNull();
    expect(statusAsOf(m, S('ie-dublin'), day(2022, 9, 12))).toBe('reported');
  });
  it('changes on the day of a day-precision event', () => {
    expect(statusAsOf(m, S('ie-dublin'), day(2022, 10, 24))).toBe('reported');
    expect(statusAsOf(m, S('ie-dublin'), day(2022, 10, 25))).toBe('closed');
  });
  it('counts a month-precision date only from the last day of the month', () => {
    // Reported "in October 2022": not drawn until 31 October.
    expect(statusAsOf(m, S('nl-amsterdam'), day(2022, 10, 30))).toBeNull();
    expect(statusAsOf(m, S('nl-amsterdam'), day(2022, 10, 31))).toBe('investigating');
    expect(statusAsOf(m, S('nl-amsterdam'), day(2022, 11, 29))).toBe('investigating');
    expect(statusAsOf(m, S('nl-amsterdam'), day(2022, 11, 30))).toBe('closure-ordered');
  });
  it('counts a year-precision first report from 31 December', () => {
    expect(statusAsOf(m, S('us-nyc'), day(2022, 12, 30))).toBeNull();
    expect(statusAsOf(m, S('us-nyc'), day(2022, 12, 31))).toBe('reported');
    expect(statusAsOf(m, S('us-nyc'), day(2023, 4, 17))).toBe('charged');
  });
  it('lists the status history in order, starting with the first report', () => {
    expect(statusHistory(m, S('nl-amsterdam')).map((h) => h.status)).toEqual(['reported', 'investigating', 'closure-ordered']);
  });
});

describe('countryResponseAsOf', () => {
  it('is none before any host-government event, then the strongest so far', () => {
    expect(countryResponseAsOf(m, 'NL', day(2022, 10, 25))).toBe('none');
    expect(countryResponseAsOf(m, 'NL', day(2022, 10, 26))).toBe('investigation');
    expect(countryResponseAsOf(m, 'NL', day(2022, 11, 30))).toBe('closure');
  });
  it('ignores statements by the Chinese government and keeps the strongest response', () => {
    expect(countryResponseAsOf(m, 'US', day(2023, 4, 16))).toBe('none');
    expect(countryResponseAsOf(m, 'US', day(2023, 4, 17))).toBe('charges');
    // The year-precision statement (counted from 31 Dec 2023) does not weaken it.
    expect(countryResponseAsOf(m, 'US', day(2023, 12, 31))).toBe('charges');
  });
  it('is none for a country with no events', () => {
    expect(countryResponseAsOf(m, 'FR', day(2025, 1, 1))).toBe('none');
  });
});

describe('eventsInRange', () => {
  const ids = (from: number, to: number) => eventsInRange(m, from, to).map((e) => e.id);
  it('includes events on both edges of the range', () => {
    expect(ids(day(2022, 10, 25), day(2022, 10, 26))).toEqual(['ie-closed', 'nl-probe']);
    expect(ids(day(2022, 10, 26), day(2022, 10, 26))).toEqual(['nl-probe']);
  });
  it('counts a month- or year-precision event from the end of its period, as the map does', () => {
    expect(ids(day(2022, 11, 30), day(2022, 12, 5))).toEqual(['nl-order']);
    expect(ids(day(2022, 11, 1), day(2022, 11, 29))).toEqual([]);
    expect(ids(day(2022, 12, 1), day(2022, 12, 5))).toEqual([]);
    expect(ids(day(2023, 6, 1), day(2023, 6, 2))).toEqual([]);
    expect(ids(day(2023, 12, 31), day(2023, 12, 31))).toEqual(['us-statement']);
  });
  it('lists period-only events after the day-dated events of their period, and nothing for an empty range', () => {
    const all = eventsInRange(m, m.start, m.end);
    expect(all.map((e) => e.id)).toEqual(['report', 'ie-closed', 'nl-probe', 'nl-order', 'us-arrests', 'us-denial', 'us-statement']);
    expect(all).toHaveLength(7);
    expect(ids(day(2030, 1, 1), day(2030, 2, 1))).toEqual([]);
    // On the same last day, a day-dated event before a month's, a month's before a year's.
    const tied = model(
      [station('ie-dublin', 'IE', '2022-09-12')],
      [event('y', '2022'), event('m', '2022-12'), event('d', '2022-12-31'), event('a', '2022-12-30')],
    );
    expect(tied.events.map((e) => e.id)).toEqual(['a', 'd', 'm', 'y']);
  });
  it('starts the default range at the first event known to the day, not on 1 January of a year-only one', () => {
    expect(m.start).toBe(day(2022, 1, 1));
    expect(m.firstDated).toBe(day(2022, 9, 12));
  });
});

describe('indexes', () => {
  it('groups stations by country and events by station', () => {
    expect(m.stationsByCountry.get('IE')!.map((s) => s.id)).toEqual(['ie-dublin']);
    expect(m.eventsByStation.get('nl-amsterdam')!.map((e) => e.id)).toEqual(['nl-probe', 'nl-order']);
  });
  it('counts the stations shown on a date', () => {
    expect(stationsAsOf(m, day(2022, 10, 31)).map((s) => s.station.id)).toEqual(['ie-dublin', 'nl-amsterdam']);
  });
  it('spans the story from the earliest record (here a year-only date) to the last', () => {
    expect(m.start).toBe(day(2022, 1, 1));
    expect(m.end).toBe(day(2023, 12, 31));
  });
});

describe('eventsShownMemo', () => {
  it('filters by type in the same walk as the range', () => {
    const all = eventsInRange(m, m.start, m.end);
    const types = [...new Set(all.map((e) => e.type))];
    const some = types.slice(0, 1);
    expect(eventsShownMemo(m, m.start, m.end, some)).toEqual(all.filter((e) => some.includes(e.type)));
    expect(eventsShownMemo(m, m.start, m.end, [])).toEqual([]);
  });
  it('answers a repeated question with the same array and a new one afresh', () => {
    const a = eventsShownMemo(m, m.start, m.end, ['closure', 'statement']);
    expect(eventsShownMemo(m, m.start, m.end, ['closure', 'statement'])).toBe(a);
    const b = eventsShownMemo(m, day(2022, 10, 25), day(2022, 10, 26), ['closure', 'statement']);
    expect(b).not.toBe(a);
    expect(b.every((e) => ['closure', 'statement'].includes(e.type))).toBe(true);
  });
});

describe('aliases', () => {
  it('maps a station\'s and an event\'s former ids to their ids', () => {
    const a = model([station('hr-unlocated', 'HR', '2022-12', { aliases: ['hr-zagreb'] })], [event('hr-x', '2022-12-04', { aliases: ['hr-old'] })]);
    expect(a.aliases.stations.get('hr-zagreb')).toBe('hr-unlocated');
    expect(a.aliases.events.get('hr-old')).toBe('hr-x');
  });
});

describe('aliases in the checker', () => {
  it('refuses an alias that is another record\'s id, or an alias two records claim', async () => {
    const { validateDataset } = await import('../../src/model/validate');
    const { config: cfg, source: src } = await import('./helpers');
    const stations = [station('a', 'IE', '2022-09-12', { aliases: ['b'] }), station('b', 'IE', '2022-09-12'), station('c', 'IE', '2022-09-12', { aliases: ['old'] }), station('d', 'IE', '2022-09-12', { aliases: ['old'] })];
    const { problems } = validateDataset({ stations: { type: 'FeatureCollection', features: stations }, events: [], sources: [src] }, cfg, { today: day(2026, 1, 1) });
    const messages = problems.filter((p) => p.severity === 'error').map((p) => p.message);
    expect(messages).toContain('"b" is the id of another station');
    expect(messages).toContain('"old" is an alias of c too');
  });
});
