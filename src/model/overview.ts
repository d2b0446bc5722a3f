// The overview: what the first map frame needs, derived by the build from the validated data.
// Each station's place and status over time, each country's response over time, and how many
// events of each type begin and end on each day. At 100,000 events the events file is tens of
// megabytes, and the statuses come from the events: with the overview, the map paints while the
// events are still loading, and the model replaces this preview once they have.
//
// The overview is checked before use: it names checksums of the config and stations texts it was
// derived from, so a stale one (data edited after the build, or a test serving other data) is not
// drawn. Events edited after the build cannot be caught this early: the model corrects the map as
// soon as it is built, and `overviewMatches` lets the app tell whoever deployed it to rebuild.
import type { Day } from './dates';
import type { Config, StationProperties } from './schema';
import { LOCATION_PRECISIONS } from './schema';
import { pushTo } from '../multimap';
import type { CountEvents, MapModel, Model, PlacedStation, ResponseStep, StatusStep } from './model';

export const OVERVIEW_FORMAT = 'chronomap-overview/1';

type Precision = StationProperties['locationPrecision'];

/** One station: id, longitude, latitude, country, location precision, first day shown, status changes. */
type StationRow = [string, number, number, string, Precision, Day, [Day, string][]];

export interface OverviewFile {
  readonly format: typeof OVERVIEW_FORMAT;
  /** Checksums (`textChecksum`) of the config and stations texts the overview was derived from. */
  readonly basis: { readonly config: string; readonly stations: string };
  readonly start: Day;
  readonly end: Day;
  readonly countries: readonly string[];
  readonly stations: readonly StationRow[];
  /** Per country, the response steps as [day, rank]. */
  readonly responses: Readonly<Record<string, readonly [Day, number][]>>;
  /** Per event type, [day, number of events] for the days events begin (starts) and end (ends). */
  readonly events: Readonly<Record<string, { readonly starts: readonly [Day, number][]; readonly ends: readonly [Day, number][] }>>;
}

export interface Preview {
  readonly model: MapModel;
  readonly countEvents: CountEvents;
  /** Events counted in the overview, all types. */
  readonly total: number;
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

function dayCounts(days: Iterable<Day>): [Day, number][] {
  const counts = new Map<Day, number>();
  for (const d of days) counts.set(d, (counts.get(d) ?? 0) + 1);
  return [...counts].sort((a, b) => a[0] - b[0]);
}

export function buildOverview(model: Model, basis: OverviewFile['basis']): OverviewFile {
  const byType = new Map<string, Model['events'][number][]>();
  for (const e of model.events) pushTo(byType, e.type, e);
  return {
    format: OVERVIEW_FORMAT,
    basis,
    start: model.start,
    end: model.end,
    countries: [...model.countries],
    stations: model.stations.map((s) => [s.id, s.lon, s.lat, s.props.country, s.props.locationPrecision, s.visibleFrom, s.statusChanges.map((c) => [c.day, c.status])]),
    responses: Object.fromEntries([...model.responseSteps].map(([country, steps]) => [country, steps.map((r) => [r.day, r.rank])])),
    events: Object.fromEntries(
      [...byType].map(([type, events]) => [type, { starts: dayCounts(events.map((e) => e.start)), ends: dayCounts(events.map((e) => e.end)) }]),
    ),
  };
}

const isDay = (v: unknown): v is Day => Number.isInteger(v) && Math.abs(v as number) < 1e7;
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) > 0;
const isString = (v: unknown): v is string => typeof v === 'string';
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function pairsOf<A, B>(v: unknown, a: (x: unknown) => x is A, b: (x: unknown) => x is B): [A, B][] | null {
  if (!Array.isArray(v)) return null;
  for (const p of v) if (!Array.isArray(p) || p.length !== 2 || !a(p[0]) || !b(p[1])) return null;
  return v as [A, B][];
}

/** Sorted days and the running total of events up to each. */
interface Cumulative {
  readonly days: Int32Array;
  readonly totals: Float64Array;
}

function cumulative(pairs: readonly [Day, number][]): Cumulative | null {
  const days = new Int32Array(pairs.length);
  const totals = new Float64Array(pairs.length);
  let sum = 0;
  for (let i = 0; i < pairs.length; i++) {
    if (i > 0 && pairs[i][0] <= pairs[i - 1][0]) return null;
    days[i] = pairs[i][0];
    sum += pairs[i][1];
    totals[i] = sum;
  }
  return { days, totals };
}

/** Events counted up to and including `day`. */
function upTo(c: Cumulative, day: Day): number {
  let lo = 0;
  let hi = c.days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (c.days[mid] <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 0 : c.totals[lo - 1];
}

/**
 * The preview drawn from an overview, or a reason it cannot be used. Untrusted input: every field
 * is checked, and statuses, types and responses must be the config's.
 */
export function readOverview(raw: unknown, config: Config, basis: OverviewFile['basis']): Preview | string {
  if (!isRecord(raw) || raw.format !== OVERVIEW_FORMAT) return 'not an overview';
  if (!isRecord(raw.basis) || raw.basis.config !== basis.config || raw.basis.stations !== basis.stations) return 'derived from other data';
  const { start, end } = raw;
  if (!isDay(start) || !isDay(end) || end < start) return 'start or end';
  if (!Array.isArray(raw.countries) || !raw.countries.every(isString)) return 'countries';
  const statuses = new Set(config.statuses.map((s) => s.id));
  const ranks = new Set(config.responses.map((r) => r.rank));
  const types = new Set(config.eventTypes.map((t) => t.id));

  if (!Array.isArray(raw.stations)) return 'stations';
  const stations: PlacedStation[] = [];
  for (const row of raw.stations as unknown[]) {
    if (!Array.isArray(row) || row.length !== 7) return 'stations';
    const [id, lon, lat, country, precision, visibleFrom, changes] = row as unknown[];
    if (!isString(id) || typeof lon !== 'number' || typeof lat !== 'number' || !isString(country) || !isDay(visibleFrom)) return `station ${stations.length}`;
    if (!(LOCATION_PRECISIONS as readonly unknown[]).includes(precision)) return `station ${stations.length}`;
    const steps = pairsOf(changes, isDay, isString);
    if (!steps || steps.some(([, s]) => !statuses.has(s))) return `station ${stations.length} status changes`;
    const statusChanges: StatusStep[] = steps.map(([day, status]) => ({ day, status }));
    stations.push({ id, index: stations.length, props: { id, country, locationPrecision: precision as Precision }, lon, lat, visibleFrom, statusChanges });
  }

  if (!isRecord(raw.responses)) return 'responses';
  const responseSteps = new Map<string, ResponseStep[]>();
  for (const [country, value] of Object.entries(raw.responses)) {
    const steps = pairsOf(value, isDay, (r): r is number => ranks.has(r as number));
    if (!steps) return `responses of ${country}`;
    responseSteps.set(
      country,
      steps.map(([day, rank]) => ({ day, rank })),
    );
  }

  if (!isRecord(raw.events)) return 'events';
  const counts = new Map<string, { starts: Cumulative; ends: Cumulative }>();
  let total = 0;
  for (const [type, value] of Object.entries(raw.events)) {
    if (!types.has(type) || !isRecord(value)) return `events of type ${type}`;
    const startPairs = pairsOf(value.starts, isDay, isCount);
    const endPairs = pairsOf(value.ends, isDay, isCount);
    const starts = startPairs && cumulative(startPairs);
    const ends = endPairs && cumulative(endPairs);
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
    countries: raw.countries,
    start,
    end,
    responseSteps,
  };
  // An event overlaps [from, to] when it begins by `to` and does not end before `from`; every
  // event that ends before `from` began before `to`, so the difference counts the overlap.
  const countEvents: CountEvents = (from, to, shownTypes) => {
    let n = 0;
    for (const type of shownTypes) {
      const c = counts.get(type);
      if (c) n += upTo(c.starts, to) - upTo(c.ends, from - 1);
    }
    return n;
  };
  return { model, countEvents, total };
}

/** Whether the preview showed what the model shows: the same stations, statuses and number of events. */
export function overviewMatches(preview: Preview, model: Model): boolean {
  const a = preview.model;
  if (preview.total !== model.events.length || a.stations.length !== model.stations.length) return false;
  const sameSteps = (x: readonly StatusStep[], y: readonly StatusStep[]) => x.length === y.length && x.every((c, i) => c.day === y[i].day && c.status === y[i].status);
  return model.stations.every((s, i) => s.id === a.stations[i].id && s.visibleFrom === a.stations[i].visibleFrom && sameSteps(s.statusChanges, a.stations[i].statusChanges));
}
