// node --import tsx scripts/migrate-localized.ts DIR [DIR ...]: rewrites a data folder's
// stations.geojson and events.json from the old texts (a string, and beside some a simplified
// Chinese `*Zh` field) to texts per language: `"title": {"en": "...", "zh-Hans": "..."}`.
// Each file keeps its key order, indentation, coordinates as written, byte-order mark and final
// newline, so its diff is only the change. Run once, when the schema changed (2026-12); a folder
// already migrated is left as it is.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyCoordinateTexts, coordinateTexts } from '../src/model/csv.ts';
import { EVENT_TEXT_FIELDS, STATION_TEXT_FIELDS } from '../src/model/schema.ts';
import { helpExit, parseFlags, usageExit } from './lib/args.ts';
import { isMainModule, shownPath } from './lib/paths.ts';

type JsonObject = Record<string, unknown>;

/** The old Chinese fields, each with the text it translated. They held simplified Chinese. */
const OLD_CHINESE: Readonly<Record<string, string>> = { nameZh: 'name', cityZh: 'city', operatorZh: 'operator', titleZh: 'title', summaryZh: 'summary' };

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A record with each text field that is still a string made a text per language, its `*Zh` field
 * folded in as zh-Hans; keys stay in their order. Anything else (a text already localized, a
 * wrong type that the checker should report) is left as it is.
 */
export function migrateRecord(record: JsonObject, textFields: readonly string[]): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(record)) {
    const english = OLD_CHINESE[key];
    if (english !== undefined && typeof record[english] === 'string') continue; // folded into its text
    if (textFields.includes(key) && typeof value === 'string') {
      const chinese = Object.entries(OLD_CHINESE).find(([, field]) => field === key)?.[0];
      const zh = chinese !== undefined ? record[chinese] : undefined;
      out[key] = typeof zh === 'string' ? { en: value, 'zh-Hans': zh } : { en: value };
    } else out[key] = value;
  }
  return out;
}

export type DataFile = 'stations.geojson' | 'events.json';

/** The parsed file migrated; the number of records that changed. */
function migrateValue(file: DataFile, value: unknown): { value: unknown; changed: number } {
  let changed = 0;
  const migrate = (record: unknown, fields: readonly string[]): unknown => {
    if (!isObject(record)) return record;
    const next = migrateRecord(record, fields);
    if (JSON.stringify(next) !== JSON.stringify(record)) changed++;
    return next;
  };
  if (file === 'events.json') return { value: Array.isArray(value) ? value.map((e) => migrate(e, EVENT_TEXT_FIELDS)) : value, changed };
  if (!isObject(value) || !Array.isArray(value.features)) return { value, changed };
  const features = value.features.map((f: unknown) => (isObject(f) && isObject(f.properties) ? { ...f, properties: migrate(f.properties, STATION_TEXT_FIELDS) } : f));
  return { value: { ...value, features }, changed };
}

/** How the file is written: its indentation, byte-order mark, final newline and (stations) coordinates as written. */
function writer(text: string, file: DataFile, parsed: unknown): (value: unknown) => string {
  const bom = text.startsWith('\ufeff') ? '\ufeff' : '';
  const indent = /\n([ \t]+)\S/.exec(text)?.[1] ?? '';
  const newline = /\r?\n$/.exec(text)?.[0] ?? '';
  const features = isObject(parsed) && Array.isArray(parsed.features) ? parsed.features : [];
  const coordinates = file === 'stations.geojson' ? coordinateTexts(text.slice(bom.length), features) : [];
  return (value) => {
    const json = JSON.stringify(value, null, indent);
    return `${bom}${file === 'stations.geojson' ? applyCoordinateTexts(json, coordinates) : json}${newline}`;
  };
}

export type MigrateResult = { readonly kind: 'migrated'; readonly text: string; readonly changed: number } | { readonly kind: 'unchanged' } | { readonly kind: 'skipped'; readonly reason: string };

/**
 * One data file's text migrated. A text that the same JSON writer would not give back unchanged
 * (other spacing, escapes, numbers written another way) is not rewritten: its diff would not be
 * only the change.
 */
export function migrateFileText(file: DataFile, text: string): MigrateResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch {
    return { kind: 'skipped', reason: 'is not valid JSON' };
  }
  const write = writer(text, file, parsed);
  if (write(parsed) !== text) return { kind: 'skipped', reason: 'is not written the way the data files are (JSON.stringify with its indentation): migrate it by hand' };
  const { value, changed } = migrateValue(file, parsed);
  return changed === 0 ? { kind: 'unchanged' } : { kind: 'migrated', text: write(value), changed };
}

/** Migrates the folder's files in place; one line per file. */
export function migrateDir(dir: string): string[] {
  const lines: string[] = [];
  for (const file of ['stations.geojson', 'events.json'] as const) {
    const path = join(dir, file);
    if (!existsSync(path)) continue;
    const result = migrateFileText(file, readFileSync(path, 'utf8'));
    if (result.kind === 'migrated') writeFileSync(path, result.text, 'utf8');
    lines.push(`${shownPath(path)}: ${result.kind === 'migrated' ? `${result.changed} records migrated` : result.kind === 'unchanged' ? 'nothing to migrate' : `skipped: ${result.reason}`}`);
  }
  return lines;
}

const USAGE = 'usage: node --import tsx scripts/migrate-localized.ts DIR [DIR ...]   (data folders, e.g. data)';

if (isMainModule(import.meta.url)) {
  const { values, positionals } = parseFlags({ options: { help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true }, USAGE);
  if (values.help) helpExit(USAGE);
  if (positionals.length === 0) usageExit(USAGE, 'No data folder given');
  for (const dir of positionals) for (const line of migrateDir(dir)) console.log(line);
}
