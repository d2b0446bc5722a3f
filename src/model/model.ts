// Indexes over a validated dataset, and the time math the views need: each station's status
// and each country's strongest official response as of any day, and the events in a range.
import { dateSpan, type Day } from './dates.ts';
import { pushTo } from '../multimap.ts';
import type { Dataset } from './validate.ts';
import type { ChronoEvent, Config, Source, StationProperties } from './schema.ts';

/** What the map needs of a station: where it is, and its status over time. */
export interface PlacedStation {
  readonly id: string;
  /** Index in the model's `stations`, used as the map feature id. */
  readonly index: number;
  readonly props: Pick<StationProperties, 'id' | 'country' | 'locationPrecision'>;
  readonly lon: number;
  readonly lat: number;
  /** First day the station counts as reported: the last day of its firstReported date. */
  readonly visibleFrom: Day;
  /** Status changes in date order (the day each takes effect). */
  readonly statusChanges: readonly StatusStep[];
}

export interface Station extends PlacedStation {
  readonly props: StationProperties;
  readonly statusChanges: readonly StatusChange[];
}

export interface StatusStep {
  readonly day: Day;
  readonly status: string;
}

export interface StatusChange extends StatusStep {
  readonly eventId: string;
}

/** An event as the timeline places it: its days and type. The overview gives these before the events load. */
export interface EventMark {
  /** First and last day the (possibly partial) date can mean. */
  readonly start: Day;
  readonly end: Day;
  readonly type: string;
}

export interface TimedEvent extends ChronoEvent, Omit<EventMark, 'type'> {
  readonly index: number;
}

export interface ResponseStep {
  readonly day: Day;
  readonly rank: number;
}

interface SourcedResponseStep extends ResponseStep {
  readonly eventId: string;
}

/**
 * What the map and the counts line read: stations with their status over time and each country's
 * response over time. The full model is one; the overview's preview (drawn before the events
 * have loaded) is another.
 */
export interface MapModel {
  readonly config: Config;
  readonly stations: readonly PlacedStation[];
  readonly stationById: ReadonlyMap<string, PlacedStation>;
  readonly stationsByCountry: ReadonlyMap<string, readonly PlacedStation[]>;
  readonly eventById: ReadonlyMap<string, { readonly stationIds?: readonly string[]; readonly country?: string }>;
  /** Countries with a station or an event. */
  readonly countries: readonly string[];
  /** Ids stations and events had before, to the ids they have (see the data's `aliases`). */
  readonly aliases: { readonly stations: ReadonlyMap<string, string>; readonly events: ReadonlyMap<string, string> };
  /** First and last day of the story: config start, or the earliest record; the latest record. */
  readonly start: Day;
  readonly end: Day;
  /**
   * The first day an event is known to the day (null without one): where the range starts by
   * default, rather than on the 1 January of an event known only to its year.
   */
  readonly firstDated: Day | null;
  /** Per country, the running maximum of official responses (ranks never fall). */
  readonly responseSteps: ReadonlyMap<string, readonly ResponseStep[]>;
}

export interface Model extends MapModel {
  readonly stations: readonly Station[];
  readonly stationById: ReadonlyMap<string, Station>;
  readonly stationsByCountry: ReadonlyMap<string, readonly Station[]>;
  /**
   * In the order lists show them: by the day each counts from (the last day of its date: a
   * month's or a year's end), a day-dated event before a month's and a month's before a year's
   * on the same day, then by id. A period-only event so follows the day-dated events of its period.
   */
  readonly events: readonly TimedEvent[];
  readonly eventById: ReadonlyMap<string, TimedEvent>;
  readonly eventsByStation: ReadonlyMap<string, readonly TimedEvent[]>;
  readonly eventsByCountry: ReadonlyMap<string, readonly TimedEvent[]>;
  readonly sourceById: ReadonlyMap<string, Source>;
  readonly responseSteps: ReadonlyMap<string, readonly SourcedResponseStep[]>;
}

const PRECISION_RANK: Readonly<Record<string, number>> = { day: 0, month: 1, year: 2 };

/** The lists' order (see Model.events): the day an event counts from, then its precision, then its id. */
export function listOrder(a: { readonly end: Day; readonly precision: string; readonly id: string }, b: { readonly end: Day; readonly precision: string; readonly id: string }): number {
  return a.end - b.end || (PRECISION_RANK[a.precision] ?? 0) - (PRECISION_RANK[b.precision] ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function buildModel(dataset: Dataset): Model {
  const { config } = dataset;
  // One copy per event, every copy with the same keys in the same order. Spreading records whose
  // optional fields vary made objects of dozens of shapes, and every later loop over them slow:
  // building the model for 100,000 events took seconds, and takes a tenth of that now.
  const events: { -readonly [K in keyof TimedEvent]: TimedEvent[K] }[] = dataset.events.map((e) => {
    const span = dateSpan(e.date);
    return {
      id: e.id,
      date: e.date,
      precision: e.precision,
      type: e.type,
      actor: e.actor,
      actorKind: e.actorKind,
      country: e.country,
      stationIds: e.stationIds,
      setsStatus: e.setsStatus,
      title: e.title,
      summary: e.summary,
      disputed: e.disputed,
      sources: e.sources,
      start: span.start,
      end: span.end,
      index: 0,
    };
  });
  events.sort(listOrder);
  events.forEach((e, index) => {
    e.index = index;
  });
  const eventById = new Map(events.map((e) => [e.id, e]));

  const eventsByStation = new Map<string, TimedEvent[]>();
  const eventsByCountry = new Map<string, TimedEvent[]>();
  for (const e of events) {
    for (const id of e.stationIds ?? []) pushTo(eventsByStation, id, e);
    if (e.country) pushTo(eventsByCountry, e.country, e);
  }

  const stations: Station[] = dataset.stations.map((f, index) => {
    const props = f.properties;
    // A status takes effect when its date has certainly passed: the end of a month or a year.
    const statusChanges = (eventsByStation.get(props.id) ?? [])
      .filter((e) => e.setsStatus !== undefined)
      .map((e) => ({ day: e.end, status: e.setsStatus!, eventId: e.id }))
      .sort((a, b) => a.day - b.day || (a.eventId < b.eventId ? -1 : 1));
    return {
      id: props.id,
      index,
      props,
      lon: f.geometry.coordinates[0],
      lat: f.geometry.coordinates[1],
      visibleFrom: dateSpan(props.firstReported.date).end,
      statusChanges,
    };
  });
  const stationsByCountry = new Map<string, Station[]>();
  for (const s of stations) pushTo(stationsByCountry, s.props.country, s);

  const responseRank = new Map(config.responses.map((r) => [r.id, r.rank]));
  const typeResponse = new Map(config.eventTypes.map((t) => [t.id, t.response]));
  const responseSteps = new Map<string, SourcedResponseStep[]>();
  for (const [country, list] of eventsByCountry) {
    const steps: SourcedResponseStep[] = [];
    const official = list
      .filter((e) => e.actorKind === 'host-government' && typeResponse.get(e.type) !== undefined)
      .sort((a, b) => a.end - b.end);
    for (const e of official) {
      const rank = responseRank.get(typeResponse.get(e.type)!) ?? 0;
      if (rank > (steps.at(-1)?.rank ?? 0)) steps.push({ day: e.end, rank, eventId: e.id });
    }
    responseSteps.set(country, steps);
  }

  // Loops, not Math.min(...xs): spreading 100,000 arguments can overflow the stack.
  let start = dateSpan(config.story.start).start;
  let last = start;
  for (const s of stations) {
    start = Math.min(start, dateSpan(s.props.firstReported.date).start);
    last = Math.max(last, s.visibleFrom);
  }
  for (const e of events) {
    start = Math.min(start, e.start);
    last = Math.max(last, e.end);
  }
  const end = config.story.end !== undefined ? dateSpan(config.story.end).end : Math.max(start, last);
  const countries = [...new Set([...stationsByCountry.keys(), ...eventsByCountry.keys()])].sort();

  const aliases = {
    stations: new Map(stations.flatMap((s) => (s.props.aliases ?? []).map((a) => [a, s.id] as const))),
    events: new Map(dataset.events.flatMap((e) => (e.aliases ?? []).map((a) => [a, e.id] as const))),
  };
  return {
    config,
    aliases,
    stations,
    stationById: new Map(stations.map((s) => [s.id, s])),
    stationsByCountry,
    events,
    eventById,
    eventsByStation,
    eventsByCountry,
    sourceById: new Map(dataset.sources.map((s) => [s.id, s])),
    countries,
    start,
    end,
    firstDated: events.reduce<Day | null>((first, e) => (e.precision === 'day' && (first === null || e.start < first) ? e.start : first), null),
    responseSteps,
  };
}

/** Index of the last item whose day is <= `day`, or -1. */
function lastAtOrBefore<T extends { day: Day }>(items: readonly T[], day: Day): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].day <= day) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The station's status on `day`, or null when it had not been reported yet. */
export function statusAsOf(model: Pick<MapModel, 'config'>, station: PlacedStation, day: Day): string | null {
  if (day < station.visibleFrom) return null;
  const i = lastAtOrBefore(station.statusChanges, day);
  return i < 0 ? model.config.initialStatus : station.statusChanges[i].status;
}

/** The strongest host-government response in `country` up to `day`. */
export function countryResponseAsOf(model: Pick<MapModel, 'config' | 'responseSteps'>, country: string, day: Day): string {
  const steps = model.responseSteps.get(country) ?? [];
  const i = lastAtOrBefore(steps, day);
  const rank = i < 0 ? 0 : steps[i].rank;
  return responseIdForRank(model.config, rank);
}

function responseIdForRank(config: Config, rank: number): string {
  const exact = config.responses.find((r) => r.rank === rank);
  if (exact) return exact.id;
  return [...config.responses].sort((a, b) => a.rank - b.rank)[0].id;
}

/** How many events of the given types count from a day in [from, to] (the last day of their date). */
export type CountEvents = (from: Day, to: Day, types: readonly string[]) => number;

export const countModelEvents =
  (model: Model): CountEvents =>
  (from, to, types) =>
    eventsShownMemo(model, from, to, types).length;

/** Events that count from a day in [from, to] (the last day of their date), in the lists' order. */
export function eventsInRange(model: Model, from: Day, to: Day): TimedEvent[] {
  return eventsShown(model, from, to, null);
}

const lastShown = new WeakMap<Model, { key: string; events: readonly TimedEvent[] }>();

/**
 * Events in [from, to] of the given types (null: all), in date order. The counts line, the panel
 * and the list all ask for this on the same render: the last answer is kept, so 100k events are
 * walked once per state, not once per view. Callers must not change the array.
 */
export function eventsShownMemo(model: Model, from: Day, to: Day, types: readonly string[]): readonly TimedEvent[] {
  const key = `${from}|${to}|${types.join(',')}`;
  const last = lastShown.get(model);
  if (last?.key === key) return last.events;
  const events = eventsShown(model, from, to, new Set(types));
  lastShown.set(model, { key, events });
  return events;
}

function eventsShown(model: Model, from: Day, to: Day, types: ReadonlySet<string> | null): TimedEvent[] {
  // An event is in the range when the day it counts from is: sorted by that day, the range is one slice.
  const { events } = model;
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (events[mid].end < from) lo = mid + 1;
    else hi = mid;
  }
  const out: TimedEvent[] = [];
  for (let i = lo; i < events.length && events[i].end <= to; i++) {
    if (types === null || types.has(events[i].type)) out.push(events[i]);
  }
  return out;
}

/** Stations reported by `day`, with their status then. */
export function stationsAsOf<S extends PlacedStation>(model: { readonly config: Config; readonly stations: readonly S[] }, day: Day): { station: S; status: string }[] {
  const out: { station: S; status: string }[] = [];
  for (const station of model.stations) {
    const status = statusAsOf(model, station, day);
    if (status !== null) out.push({ station, status });
  }
  return out;
}

/** The status history of a station as a list, for the panel. */
export function statusHistory(model: Model, station: Station): { day: Day; status: string; eventId?: string }[] {
  return [{ day: station.visibleFrom, status: model.config.initialStatus }, ...station.statusChanges];
}
