// The overview: what the first map frame needs, derived by the build from the validated data.
// Each station's place and status over time, each country's response over time, and how many
// events of each type begin and end on each day. At 100,000 events the events file is tens of
// megabytes, and the statuses come from the events: with the overview, the map paints while the
// events are still loading, and the model replaces this preview once they have.
//
// The overview is checked before use: it names checksums of the config and stations texts it was
// derived from. One of other data (edited after the build, or a test serving its own) is not
// drawn, or is taken down as soon as the stations file shows it is stale. Events edited after the
// build cannot be caught this early: the model corrects the map as soon as it is built, and
// `overviewMatches` lets the app tell whoever deployed it to rebuild.
//
// Columns of numbers and strings rather than an object per station: at 10,000 stations, parsing
// and checking them is a few milliseconds, not tens.
import type { Day } from './dates.ts';
import type { ChronoEvent, Config, Source, StationFeature } from './schema.ts';
import type { Dataset } from './validate.ts';
import { LOCATION_PRECISIONS } from './closed-lists.ts';
import { pushTo } from '../multimap.ts';
import { readPlaceTree, type PlaceTree } from './place-tree.ts';
import type { CountEvents, EventMark, MapModel, Model, PlacedStation, ResponseStep, StatusStep } from './model.ts';

export const OVERVIEW_FORMAT = 'chronomap-overview/2';


export interface OverviewFile {
  readonly format: typeof OVERVIEW_FORMAT;
  readonly basis: Basis;
  readonly start: Day;
  readonly end: Day;
  /** The model's first day-dated event (MapModel.firstDated). */
  readonly firstDated: Day | null;
  /** Stations' former ids to their ids (MapModel.aliases.stations): a link naming one works from the first paint. */
  readonly stationAliases: Readonly<Record<string, string>>;
  readonly countries: readonly string[];
  /** One entry per station in each column, in the model's order. */
  readonly stations: {
    readonly id: readonly string[];
    readonly lon: readonly number[];
    readonly lat: readonly number[];
    readonly country: readonly string[];
    /** Index in LOCATION_PRECISIONS. */
    readonly precision: readonly number[];
    readonly visibleFrom: readonly Day[];
  };
  /** Status changes by station (its index), then by day; a status is its index in the config's statuses. */
  readonly changes: { readonly station: readonly number[]; readonly day: readonly Day[]; readonly status: readonly number[] };
  /** Per country, the days its strongest response rose, and the rank it rose to. */
  readonly responses: Readonly<Record<string, { readonly day: readonly Day[]; readonly rank: readonly number[] }>>;
  /**
   * Per event type: the days events begin, each as the days since the one before (the first since
   * day 0), and how many begin on each; the same for the days they end.
   */
  readonly events: Readonly<Record<string, { readonly startDay: readonly number[]; readonly starts: readonly number[]; readonly endDay: readonly number[]; readonly ends: readonly number[] }>>;
  /** The stations' places clustered at every zoom level, so that the first frame need not cluster them. */
  readonly placeTree?: PlaceTree;
}

export interface Preview {
  readonly model: MapModel;
  readonly countEvents: CountEvents;
  /** Events counted in the overview, all types. */
  readonly total: number;
  /** The types that have events. */
  readonly typesPresent: ReadonlySet<string>;
  /**
   * One mark per event, in date order, for the timeline while the events load. The overview
   * does not pair starts with ends, so each mark is placed on its first day.
   */
  marks(): EventMark[];
  readonly basis: Basis;
  /** The overview's clustering of the stations' places, if it has a well-formed one. */
  readonly placeTree: PlaceTree | null;
}

/** What the overview was derived from: checksums (`textChecksum`) of the four data files' texts. */
export interface Basis {
  readonly config: string;
  readonly stations: string;
  readonly events: string;
  readonly sources: string;
  /**
   * Whether the build's validation kept the config and every record exactly as written (no
   * errors, nothing dropped or changed). Then the same texts need not be validated again: see
   * `trustedDataset`, and the config in load.ts.
   */
  readonly validated: boolean;
}

/** FNV-1a over the UTF-16 code units, a leading byte-order mark skipped: cheap, and the same in Node and the browser. */
export function textChecksum(text: string): string {
  let h = 0x811c9dc5;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Distinct days in order, each as the days since the one before, and the number of events on each. */
function dayCounts(days: readonly Day[]): { gaps: number[]; counts: number[] } {
  const counts = new Map<Day, number>();
  for (const d of days) counts.set(d, (counts.get(d) ?? 0) + 1);
  const sorted = [...counts].sort((a, b) => a[0] - b[0]);
  return { gaps: sorted.map(([d], i) => d - (i > 0 ? sorted[i - 1][0] : 0)), counts: sorted.map(([, n]) => n) };
}

export function buildOverview(model: Model, basis: OverviewFile['basis'], placeTree: PlaceTree): OverviewFile {
  const byType = new Map<string, Model['events'][number][]>();
  for (const e of model.events) pushTo(byType, e.type, e);
  const statusIndex = new Map(model.config.statuses.map((st, i) => [st.id, i]));
  const changes = model.stations.flatMap((s) => s.statusChanges.map((c) => ({ station: s.index, day: c.day, status: statusIndex.get(c.status)! })));
  return {
    format: OVERVIEW_FORMAT,
    basis,
    start: model.start,
    end: model.end,
    firstDated: model.firstDated,
    stationAliases: Object.fromEntries(model.aliases.stations),
    countries: [...model.countries],
    stations: {
      id: model.stations.map((s) => s.id),
      lon: model.stations.map((s) => s.lon),
      lat: model.stations.map((s) => s.lat),
      country: model.stations.map((s) => s.props.country),
      precision: model.stations.map((s) => LOCATION_PRECISIONS.indexOf(s.props.locationPrecision)),
      visibleFrom: model.stations.map((s) => s.visibleFrom),
    },
    changes: { station: changes.map((c) => c.station), day: changes.map((c) => c.day), status: changes.map((c) => c.status) },
    responses: Object.fromEntries([...model.responseSteps].map(([country, steps]) => [country, { day: steps.map((r) => r.day), rank: steps.map((r) => r.rank) }])),
    events: Object.fromEntries(
      [...byType].map(([type, events]) => {
        const starts = dayCounts(events.map((e) => e.start));
        const ends = dayCounts(events.map((e) => e.end));
        return [type, { startDay: starts.gaps, starts: starts.counts, endDay: ends.gaps, ends: ends.counts }];
      }),
    ),
    placeTree,
  };
}

const isDay = (v: unknown): v is Day => Number.isInteger(v) && Math.abs(v as number) < 1e7;
const isString = (v: unknown): v is string => typeof v === 'string';
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `v` as an array of `length` items that all pass `check`, or null. */
function column<T>(v: unknown, length: number | null, check: (x: unknown) => x is T): readonly T[] | null {
  if (!Array.isArray(v) || (length !== null && v.length !== length)) return null;
  for (let i = 0; i < v.length; i++) if (!check(v[i])) return null;
  return v as T[];
}

/** Strictly increasing days with strictly increasing running totals. */
interface Running {
  readonly days: readonly Day[];
  readonly totals: readonly number[];
}

const isCount = (x: unknown): x is number => Number.isInteger(x) && (x as number) > 0;

/** From days as gaps (all but the first positive) and the number of events on each. */
function running(gaps: unknown, counts: unknown): Running | null {
  const g = column(gaps, null, isDay);
  const c = g && column(counts, g.length, isCount);
  if (!g || !c) return null;
  const days = new Array<Day>(g.length);
  const totals = new Array<number>(g.length);
  for (let i = 0; i < g.length; i++) {
    if (i > 0 && g[i] <= 0) return null;
    days[i] = (i > 0 ? days[i - 1] : 0) + g[i];
    totals[i] = (i > 0 ? totals[i - 1] : 0) + c[i];
  }
  return { days, totals };
}

/** Events counted up to and including `day`. */
function upTo(r: Running, day: Day): number {
  let lo = 0;
  let hi = r.days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (r.days[mid] <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 0 : r.totals[lo - 1];
}

/**
 * The preview drawn from an overview, or a reason it cannot be used. Untrusted input: every field
 * is checked, and statuses, types and ranks must be the config's. `configChecksum` is that of the
 * config text the app loaded; the stations are checked against `basis.stations` when they arrive.
 */
export function readOverview(raw: unknown, config: Config, configChecksum: string): Preview | string {
  if (!isRecord(raw) || raw.format !== OVERVIEW_FORMAT) return 'not an overview';
  const basis = raw.basis;
  if (!isRecord(basis) || basis.config !== configChecksum || !isString(basis.stations) || !isString(basis.events) || !isString(basis.sources) || typeof basis.validated !== 'boolean') {
    return 'derived from other data';
  }
  const { start, end, firstDated } = raw;
  if (!isDay(start) || !isDay(end) || end < start) return 'start or end';
  if (firstDated !== null && !isDay(firstDated)) return 'first dated day';
  const stationAliases = isRecord(raw.stationAliases) && Object.values(raw.stationAliases).every(isString) ? (raw.stationAliases as Record<string, string>) : null;
  if (!stationAliases) return 'station aliases';
  const countries = column(raw.countries, null, isString);
  if (!countries) return 'countries';
  const statuses = config.statuses.map((s) => s.id);
  const ranks = new Set(config.responses.map((r) => r.rank));
  const types = new Set(config.eventTypes.map((t) => t.id));

  if (!isRecord(raw.stations)) return 'stations';
  const id = column(raw.stations.id, null, isString);
  const n = id?.length ?? 0;
  const lon = column(raw.stations.lon, n, (x): x is number => typeof x === 'number' && Math.abs(x) <= 180);
  const lat = column(raw.stations.lat, n, (x): x is number => typeof x === 'number' && Math.abs(x) <= 90);
  const country = column(raw.stations.country, n, isString);
  const precision = column(raw.stations.precision, n, (x): x is number => LOCATION_PRECISIONS[x as number] !== undefined);
  const visibleFrom = column(raw.stations.visibleFrom, n, isDay);
  if (!id || !lon || !lat || !country || !precision || !visibleFrom) return 'stations';

  if (!isRecord(raw.changes)) return 'status changes';
  const changeStation = column(raw.changes.station, null, (x): x is number => Number.isInteger(x) && (x as number) >= 0 && (x as number) < n);
  const changeDay = column(raw.changes.day, changeStation?.length ?? 0, isDay);
  const changeStatus = column(raw.changes.status, changeStation?.length ?? 0, (x): x is number => Number.isInteger(x) && statuses[x as number] !== undefined);
  if (!changeStation || !changeDay || !changeStatus) return 'status changes';
  const stepsOf: StatusStep[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < changeStation.length; i++) {
    const steps = stepsOf[changeStation[i]];
    if (i > 0 && (changeStation[i] < changeStation[i - 1] || (steps.length > 0 && changeDay[i] < steps[steps.length - 1].day))) return 'status changes';
    steps.push({ day: changeDay[i], status: statuses[changeStatus[i]] });
  }

  const stations: PlacedStation[] = new Array<PlacedStation>(n);
  for (let i = 0; i < n; i++) {
    stations[i] = { id: id[i], index: i, props: { id: id[i], country: country[i], locationPrecision: LOCATION_PRECISIONS[precision[i]] }, lon: lon[i], lat: lat[i], visibleFrom: visibleFrom[i], statusChanges: stepsOf[i] };
  }

  if (!isRecord(raw.responses)) return 'responses';
  const responseSteps = new Map<string, ResponseStep[]>();
  for (const [code, value] of Object.entries(raw.responses)) {
    const day = isRecord(value) ? column(value.day, null, isDay) : null;
    const rank = day && isRecord(value) ? column(value.rank, day.length, (x): x is number => ranks.has(x as number)) : null;
    if (!day || !rank) return `responses of ${code}`;
    responseSteps.set(
      code,
      day.map((d, i) => ({ day: d, rank: rank[i] })),
    );
  }

  if (!isRecord(raw.events)) return 'events';
  const counts = new Map<string, { starts: Running; ends: Running }>();
  let total = 0;
  for (const [type, value] of Object.entries(raw.events)) {
    if (!types.has(type) || !isRecord(value)) return `events of type ${type}`;
    const starts = running(value.startDay, value.starts);
    const ends = running(value.endDay, value.ends);
    if (!starts || !ends || starts.totals.at(-1) !== ends.totals.at(-1)) return `events of type ${type}`;
    counts.set(type, { starts, ends });
    total += starts.totals.at(-1) ?? 0;
  }

  const stationsByCountry = new Map<string, PlacedStation[]>();
  for (const s of stations) pushTo(stationsByCountry, s.props.country, s);
  const model: MapModel = {
    config,
    stations,
    stationById: new Map(stations.map((s) => [s.id, s])),
    stationsByCountry,
    eventById: new Map(),
    countries,
    aliases: { stations: new Map(Object.entries(stationAliases)), events: new Map() },
    start,
    end,
    firstDated,
    responseSteps,
  };
  // An event is in [from, to] when the last day of its date is (the day it counts from, as on the
  // map): the events ending by `to` less those ending before `from`.
  const countEvents: CountEvents = (from, to, shownTypes) => {
    let sum = 0;
    for (const type of shownTypes) {
      const c = counts.get(type);
      if (c) sum += upTo(c.ends, to) - upTo(c.ends, from - 1);
    }
    return sum;
  };
  // One mark per event on the day it counts from (the overview does not pair starts with ends: the
  // spans of dates known to a month or a year come with the model).
  const marks = (): EventMark[] => {
    const out: EventMark[] = [];
    for (const { id: type } of config.eventTypes) {
      const c = counts.get(type);
      if (!c) continue;
      for (let i = 0; i < c.ends.days.length; i++) {
        const day = c.ends.days[i];
        const mark: EventMark = { start: day, end: day, type };
        for (let n = c.ends.totals[i] - (i > 0 ? c.ends.totals[i - 1] : 0); n > 0; n--) out.push(mark);
      }
    }
    // A stable sort: on each day, the types in the config's order.
    return out.sort((a, b) => a.end - b.end);
  };
  const typesPresent = new Set([...counts].filter(([, c]) => (c.starts.totals.at(-1) ?? 0) > 0).map(([type]) => type));
  return {
    model,
    countEvents,
    total,
    typesPresent,
    marks,
    basis: { config: configChecksum, stations: basis.stations, events: basis.events, sources: basis.sources, validated: basis.validated },
    // None, or a malformed one: the map clusters the places itself.
    placeTree: readPlaceTree(raw.placeTree),
  };
}

/** Whether the preview showed what the model shows: the same stations, statuses and number of events. */
export function overviewMatches(preview: Preview, model: Model): boolean {
  const a = preview.model;
  if (preview.total !== model.events.length || a.stations.length !== model.stations.length) return false;
  const sameSteps = (x: readonly StatusStep[], y: readonly StatusStep[]) => x.length === y.length && x.every((c, i) => c.day === y[i].day && c.status === y[i].status);
  return model.stations.every((s, i) => s.id === a.stations[i].id && s.visibleFrom === a.stations[i].visibleFrom && sameSteps(s.statusChanges, a.stations[i].statusChanges));
}

/**
 * The dataset, without validating it again, when the texts are those the build validated and
 * found clean (`checksums`: `textChecksum` of each text): validation is a function of these texts,
 * and its answer was "every record as written". Null otherwise (then the app validates). At
 * 100,000 events this saves most of a second.
 */
export function trustedDataset(
  basis: Basis,
  config: Config,
  checksums: { readonly stations: string; readonly events: string; readonly sources: string },
  parsed: { readonly stations: unknown; readonly events: unknown; readonly sources: unknown },
): Dataset | null {
  if (!basis.validated || basis.stations !== checksums.stations || basis.events !== checksums.events || basis.sources !== checksums.sources) return null;
  const { stations, events, sources } = parsed;
  if (!isRecord(stations) || !Array.isArray(stations.features) || !Array.isArray(events) || !Array.isArray(sources)) return null;
  // The build validated these very texts and kept every record unchanged: they have these types.
  return { config, stations: stations.features as StationFeature[], events: events as ChronoEvent[], sources: sources as Source[] };
}
