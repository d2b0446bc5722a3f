// Record-by-record validation: a bad record is reported (file, record, field) and left out,
// and everything valid is kept. The checker CLI and the app both call this.
import { defaultFileNames, type FileNames } from '../data-files.ts';
import type { $ZodIssue } from 'zod/v4/core';
import type { ZodMiniType } from 'zod/mini';
import {
  configSchema,
  eventSchema,
  sourceSchema,
  stationFeatureSchema,
  type ChronoEvent,
  type Config,
  type Source,
  type StationFeature,
} from './schema.ts';
import { acceptsEvent, acceptsSource, acceptsStation } from './quick-accept.ts';
import { pushTo } from '../multimap.ts';
import { dateSpan, formatDay, precisionOf, type Day } from './dates.ts';
import { describeValue, type Problem, type Severity, type WarningCode } from './problems.ts';

export interface Dataset {
  readonly config: Config;
  readonly stations: readonly StationFeature[];
  readonly events: readonly ChronoEvent[];
  readonly sources: readonly Source[];
}

/** Parsed JSON of each file, or `undefined` when the file could not be read or parsed (already reported). */
export interface RawData {
  readonly stations: unknown;
  readonly events: unknown;
  readonly sources: unknown;
}

export { defaultFileNames, type FileNames };

export interface ValidationResult {
  readonly dataset: Dataset;
  readonly problems: readonly Problem[];
  /** Where each kept station and event sits in its file, so later checks can name the record. */
  readonly stationIndex: ReadonlyMap<string, number>;
  readonly eventIndex: ReadonlyMap<string, number>;
}

export interface RecordRef {
  readonly file: string;
  readonly collection: string;
  readonly index: number;
  readonly id?: string;
}

export class ProblemList {
  readonly items: Problem[] = [];
  /** The app shows errors only; at 100,000 records, building every warning is wasted garbage. */
  constructor(private readonly warnings: boolean) {}
  add(ref: RecordRef, severity: Severity, field: string | undefined, message: string, skipsRecord: boolean): void {
    if (severity === 'warning' && !this.warnings) return;
    this.items.push({ ...ref, severity, field, message, skipsRecord });
  }
  /** A warning never leaves the record out. */
  warn(ref: RecordRef, code: WarningCode, field: string, message: string): void {
    if (this.warnings) this.items.push({ ...ref, severity: 'warning', code, field, message, skipsRecord: false });
  }
  file(file: string, message: string): void {
    this.items.push({ file, severity: 'error', message, skipsRecord: false });
  }
}

const MAX_COORD_DECIMALS = 2;

export function idOf(record: unknown, path: readonly string[]): string | undefined {
  let v: unknown = record;
  for (const key of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return typeof v === 'string' && v.length > 0 ? describeId(v) : undefined;
}

function describeId(id: string): string {
  return id.length > 60 ? `${JSON.stringify(id.slice(0, 57))}...` : /^[\w.-]+$/.test(id) ? id : JSON.stringify(id);
}

function valueAt(record: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = record;
  for (const key of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key as string];
  }
  return v;
}

function fieldName(path: readonly PropertyKey[], stripProperties: boolean): string {
  const parts = stripProperties && path[0] === 'properties' ? path.slice(1) : path;
  return parts.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`)).join('');
}

function issueMessage(issue: $ZodIssue, value: unknown): { message: string } {
  if (issue.code === 'unrecognized_keys') {
    return { message: `is not a known field${issue.keys.length > 1 ? ` (nor ${issue.keys.slice(1).join(', ')})` : ''}` };
  }
  if (issue.code === 'invalid_type' && value === undefined) return { message: 'is missing' };
  // A plain string where a text per language belongs: most likely data written before the texts were localized.
  if (issue.code === 'invalid_type' && issue.expected === 'record') return { message: `${describeValue(value)} should be a text per language, like {"en": "..."}` };
  if (issue.code === 'invalid_key') return { message: 'is not a language tag (like "en" or "zh-Hant")' };
  if (issue.code === 'invalid_type') return { message: `${describeValue(value)} should be ${issue.expected === 'tuple' ? 'an array' : `a ${issue.expected}`}` };
  if (issue.code === 'invalid_value') return { message: `${describeValue(value)} is not one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}` };
  if (/^(is|lists|has) /.test(issue.message)) return { message: `${describeValue(value)} ${issue.message}` };
  return { message: `${describeValue(value)}: ${issue.message}` };
}

/** Validates one record against its schema; returns the parsed record or null (problems added). */
export function parseRecord<T>(
  schema: ZodMiniType<T>,
  record: unknown,
  ref: RecordRef,
  problems: ProblemList,
  stripProperties: boolean,
  accepts?: (record: unknown) => boolean,
): T | null {
  if (accepts?.(record)) return record as T;
  const result = schema.safeParse(record);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const value = valueAt(record, issue.path);
    // An unknown key is named as the field itself, so the message reads "colour is not a known field".
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : issue.path;
    const field = fieldName(path, stripProperties) || undefined;
    const { message } = issueMessage(issue, value);
    problems.add(ref, 'error', field, message, true);
  }
  return null;
}

function checkCollection(
  raw: unknown,
  file: string,
  collection: string,
  problems: ProblemList,
): unknown[] {
  if (raw === undefined) return [];
  if (collection === 'stations') {
    if (typeof raw !== 'object' || raw === null || (raw as { type?: unknown }).type !== 'FeatureCollection' || !Array.isArray((raw as { features?: unknown }).features)) {
      problems.file(file, 'is not a GeoJSON FeatureCollection with a "features" array');
      return [];
    }
    return (raw as { features: unknown[] }).features;
  }
  if (!Array.isArray(raw)) {
    problems.file(file, `should hold a JSON array of ${collection}`);
    return [];
  }
  return raw;
}

function decimals(n: number): number {
  const s = String(n);
  if (s.includes('e')) return 99;
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

export interface ValidateOptions {
  readonly today: Day;
  readonly files?: FileNames;
  /** Collect warnings too (the checker does; the app does not show them). Default true. */
  readonly warnings?: boolean;
}

/** Validates a config object; null (and problems) when it is unusable, since nothing can be shown without it. */
export function validateConfig(raw: unknown, file: string, messageKeys: ReadonlySet<string> = new Set()): { config: Config | null; problems: Problem[] } {
  const problems = new ProblemList(true);
  const config = parseRecord(configSchema, raw, { file, collection: 'config', index: 0 }, problems, false);
  if (config) {
    const ids = (xs: readonly { id: string }[]) => new Set(xs.map((x) => x.id));
    const statuses = ids(config.statuses);
    const responses = ids(config.responses);
    const ref = { file, collection: 'config', index: 0 };
    if (!statuses.has(config.initialStatus)) problems.add(ref, 'error', 'initialStatus', `"${config.initialStatus}" is not a status`, true);
    const families = ids(config.families);
    config.eventTypes.forEach((t, i) => {
      if (t.response !== undefined && !responses.has(t.response)) problems.add(ref, 'error', `eventTypes[${i}].response`, `"${t.response}" is not a response`, true);
      if (!families.has(t.family)) problems.add(ref, 'error', `eventTypes[${i}].family`, `"${t.family}" is not a family`, true);
    });
    // Within a family, the shape is what tells the types apart.
    const shapes = new Set<string>();
    config.eventTypes.forEach((t, i) => {
      const key = `${t.family} ${t.shape}`;
      if (shapes.has(key)) problems.add(ref, 'error', `eventTypes[${i}].shape`, `"${t.shape}" is already the shape of another type of family "${t.family}"`, true);
      shapes.add(key);
    });
    for (const [lang, messages] of Object.entries(config.messages ?? {})) {
      for (const key of Object.keys(messages)) {
        if (messageKeys.size > 0 && !messageKeys.has(key)) problems.warn(ref, 'unknown-message', `messages.${lang}.${key}`, 'is not a message of the engine and is ignored');
      }
    }
  }
  const fatal = problems.items.some((p) => p.skipsRecord);
  return { config: fatal ? null : config, problems: problems.items };
}

export function validateDataset(raw: RawData, config: Config, options: ValidateOptions): ValidationResult {
  const files = options.files ?? defaultFileNames();
  const problems = new ProblemList(options.warnings ?? true);
  const statusIds = new Map(config.statuses.map((s) => [s.id, s]));
  const typeIds = new Set(config.eventTypes.map((t) => t.id));

  // 1. Each record alone: schema, vocabularies, dates, coordinates.
  const sources = new Map<string, { record: Source; ref: RecordRef }>();
  checkCollection(raw.sources, files.sources, 'sources', problems).forEach((record, index) => {
    const ref: RecordRef = { file: files.sources, collection: 'sources', index, id: idOf(record, ['id']) };
    const s = parseRecord(sourceSchema, record, ref, problems, false, acceptsSource);
    if (!s) return;
    if (sources.has(s.id)) return problems.add(ref, 'error', 'id', `"${s.id}" is used by another source too`, true);
    if (!checkNotFuture(s.published, ref, 'published', options.today, problems)) return;
    sources.set(s.id, { record: s, ref });
  });

  const stations = new Map<string, { record: StationFeature; ref: RecordRef }>();
  checkCollection(raw.stations, files.stations, 'stations', problems).forEach((record, index) => {
    const ref: RecordRef = { file: files.stations, collection: 'stations', index, id: idOf(record, ['properties', 'id']) };
    const f = parseRecord(stationFeatureSchema, record, ref, problems, true, acceptsStation);
    if (!f) return;
    const p = f.properties;
    let ok = true;
    if (stations.has(p.id)) {
      problems.add(ref, 'error', 'id', `"${p.id}" is used by another station too`, true);
      ok = false;
    }
    const [lon, lat] = f.geometry.coordinates;
    if (decimals(lon) > MAX_COORD_DECIMALS || decimals(lat) > MAX_COORD_DECIMALS) {
      problems.add(ref, 'error', 'geometry.coordinates', `${describeValue(f.geometry.coordinates)} has more than ${MAX_COORD_DECIMALS} decimals: record city-level coordinates only`, true);
      ok = false;
    }
    ok = checkPrecision(p.firstReported.date, p.firstReported.precision, ref, 'firstReported', problems) && ok;
    ok = checkNotFuture(p.firstReported.date, ref, 'firstReported.date', options.today, problems) && ok;
    if (p.locationPrecision === 'city' && p.city === undefined) {
      problems.add(ref, 'error', 'city', 'is missing although locationPrecision is "city"', true);
      ok = false;
    }
    if (ok) stations.set(p.id, { record: f, ref });
  });

  const events = new Map<string, { record: ChronoEvent; ref: RecordRef }>();
  checkCollection(raw.events, files.events, 'events', problems).forEach((record, index) => {
    const ref: RecordRef = { file: files.events, collection: 'events', index, id: idOf(record, ['id']) };
    const e = parseRecord(eventSchema, record, ref, problems, false, acceptsEvent);
    if (!e) return;
    let ok = true;
    if (events.has(e.id)) {
      problems.add(ref, 'error', 'id', `"${e.id}" is used by another event too`, true);
      ok = false;
    }
    if (!typeIds.has(e.type)) {
      problems.add(ref, 'error', 'type', `"${e.type}" is not an event type of config.json`, true);
      ok = false;
    }
    if (e.setsStatus !== undefined && !statusIds.has(e.setsStatus)) {
      problems.add(ref, 'error', 'setsStatus', `"${e.setsStatus}" is not a status of config.json`, true);
      ok = false;
    }
    if (e.setsStatus !== undefined && (e.stationIds === undefined || e.stationIds.length === 0)) {
      problems.add(ref, 'error', 'setsStatus', 'is set but the event names no stationIds', true);
      ok = false;
    }
    ok = checkPrecision(e.date, e.precision, ref, '', problems) && ok;
    ok = checkNotFuture(e.date, ref, 'date', options.today, problems) && ok;
    if (ok) events.set(e.id, { record: e, ref });
  });

  // Former ids (aliases) keep published links working: each must name one record only.
  const checkAliases = (records: Map<string, { record: { id: string; aliases?: readonly string[] }; ref: RecordRef }>, what: string) => {
    const owner = new Map<string, string>();
    for (const { record, ref } of records.values()) {
      (record.aliases ?? []).forEach((alias, i) => {
        if (records.has(alias)) problems.add(ref, 'error', `aliases[${i}]`, `"${alias}" is the id of another ${what}`, false);
        else if (owner.has(alias)) problems.add(ref, 'error', `aliases[${i}]`, `"${alias}" is an alias of ${owner.get(alias)} too`, false);
        else owner.set(alias, record.id);
      });
    }
  };
  checkAliases(new Map([...stations].map(([id, v]) => [id, { record: v.record.properties, ref: v.ref }])), 'station');
  checkAliases(events, 'event');

  // 2. References between files. A dangling reference is an error; the app drops the reference
  // and keeps the record while it still has a source, so one bad id costs as little as possible.
  const used = new Set<string>();
  const keepSources = (ids: readonly string[], ref: RecordRef): string[] | null => {
    const kept: string[] = [];
    ids.forEach((id, i) => {
      if (sources.has(id)) {
        kept.push(id);
        used.add(id);
      } else problems.add(ref, 'error', `sources[${i}]`, `"${id}" is not a source in ${files.sources}`, false);
    });
    if (kept.length === 0) {
      problems.add(ref, 'error', 'sources', 'has no valid source left', true);
      return null;
    }
    if (kept.every((id) => sources.get(id)?.record.kind === 'other')) {
      problems.add(ref, 'error', 'sources', 'has only sources of kind "other": add a government, NGO or news source', true);
      return null;
    }
    if (kept.length === 1) problems.warn(ref, 'single-source', 'sources', 'has a single source');
    return kept;
  };

  const validStations: StationFeature[] = [];
  for (const { record, ref } of stations.values()) {
    const kept = keepSources(record.properties.sources, ref);
    // Copied only when a reference was dropped: most records come through whole.
    if (kept) validStations.push(kept.length === record.properties.sources.length ? record : { ...record, properties: { ...record.properties, sources: kept } });
    else stations.delete(record.properties.id);
  }

  const validEvents: ChronoEvent[] = [];
  for (const { record, ref } of events.values()) {
    let stationIds = record.stationIds;
    if (stationIds) {
      stationIds.forEach((id, i) => {
        if (!stations.has(id)) problems.add(ref, 'error', `stationIds[${i}]`, `"${id}" is not a station in ${files.stations}`, false);
      });
      stationIds = stationIds.filter((id) => stations.has(id));
    }
    let ok = true;
    if (record.setsStatus !== undefined) {
      const eventEnd = dateSpan(record.date).end;
      for (const id of stationIds ?? []) {
        const first = stations.get(id)!.record.properties.firstReported.date;
        if (eventEnd < dateSpan(first).start) {
          problems.add(ref, 'error', 'date', `"${record.date}" sets the status of ${id} before it was first reported (${first})`, true);
          ok = false;
        }
      }
    }
    const kept = ok ? keepSources(record.sources, ref) : null;
    if (kept) validEvents.push(kept.length === record.sources.length && stationIds?.length === record.stationIds?.length ? record : { ...record, stationIds, sources: kept });
  }

  // 3. Whole-dataset checks.
  for (const { record, ref } of sources.values()) {
    if (!used.has(record.id)) problems.add(ref, 'error', 'id', `"${record.id}" is not cited by any station or event`, false);
    if (record.kind === 'other') problems.warn(ref, 'source-kind-other', 'kind', 'is "other": prefer the original report');
  }
  checkStatusOrder(validEvents, config, files, events, problems);

  return {
    dataset: {
      config,
      stations: validStations,
      events: validEvents,
      sources: [...sources.values()].map((s) => s.record),
    },
    problems: problems.items,
    stationIndex: new Map([...stations.values()].map(({ record, ref }) => [record.properties.id, ref.index])),
    eventIndex: new Map([...events.values()].map(({ record, ref }) => [record.id, ref.index])),
  };
}

function checkPrecision(date: string, precision: string, ref: RecordRef, prefix: string, problems: ProblemList): boolean {
  if (precisionOf(date) === precision) return true;
  const field = prefix ? `${prefix}.precision` : 'precision';
  problems.add(ref, 'error', field, `"${precision}" does not match the date "${date}" (which has ${precisionOf(date)} precision)`, true);
  return false;
}

function checkNotFuture(date: string, ref: RecordRef, field: string, today: Day, problems: ProblemList): boolean {
  if (dateSpan(date).start <= today) return true;
  problems.add(ref, 'error', field, `"${date}" is in the future (today is ${formatDay(today)})`, true);
  return false;
}

/** A status that falls back in rank (closed, then merely investigated) is allowed but worth a look. */
function checkStatusOrder(
  events: readonly ChronoEvent[],
  config: Config,
  files: FileNames,
  refs: ReadonlyMap<string, { ref: RecordRef }>,
  problems: ProblemList,
): void {
  const rank = new Map(config.statuses.map((s) => [s.id, s.rank]));
  const byStation = new Map<string, ChronoEvent[]>();
  for (const e of events) {
    if (e.setsStatus === undefined) continue;
    for (const id of e.stationIds ?? []) pushTo(byStation, id, e);
  }
  for (const [stationId, list] of byStation) {
    list.sort((a, b) => dateSpan(a.date).end - dateSpan(b.date).end);
    for (let i = 1; i < list.length; i++) {
      const prev = list[i - 1];
      const cur = list[i];
      if ((rank.get(cur.setsStatus!) ?? 0) < (rank.get(prev.setsStatus!) ?? 0)) {
        const ref = refs.get(cur.id)?.ref ?? { file: files.events, collection: 'events', index: -1, id: cur.id };
        problems.warn(ref, 'status-order', 'setsStatus', `"${cur.setsStatus}" for ${stationId} follows "${prev.setsStatus}" (${prev.id}): check the order`);
      }
    }
  }
}
