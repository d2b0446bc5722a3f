// The spreadsheet round-trip's way back: three CSV texts read into the data files' JSON and checked
// with the shared validator (which loads zod: apart from csv.ts, so that the app's downloads do not).
import { validateDataset, type FileNames } from './validate';
import type { Config } from './schema';
import type { Day } from './dates';
import type { Problem } from './problems';
import {
  applyCoordinateTexts,
  CELL_NUMBER,
  columnsOf,
  CSV_FILES,
  FIELDS,
  isError,
  JSON_DECIMAL,
  jsonText,
  KINDS,
  LIST_COLUMNS,
  LIST_SEPARATOR,
  NUMBER_COLUMNS,
  parseCsv,
  plainNumber,
  TEXT_FIELDS,
  unguardCell,
  type CoordinateTexts,
  type CsvProblem,
  type Flat,
  type Kind,
} from './csv';
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
