// The spreadsheet round-trip: the three data files as three CSV files (one row per record) and back.
// Pure functions only (no filesystem), so the CLIs in scripts/ stay thin and the tests need no disk.
//
// CSV format: UTF-8 without BOM, header row of column names, comma separators, CRLF row ends,
// RFC 4180 quoting (a cell holding a comma, quote, CR or LF is quoted, quotes doubled). List
// fields (sources, stationIds, aliases) are joined with ";". A cell that a spreadsheet could take for a
// formula is written with a leading apostrophe, which the import strips again.
import { validateDataset, type FileNames } from './validate';
import { EVENT_TEXT_FIELDS, STATION_TEXT_FIELDS, type Config } from './schema';
import type { Day } from './dates';
import { describeValue, type Problem } from './problems';

// ---------------------------------------------------------------------------------------------
// Columns

/**
 * Each kind's fields as columns, in the order of the data files. A station's coordinates and
 * first report take two columns each. A text (schema.ts `Localized`) takes one column per
 * language of the story, `title.en`, `title.zh-Hans`, ...: see `columnsOf`.
 */
export const STATION_FIELDS = [
  'id',
  'aliases',
  'name',
  'city',
  'country',
  'locationPrecision',
  'operator',
  'longitude',
  'latitude',
  'firstReported',
  'firstReportedPrecision',
  'firstReportedBy',
  'note',
  'sources',
] as const;

export const EVENT_FIELDS = ['id', 'aliases', 'date', 'precision', 'type', 'actor', 'actorKind', 'country', 'stationIds', 'setsStatus', 'title', 'summary', 'disputed', 'sources'] as const;

export const SOURCE_COLUMNS = ['id', 'url', 'title', 'publisher', 'published', 'kind', 'language', 'note'] as const;

/** The fields of each kind that are texts per language (a source's title stays in its own language). */
const TEXT_FIELDS: Readonly<Record<Kind, ReadonlySet<string>>> = {
  stations: new Set(STATION_TEXT_FIELDS),
  events: new Set(EVENT_TEXT_FIELDS),
  sources: new Set(),
};

/** A text field's columns, one per language: `title.en`, `title.zh-Hans`, ... */
export function localizedColumns(field: string, languages: readonly string[]): string[] {
  return languages.map((lang) => `${field}.${lang}`);
}

const FIELDS: Readonly<Record<Kind, readonly string[]>> = { stations: STATION_FIELDS, events: EVENT_FIELDS, sources: SOURCE_COLUMNS };

/** The columns of a kind of record for a story told in `languages` (config.json's). */
export function columnsOf(kind: Kind, languages: readonly string[]): string[] {
  return FIELDS[kind].flatMap((f) => (TEXT_FIELDS[kind].has(f) ? localizedColumns(f, languages) : [f]));
}

/** Columns holding several ids, joined with ";". */
const LIST_COLUMNS: ReadonlySet<string> = new Set(['sources', 'stationIds', 'aliases']);
/** Columns holding a number. */
const NUMBER_COLUMNS: ReadonlySet<string> = new Set(['longitude', 'latitude']);
export const LIST_SEPARATOR = ';';

export type Kind = 'stations' | 'events' | 'sources';
export const KINDS: readonly Kind[] = ['stations', 'events', 'sources'];

export const CSV_FILES: Readonly<Record<Kind, string>> = {
  stations: 'stations.csv',
  events: 'events.csv',
  sources: 'sources.csv',
};

export const JSON_FILES: Readonly<Record<Kind, string>> = {
  stations: 'stations.geojson',
  events: 'events.json',
  sources: 'sources.json',
};

// ---------------------------------------------------------------------------------------------
// Problems

/** A problem named the way a spreadsheet user finds it: file, row (header = row 1), column. */
export interface CsvProblem {
  readonly severity: 'error' | 'warning';
  readonly file: string;
  readonly row?: number;
  readonly column?: string;
  readonly message: string;
}

/** `events.csv: row 14, column date: "2022-13-01" is not a valid date` */
export function formatCsvProblem(p: CsvProblem): string {
  const where: string[] = [];
  if (p.row !== undefined) where.push(`row ${p.row}`);
  if (p.column !== undefined) where.push(`column ${p.column}`);
  const place = where.length > 0 ? `${where.join(', ')}: ` : '';
  return `${p.file}: ${place}${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;
}

const isError = (p: { severity: string }) => p.severity === 'error';

// ---------------------------------------------------------------------------------------------
// The formula guard

/**
 * Characters that make a spreadsheet read a cell as a formula (=, +, -, @), or that some apps
 * drop or act on at the start of a cell (tab, CR). The apostrophe is guarded too, so that a value
 * which really starts with one ("'This is very dangerous': ...") survives the import's stripping.
 */
const GUARDED_START = /^[=+\-@\t\r']/;

/** Prefixes a cell that a spreadsheet could run as a formula with one apostrophe. */
export function guardCell(value: string): string {
  return GUARDED_START.test(value) ? `'${value}` : value;
}

/** Strips the one leading apostrophe that guardCell adds. */
export function unguardCell(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1) : cell;
}

// ---------------------------------------------------------------------------------------------
// CSV text

function quoteCell(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** Serialises rows (already guarded) as RFC 4180 CSV with CRLF row ends. */
export function serialiseCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => `${r.map(quoteCell).join(',')}\r\n`).join('');
}

export interface CsvRecord {
  /** The spreadsheet row: the record's ordinal in the file, the header being row 1. */
  readonly row: number;
  /** The line of the file on which the record starts (differs from row once a cell spans lines). */
  readonly line: number;
  readonly cells: readonly string[];
}

export interface CsvParseError {
  readonly row: number;
  readonly line: number;
  /** Zero-based index of the cell the error is in, if any. */
  readonly cell?: number;
  readonly message: string;
}

export interface CsvParseResult {
  readonly records: readonly CsvRecord[];
  readonly errors: readonly CsvParseError[];
}

/**
 * Parses RFC 4180 CSV. Accepts CRLF, LF or CR row ends and a leading BOM (spreadsheet apps write
 * one). A quote inside an unquoted cell is kept as text; text after a closing quote is an error,
 * and so is a quoted cell that is never closed (it would swallow the rest of the file).
 */
export function parseCsv(input: string): CsvParseResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  const errors: CsvParseError[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  let row = 0;
  while (i < n) {
    row++;
    const startLine = line;
    const cells: string[] = [];
    let endOfRecord = false;
    while (!endOfRecord) {
      let cell = '';
      if (text[i] === '"') {
        const quoteLine = line;
        i++;
        let closed = false;
        while (i < n) {
          const q = text.indexOf('"', i);
          const chunk = q < 0 ? text.slice(i) : text.slice(i, q);
          cell += chunk;
          line += countLineBreaks(chunk);
          if (q < 0) {
            i = n;
            break;
          }
          if (text[q + 1] === '"') {
            cell += '"';
            i = q + 2;
          } else {
            i = q + 1;
            closed = true;
            break;
          }
        }
        if (!closed) {
          errors.push({
            row,
            line: startLine,
            cell: cells.length,
            message: `the quoted cell that starts on line ${quoteLine} of the file is never closed (a closing " is missing), so it runs to the end of the file`,
          });
          return { records, errors };
        }
        if (i < n && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
          const stop = nextDelimiter(text, i);
          errors.push({ row, line: startLine, cell: cells.length, message: `has text after the closing quote of a quoted cell: ${JSON.stringify(text.slice(i, Math.min(stop, i + 20)))}` });
          cell += text.slice(i, stop);
          i = stop;
        }
      } else {
        const stop = nextDelimiter(text, i);
        cell = text.slice(i, stop);
        i = stop;
      }
      cells.push(cell);
      if (i >= n) endOfRecord = true;
      else if (text[i] === ',') i++;
      else {
        // A row end: CRLF, LF or CR.
        i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line++;
        endOfRecord = true;
      }
    }
    records.push({ row, line: startLine, cells });
  }
  return { records, errors };
}

function nextDelimiter(text: string, from: number): number {
  for (let j = from; j < text.length; j++) {
    const c = text[j];
    if (c === ',' || c === '\r' || c === '\n') return j;
  }
  return text.length;
}

function countLineBreaks(s: string): number {
  const m = s.match(/\r\n|\r|\n/g);
  return m ? m.length : 0;
}

// ---------------------------------------------------------------------------------------------
// Numbers

/** A number as plain decimal text, never in exponent form. */
export function plainNumber(n: number): string {
  const s = String(n);
  return /e/i.test(s) ? n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 }) : s;
}

const CELL_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const JSON_DECIMAL = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;
const JSON_NUMBER = String.raw`-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?`;
const COORDINATES = new RegExp(String.raw`("coordinates"\s*:\s*\[\s*)(${JSON_NUMBER})(\s*,\s*)(${JSON_NUMBER})(\s*\])`, 'g');

export type CoordinateTexts = readonly [string, string] | undefined;

/**
 * The coordinates of each feature as written in the GeoJSON text ("35.0" stays "35.0", where
 * JSON.parse would give 35), so that an export and import leave the file byte for byte unchanged.
 * Undefined entries where the text cannot be matched to the parsed features.
 */
export function coordinateTexts(geojsonText: string, features: readonly unknown[]): CoordinateTexts[] {
  const found = [...geojsonText.matchAll(COORDINATES)].map((m) => [m[2], m[4]] as const);
  return features.map((f, i) => {
    const coords = (f as { geometry?: { coordinates?: unknown } } | null)?.geometry?.coordinates;
    const texts = found[i];
    if (found.length !== features.length || !texts || !Array.isArray(coords)) return undefined;
    return Number(texts[0]) === coords[0] && Number(texts[1]) === coords[1] ? texts : undefined;
  });
}

/** Writes each feature's coordinates with the given texts (see coordinateTexts); others as JSON.stringify wrote them. */
export function applyCoordinateTexts(json: string, texts: readonly CoordinateTexts[]): string {
  let k = 0;
  return json.replace(COORDINATES, (whole, open: string, lon: string, sep: string, lat: string, close: string) => {
    const t = texts[k++];
    if (!t || Number(t[0]) !== Number(lon) || Number(t[1]) !== Number(lat)) return whole;
    return `${open}${t[0]}${sep}${t[1]}${close}`;
  });
}

// ---------------------------------------------------------------------------------------------
// Export: records -> rows

/** A problem with a JSON record that CSV cannot carry; `where` is like `events[3] id=...`. */
export interface ExportProblem {
  readonly severity: 'error' | 'warning';
  readonly file: string;
  readonly where?: string;
  readonly message: string;
}

export function formatExportProblem(p: ExportProblem): string {
  return `${p.file}: ${p.where ? `${p.where}: ` : ''}${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;
}

export interface RawCollections {
  readonly stations: unknown;
  readonly events: unknown;
  readonly sources: unknown;
}

export interface ExportOptions {
  /** The story's languages (config.json `languages`): each text gets a column per language. */
  readonly languages: readonly string[];
  /** The stations.geojson text, to keep each coordinate written exactly as in the file. */
  readonly stationsText?: string;
  /** How problems name the JSON files (default: the bare file names). */
  readonly files?: Readonly<Record<Kind, string>>;
}

export interface ExportResult {
  /** The CSV texts, or null when a record cannot be written without losing data. */
  readonly csv: Readonly<Record<Kind, string>> | null;
  readonly problems: readonly ExportProblem[];
  readonly counts: Readonly<Record<Kind, number>>;
}

type Flat = Record<string, unknown>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Flattens a station feature to its columns (longitude/latitude, firstReported/firstReportedPrecision). */
function flattenStation(feature: unknown, complain: (message: string) => void): Flat | null {
  if (!isObject(feature)) {
    complain('is not an object');
    return null;
  }
  for (const key of Object.keys(feature)) {
    if (key !== 'type' && key !== 'geometry' && key !== 'properties') complain(`field ${key} has no column and would be lost`);
  }
  if (feature.type !== 'Feature') complain(`type ${JSON.stringify(feature.type)} is not "Feature" (the import writes "Feature")`);
  const geometry = feature.geometry;
  const props = feature.properties;
  if (!isObject(props)) {
    complain('properties is not an object');
    return null;
  }
  const flat: Flat = {};
  for (const [key, value] of Object.entries(props)) {
    if (key === 'firstReported') {
      if (!isObject(value)) {
        complain('firstReported is not an object {date, precision}');
        continue;
      }
      for (const k of Object.keys(value)) if (k !== 'date' && k !== 'precision') complain(`firstReported.${k} has no column and would be lost`);
      flat.firstReported = value.date;
      flat.firstReportedPrecision = value.precision;
    } else if (key === 'longitude' || key === 'latitude' || key === 'firstReportedPrecision') {
      complain(`properties.${key} has no column of its own and would be lost`);
    } else flat[key] = value;
  }
  if (!isObject(geometry) || geometry.type !== 'Point' || !Array.isArray(geometry.coordinates) || geometry.coordinates.length !== 2 || Object.keys(geometry).some((k) => k !== 'type' && k !== 'coordinates')) {
    complain('geometry is not a Point with [longitude, latitude]');
  } else {
    flat.longitude = geometry.coordinates[0];
    flat.latitude = geometry.coordinates[1];
  }
  return flat;
}

/**
 * A record's texts spread over their columns, `title: {en, zh-Hans}` as `title.en` and
 * `title.zh-Hans`; other fields as they are. A text in a language the story does not list would
 * have no column, and one that is not a text per language cannot be written: both are errors.
 */
function spreadTexts(flat: Flat, textFields: ReadonlySet<string>, languages: readonly string[], complain: (message: string) => void): Flat {
  const out: Flat = {};
  for (const [key, value] of Object.entries(flat)) {
    if (!textFields.has(key)) {
      out[key] = value;
      continue;
    }
    if (!isObject(value)) {
      complain(`${key} ${describeValue(value)} is not a text per language ({"en": "..."}): it has no column${typeof value === 'string' ? ' (data from before the texts were localized: run scripts/migrate-localized.ts)' : ''}`);
      continue;
    }
    for (const [lang, text] of Object.entries(value)) {
      if (languages.includes(lang)) out[`${key}.${lang}`] = text;
      else complain(`${key} has a text in ${JSON.stringify(lang)}, a language config.json does not list: it has no column and would be lost`);
    }
  }
  return out;
}

/** One record's cells, guarded. */
function toRow(flat: Flat, columns: readonly string[], complain: (message: string, severity?: 'error' | 'warning') => void, numberTexts: Readonly<Record<string, string>> = {}): string[] {
  for (const key of Object.keys(flat)) if (!columns.includes(key)) complain(`field ${key} has no column and would be lost`);
  return columns.map((col) => {
    const value = flat[col];
    if (value === undefined) return '';
    if (NUMBER_COLUMNS.has(col)) {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        complain(`${col} ${JSON.stringify(value)} is not a number`);
        return '';
      }
      const literal = numberTexts[col];
      return guardCell(literal !== undefined && JSON_DECIMAL.test(literal) && Number(literal) === value ? literal : plainNumber(value));
    }
    if (LIST_COLUMNS.has(col)) {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
        complain(`${col} is not a list of ids`);
        return '';
      }
      const items = value as string[];
      const bad = items.find((v) => v.includes(LIST_SEPARATOR) || v.trim() === '' || v !== v.trim());
      if (bad !== undefined) complain(`${col} holds ${JSON.stringify(bad)}, which cannot be written in a ";"-separated list`);
      if (items.length === 0) complain(`${col} is an empty list: it is exported as an empty cell, which the import leaves out`, 'warning');
      return guardCell(items.join(LIST_SEPARATOR));
    }
    if (typeof value !== 'string') {
      complain(`${col} ${JSON.stringify(value)} is not text`);
      return '';
    }
    if (value === '') complain(`${col} is an empty text: it is exported as an empty cell, which the import leaves out`, 'warning');
    return guardCell(value);
  });
}

function describeRecord(collection: string, index: number, record: unknown): string {
  const id = isObject(record) ? (isObject(record.properties) ? record.properties.id : record.id) : undefined;
  return `${collection}[${index}]${typeof id === 'string' && id !== '' ? ` id=${id}` : ''}`;
}

/** Turns the parsed data files into the three CSV texts. */
export function exportCsv(raw: RawCollections, options: ExportOptions): ExportResult {
  const files = options.files ?? JSON_FILES;
  const problems: ExportProblem[] = [];
  const counts: Record<Kind, number> = { stations: 0, events: 0, sources: 0 };
  const csv = {} as Record<Kind, string>;

  for (const kind of KINDS) {
    const file = files[kind];
    const value = raw[kind];
    let records: readonly unknown[];
    if (kind === 'stations') {
      if (!isObject(value) || value.type !== 'FeatureCollection' || !Array.isArray(value.features)) {
        problems.push({ severity: 'error', file, message: 'is not a GeoJSON FeatureCollection with a "features" array' });
        continue;
      }
      for (const key of Object.keys(value)) {
        if (key !== 'type' && key !== 'features') problems.push({ severity: 'error', file, message: `top-level field ${key} has no column and would be lost` });
      }
      records = value.features;
    } else {
      if (!Array.isArray(value)) {
        problems.push({ severity: 'error', file, message: `should hold a JSON array of ${kind}` });
        continue;
      }
      records = value;
    }
    const texts = kind === 'stations' && options.stationsText !== undefined ? coordinateTexts(options.stationsText, records) : [];
    const collection = kind === 'stations' ? 'features' : kind;
    const columns = columnsOf(kind, options.languages);
    const rows: string[][] = [columns];
    records.forEach((record, index) => {
      const where = describeRecord(collection, index, record);
      const complain = (message: string, severity: 'error' | 'warning' = 'error') => problems.push({ severity, file, where, message });
      const flat = kind === 'stations' ? flattenStation(record, complain) : isObject(record) ? record : (complain('is not an object'), null);
      if (!flat) return;
      const t = texts[index];
      rows.push(toRow(spreadTexts(flat, TEXT_FIELDS[kind], options.languages, complain), columns, complain, t ? { longitude: t[0], latitude: t[1] } : {}));
    });
    counts[kind] = rows.length - 1;
    csv[kind] = serialiseCsv(rows);
  }
  return { csv: problems.some(isError) ? null : csv, problems, counts };
}

// ---------------------------------------------------------------------------------------------
// Import: rows -> records

export interface CsvTable {
  /** Each data row: its spreadsheet row number and its unguarded cells by column. */
  readonly rows: readonly { readonly row: number; readonly cells: Readonly<Record<string, string>> }[];
}

/** Parses one CSV file and checks its header and row lengths; problems name the file. */
export function readTable(text: string, file: string, columns: readonly string[]): { table: CsvTable | null; problems: CsvProblem[] } {
  const problems: CsvProblem[] = [];
  const parsed = parseCsv(text);
  const header = parsed.records[0];
  const headerNames = header ? header.cells.map((c) => c.trim()) : [];
  const columnName = (cell: number | undefined) => (cell !== undefined && cell < headerNames.length && headerNames[cell] !== '' ? headerNames[cell] : undefined);
  for (const e of parsed.errors) {
    problems.push({ severity: 'error', file, row: e.row, column: e.row > 1 ? columnName(e.cell) : undefined, message: e.message });
  }
  if (!header || (header.cells.length === 1 && header.cells[0] === '')) {
    problems.push({ severity: 'error', file, row: 1, message: `is empty: the first row must name the columns (${columns.join(',')})` });
    return { table: null, problems };
  }
  if (headerNames.length === 1 && headerNames[0].includes(';') && columns.length > 1) {
    problems.push({ severity: 'error', file, row: 1, message: 'the columns are separated by ";": save the sheet as "CSV UTF-8 (comma-delimited)"' });
    return { table: null, problems };
  }
  const seen = new Set<string>();
  headerNames.forEach((name, i) => {
    if (name === '') problems.push({ severity: 'error', file, row: 1, message: `cell ${i + 1} of the header is empty: every column needs one of the names ${columns.join(', ')}` });
    else if (!columns.includes(name)) problems.push({ severity: 'error', file, row: 1, column: name, message: `is not a known column (the columns are ${columns.join(', ')})` });
    else if (seen.has(name)) problems.push({ severity: 'error', file, row: 1, column: name, message: 'appears twice in the header' });
    seen.add(name);
  });
  for (const col of columns) {
    if (!seen.has(col)) problems.push({ severity: 'error', file, row: 1, column: col, message: 'is missing from the header: every column must be kept, even when empty' });
  }
  const rows: { row: number; cells: Record<string, string> }[] = [];
  for (const record of parsed.records.slice(1)) {
    if (record.cells.every((c) => c === '')) continue; // a blank row: nothing to import
    if (record.cells.length !== headerNames.length) {
      problems.push({
        severity: 'error',
        file,
        row: record.row,
        message: `has ${record.cells.length} cell${record.cells.length === 1 ? '' : 's'}, but the header has ${headerNames.length} columns (an unquoted comma, or a missing one?)`,
      });
      continue;
    }
    const cells: Record<string, string> = {};
    headerNames.forEach((name, i) => {
      cells[name] = unguardCell(record.cells[i]);
    });
    rows.push({ row: record.row, cells });
  }
  return { table: problems.some(isError) ? null : { rows }, problems };
}

function listCell(cell: string): string[] | undefined {
  const items = cell
    .split(LIST_SEPARATOR)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return items.length > 0 ? items : undefined;
}

function numberCell(cell: string, complain: (message: string) => void): { value: number | string; text: string } {
  const t = cell.trim();
  if (!CELL_NUMBER.test(t)) {
    complain(`${JSON.stringify(cell)} is not a number${/^[+-]?\d+,\d+$/.test(t) ? ' (use a point, not a comma, for decimals)' : ''}`);
    return { value: cell, text: '' };
  }
  const value = Number(t);
  return { value, text: JSON_DECIMAL.test(t) ? t : plainNumber(value) };
}

/** Builds an object with the given keys in that order, leaving out empty (undefined) values. */
function ordered(entries: readonly (readonly [string, unknown])[]): Flat {
  const out: Flat = {};
  for (const [k, v] of entries) if (v !== undefined) out[k] = v;
  return out;
}

type RowValue = string | string[] | Readonly<Record<string, string>> | undefined;

/**
 * A row's values by field, each text per language gathered from its columns in the story's order
 * of languages (the order the data files write them in), and left out when all are empty.
 */
function rowValues(cells: Readonly<Record<string, string>>, kind: Kind, languages: readonly string[], complain: (column: string, message: string) => void): Record<string, RowValue> {
  const out: Record<string, RowValue> = {};
  for (const col of FIELDS[kind]) {
    if (NUMBER_COLUMNS.has(col)) continue;
    if (TEXT_FIELDS[kind].has(col)) {
      const texts = ordered(languages.map((lang) => [lang, cells[`${col}.${lang}`] || undefined])) as Record<string, string>;
      const some = Object.keys(texts).length > 0;
      if (some && texts.en === undefined) complain(`${col}.en`, 'is empty: every text needs its English, which readers of a language without the text get');
      out[col] = some ? texts : undefined;
      continue;
    }
    const cell = cells[col] ?? '';
    out[col] = cell === '' ? undefined : LIST_COLUMNS.has(col) ? listCell(cell) : cell;
  }
  return out;
}

/** A station row as a GeoJSON feature, keys in the order of the data files. */
function rowToStation(cells: Readonly<Record<string, string>>, languages: readonly string[], complain: (column: string, message: string) => void): { feature: Flat; texts: CoordinateTexts } {
  const v = rowValues(cells, 'stations', languages, complain);
  const coord = (col: 'longitude' | 'latitude') => (cells[col] === '' ? { value: undefined, text: '' } : numberCell(cells[col], (m) => complain(col, m)));
  const lon = coord('longitude');
  const lat = coord('latitude');
  const firstReported = v.firstReported === undefined && v.firstReportedPrecision === undefined ? undefined : ordered([['date', v.firstReported], ['precision', v.firstReportedPrecision]]);
  const properties = ordered([
    ['id', v.id],
    ['aliases', v.aliases],
    ['name', v.name],
    ['city', v.city],
    ['country', v.country],
    ['locationPrecision', v.locationPrecision],
    ['operator', v.operator],
    ['firstReported', firstReported],
    ['firstReportedBy', v.firstReportedBy],
    ['note', v.note],
    ['sources', v.sources],
  ]);
  return {
    feature: { type: 'Feature', geometry: { type: 'Point', coordinates: [lon.value, lat.value] }, properties },
    texts: lon.text && lat.text ? [lon.text, lat.text] : undefined,
  };
}

function rowToRecord(cells: Readonly<Record<string, string>>, kind: 'events' | 'sources', languages: readonly string[], complain: (column: string, message: string) => void): Flat {
  const v = rowValues(cells, kind, languages, complain);
  return ordered(FIELDS[kind].map((c) => [c, v[c]] as const));
}

/** The validator's field path (`firstReported.precision`, `sources[2]`) as the CSV column that holds it. */
export function columnOf(kind: Kind, field: string | undefined): string | undefined {
  if (field === undefined) return undefined;
  if (kind === 'stations') {
    if (field === 'geometry.coordinates[0]') return 'longitude';
    if (field === 'geometry.coordinates[1]') return 'latitude';
    if (field.startsWith('geometry')) return 'longitude/latitude';
    if (field === 'firstReported.precision') return 'firstReportedPrecision';
    if (field === 'firstReported.date') return 'firstReported';
  }
  // A text missing as a whole is missing its English first.
  if (TEXT_FIELDS[kind].has(field)) return `${field}.en`;
  return field.replace(/\[\d+\]$/, '');
}

export interface ImportOptions {
  readonly today: Day;
  /** How problems name config.json. */
  readonly configFile?: string;
}

export interface ImportResult {
  /** The JSON texts of stations.geojson, events.json and sources.json, or null when there is any error. */
  readonly json: Readonly<Record<Kind, string>> | null;
  readonly problems: readonly CsvProblem[];
  readonly counts: Readonly<Record<Kind, number>>;
}

/** Reads the three CSV texts back into the data files' JSON and validates them with the shared validator. */
export function importCsv(texts: Readonly<Record<Kind, string>>, config: Config, options: ImportOptions): ImportResult {
  const problems: CsvProblem[] = [];
  const counts: Record<Kind, number> = { stations: 0, events: 0, sources: 0 };
  const tables = {} as Record<Kind, CsvTable>;
  for (const kind of KINDS) {
    const { table, problems: tableProblems } = readTable(texts[kind], CSV_FILES[kind], columnsOf(kind, config.languages));
    problems.push(...tableProblems);
    if (table) {
      tables[kind] = table;
      counts[kind] = table.rows.length;
    }
  }
  // Until every file reads as a table, the records cannot be checked against each other.
  if (problems.some(isError)) return { json: null, problems, counts };

  const cellProblems: CsvProblem[] = [];
  const cellProblem = (kind: Kind, row: number) => (column: string, message: string) => cellProblems.push({ severity: 'error', file: CSV_FILES[kind], row, column, message });
  const stationTexts: CoordinateTexts[] = [];
  const features = tables.stations.rows.map(({ row, cells }) => {
    const { feature, texts: t } = rowToStation(cells, config.languages, cellProblem('stations', row));
    stationTexts.push(t);
    return feature;
  });
  const stations = { type: 'FeatureCollection', features };
  const events = tables.events.rows.map(({ row, cells }) => rowToRecord(cells, 'events', config.languages, cellProblem('events', row)));
  const sources = tables.sources.rows.map(({ row, cells }) => rowToRecord(cells, 'sources', config.languages, cellProblem('sources', row)));

  const files: FileNames = { ...CSV_FILES, config: options.configFile ?? 'config.json' };
  const result = validateDataset({ stations, events, sources }, config, { today: options.today, files });
  const seen = new Set(cellProblems.map((p) => `${p.file}|${p.row}|${p.column}`));
  problems.push(...cellProblems);
  for (const p of result.problems) {
    const mapped = toCsvProblem(p, tables);
    const key = `${mapped.file}|${mapped.row}|${mapped.column}`;
    if (mapped.severity === 'error' && seen.has(key)) continue; // already said, in the cell's own terms
    problems.push(mapped);
  }
  problems.sort(byPlace);
  if (problems.some(isError)) return { json: null, problems, counts };

  return {
    json: {
      stations: applyCoordinateTexts(jsonText(stations), stationTexts),
      events: jsonText(events),
      sources: jsonText(sources),
    },
    problems,
    counts,
  };
}

/** How the data files are written: 2-space JSON, UTF-8 as is, trailing newline. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function toCsvProblem(p: Problem, tables: Readonly<Record<Kind, CsvTable>>): CsvProblem {
  const kind = KINDS.find((k) => k === p.collection) ?? KINDS.find((k) => CSV_FILES[k] === p.file);
  const file = kind ? CSV_FILES[kind] : p.file;
  const row = kind && p.index !== undefined && p.index >= 0 ? tables[kind].rows[p.index]?.row : undefined;
  const column = kind ? columnOf(kind, p.field) : p.field;
  const message = p.message === 'is missing' ? 'is empty, but a value is required' : p.message;
  return { severity: p.severity, file, row, column, message };
}

const FILE_ORDER = [CSV_FILES.stations, CSV_FILES.events, CSV_FILES.sources];

function byPlace(a: CsvProblem, b: CsvProblem): number {
  const fa = FILE_ORDER.indexOf(a.file);
  const fb = FILE_ORDER.indexOf(b.file);
  if (fa !== fb) return fa - fb;
  return (a.row ?? 0) - (b.row ?? 0);
}
