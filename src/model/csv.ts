// The spreadsheet round-trip: the three data files as three CSV files (one row per record) and
// back (the way back, which validates, is csv-import.ts).
// Pure functions only (no filesystem), so the CLIs in scripts/ stay thin and the tests need no disk.
//
// CSV format: UTF-8 without BOM, header row of column names, comma separators, CRLF row ends,
// RFC 4180 quoting (a cell holding a comma, quote, CR or LF is quoted, quotes doubled). List
// fields (sources, stationIds, aliases) are joined with ";". A cell that a spreadsheet could take for a
// formula is written with a leading apostrophe, which the import strips again.
import { EVENT_TEXT_FIELDS, STATION_TEXT_FIELDS } from './closed-lists';
import { describeValue } from './problems';

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
export const TEXT_FIELDS: Readonly<Record<Kind, ReadonlySet<string>>> = {
  stations: new Set(STATION_TEXT_FIELDS),
  events: new Set(EVENT_TEXT_FIELDS),
  sources: new Set(),
};

/** A text field's columns, one per language: `title.en`, `title.zh-Hans`, ... */
export function localizedColumns(field: string, languages: readonly string[]): string[] {
  return languages.map((lang) => `${field}.${lang}`);
}

export const FIELDS: Readonly<Record<Kind, readonly string[]>> = { stations: STATION_FIELDS, events: EVENT_FIELDS, sources: SOURCE_COLUMNS };

/** The columns of a kind of record for a story told in `languages` (config.json's). */
export function columnsOf(kind: Kind, languages: readonly string[]): string[] {
  return FIELDS[kind].flatMap((f) => (TEXT_FIELDS[kind].has(f) ? localizedColumns(f, languages) : [f]));
}

/** Columns holding several ids, joined with ";". */
export const LIST_COLUMNS: ReadonlySet<string> = new Set(['sources', 'stationIds', 'aliases']);
/** Columns holding a number. */
export const NUMBER_COLUMNS: ReadonlySet<string> = new Set(['longitude', 'latitude']);
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

export const isError = (p: { severity: string }) => p.severity === 'error';

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

export const CELL_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
export const JSON_DECIMAL = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;
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

export type Flat = Record<string, unknown>;

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

/** How the data files are written: 2-space JSON, UTF-8 as is, trailing newline. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
