// The spreadsheet round-trip: CSV text, the formula guard, record <-> row, and the two CLIs.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import {
  CSV_FILES,
  EVENT_FIELDS,
  SOURCE_COLUMNS,
  STATION_FIELDS,
  columnsOf,
  exportCsv,
  formatCsvProblem,
  guardCell,
  jsonText,
  parseCsv,
  serialiseCsv,
  unguardCell,
  type Kind,
} from '../../src/model/csv';
import { importCsv } from '../../src/model/csv-import';
import { eventSchema, sourceSchema, stationPropertiesSchema } from '../../src/model/schema';
import { dayFromYmd } from '../../src/model/dates';
import { exportDataDir } from '../../scripts/data-export';
import { importCsvDir } from '../../scripts/data-import';
import { config } from './helpers';

const TODAY = dayFromYmd(2026, 11, 28);
const DATA_FILES = ['stations.geojson', 'events.json', 'sources.json'] as const;
const LANGUAGES = config.languages;
const EVENT_COLUMNS = columnsOf('events', LANGUAGES);
const STATION_COLUMNS = columnsOf('stations', LANGUAGES);

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'chronomap-csv-'));
  temps.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

function runCli(script: string, args: string[]): { status: number; output: string } {
  try {
    const stdout = execFileSync('node', ['--import', 'tsx', script, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { status: 0, output: stdout };
  } catch (err) {
    const e = err as { status: number; stdout: string; stderr: string };
    return { status: e.status, output: `${e.stdout}${e.stderr}` };
  }
}

// A small valid dataset to vary in the tests.
const station = (id: string, extra: Record<string, unknown> = {}, coordinates: [number, number] = [-6.26, 53.35]) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates },
  properties: {
    id,
    name: { en: 'Dublin station (Fuzhou)', 'zh-Hans': '都柏林服务站（福州）', 'zh-Hant': '都柏林服務站（福州）' },
    city: { en: 'Dublin', 'zh-Hans': '都柏林', 'zh-Hant': '都柏林' },
    country: 'IE',
    locationPrecision: 'city',
    operator: { en: 'Fuzhou PSB' },
    firstReported: { date: '2022-09-12', precision: 'day' },
    firstReportedBy: { en: 'Safeguard Defenders (110 Overseas)' },
    ...extra,
    sources: ['src-report', 'src-news'],
  },
});
const event = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  date: '2022-10-26',
  precision: 'day',
  type: 'statement',
  actor: { en: 'Department of Foreign Affairs (Ireland)' },
  actorKind: 'host-government',
  country: 'IE',
  stationIds: ['ie-dublin'],
  title: { en: 'Ireland has the Dublin station shut' },
  summary: { en: 'Something happened.' },
  ...extra,
  sources: ['src-news'],
});
const sources = [
  { id: 'src-report', url: 'https://example.org/report', title: '110 Overseas', publisher: 'Safeguard Defenders', published: '2022-09-12', kind: 'ngo', language: 'en' },
  { id: 'src-news', url: 'https://example.com/news', title: "'Shut it', says the minister", publisher: 'A newspaper', published: '2022-10-27', kind: 'news' },
];

function roundTrip(raw: { stations: unknown; events: unknown; sources: unknown }) {
  const exported = exportCsv(raw, { languages: LANGUAGES });
  expect(exported.problems.map((p) => p.message)).toEqual([]);
  const imported = importCsv(exported.csv!, config, { today: TODAY });
  return { csv: exported.csv!, imported, errors: imported.problems.filter((p) => p.severity === 'error').map(formatCsvProblem) };
}

describe('columns', () => {
  it('cover every field of the schema, in the order of the data files', () => {
    const stationFields = Object.keys(stationPropertiesSchema.shape).flatMap((k) => (k === 'firstReported' ? ['firstReported', 'firstReportedPrecision'] : [k]));
    expect(STATION_FIELDS.filter((c) => c !== 'longitude' && c !== 'latitude')).toEqual(stationFields);
    expect([...EVENT_FIELDS]).toEqual(Object.keys(eventSchema.shape));
    expect([...SOURCE_COLUMNS]).toEqual(Object.keys(sourceSchema.shape));
  });

  it('give each text a column per language of the story, in the config\'s order', () => {
    expect(columnsOf('events', ['en', 'zh-Hans', 'zh-Hant'])).toEqual([
      'id', 'aliases', 'date', 'precision', 'type', 'actor.en', 'actor.zh-Hans', 'actor.zh-Hant', 'actorKind', 'country', 'stationIds', 'setsStatus',
      'title.en', 'title.zh-Hans', 'title.zh-Hant', 'summary.en', 'summary.zh-Hans', 'summary.zh-Hant', 'disputed.en', 'disputed.zh-Hans', 'disputed.zh-Hant', 'sources',
    ]);
    expect(columnsOf('stations', ['en'])).toEqual([
      'id', 'aliases', 'name.en', 'city.en', 'country', 'locationPrecision', 'operator.en', 'longitude', 'latitude', 'firstReported', 'firstReportedPrecision', 'firstReportedBy.en', 'note.en', 'sources',
    ]);
    // A source's title stays in the language it was published in: one column.
    expect(columnsOf('sources', LANGUAGES)).toEqual([...SOURCE_COLUMNS]);
  });

  it('leave no text of a language the story does not list, and no text from before the migration, unsaid', () => {
    const raw = { stations: { type: 'FeatureCollection', features: [station('ie-dublin')] }, events: [event('ie-2022-10-26-x', { title: { en: 'T', fr: 'T' } }), event('ie-2022-10-26-y', { summary: 'plain' })], sources };
    const { csv, problems } = exportCsv(raw, { languages: LANGUAGES });
    expect(csv).toBeNull();
    expect(problems.map((p) => `${p.where}: ${p.message}`)).toEqual([
      'events[0] id=ie-2022-10-26-x: title has a text in "fr", a language config.json does not list: it has no column and would be lost',
      'events[1] id=ie-2022-10-26-y: summary "plain" is not a text per language ({"en": "..."}): it has no column (data from before the texts were localized: run scripts/migrate-localized.ts)',
    ]);
  });
});

describe('(a) export then import of the real data', () => {
  it('gives back byte-identical data files (pure functions)', () => {
    const texts = Object.fromEntries(DATA_FILES.map((f) => [f, readFileSync(`data/${f}`, 'utf8')]));
    const exported = exportCsv(
      { stations: JSON.parse(texts['stations.geojson']), events: JSON.parse(texts['events.json']), sources: JSON.parse(texts['sources.json']) },
      { languages: LANGUAGES, stationsText: texts['stations.geojson'] },
    );
    expect(exported.problems).toEqual([]);
    const real = { stations: JSON.parse(texts['stations.geojson']).features.length, events: JSON.parse(texts['events.json']).length, sources: JSON.parse(texts['sources.json']).length };
    expect(real.stations).toBeGreaterThan(0);
    expect(exported.counts).toEqual(real);
    const imported = importCsv(exported.csv!, config, { today: TODAY });
    expect(imported.problems.filter((p) => p.severity === 'error').map(formatCsvProblem)).toEqual([]);
    expect(imported.json!.stations).toBe(texts['stations.geojson']);
    expect(imported.json!.events).toBe(texts['events.json']);
    expect(imported.json!.sources).toBe(texts['sources.json']);
  });

  it('gives back byte-identical data files through the two commands', () => {
    const csvDir = tempDir();
    const outDir = tempDir();
    const exp = runCli('scripts/data-export.ts', [csvDir]);
    expect(exp.status, exp.output).toBe(0);
    expect(readdirSync(csvDir).sort()).toEqual(['events.csv', 'sources.csv', 'stations.csv']);
    const stationsCsv = readFileSync(join(csvDir, 'stations.csv'), 'utf8');
    expect(stationsCsv.startsWith(`${STATION_COLUMNS.join(',')}\r\n`)).toBe(true); // header row, no BOM
    expect(stationsCsv).toContain(",'-6.26,53.35,"); // Dublin: a negative longitude is guarded
    const imp = runCli('scripts/data-import.ts', [csvDir, '--out', outDir]);
    expect(imp.status, imp.output).toBe(0);
    for (const f of DATA_FILES) expect(readFileSync(join(outDir, f)).equals(readFileSync(`data/${f}`)), f).toBe(true);
  });

  it('reads another data folder with --data', () => {
    const csvDir = tempDir();
    const run = exportDataDir('tests/fixtures/good-data', csvDir);
    expect(run.ok, run.lines.join('\n')).toBe(true);
    const rows = parseCsv(readFileSync(join(csvDir, 'events.csv'), 'utf8')).records;
    expect(rows.map((r) => r.cells[0])).toEqual(['id', 'global-2022-09-12-report', 'ie-2022-10-26-closed']);
  });
});

describe('(b) quoting', () => {
  const tricky = ['plain', 'a, b', 'say "hi"', 'line 1\nline 2', 'crlf\r\nend', '', '福州警侨服务站（都柏林）', '"', ',', ' padded '];

  it('serialises RFC 4180 style and parses back', () => {
    const rows = [tricky, tricky.map((s) => s.toUpperCase())];
    const text = serialiseCsv(rows);
    expect(text.startsWith('plain,"a, b","say ""hi""","line 1\nline 2","crlf\r\nend",,福州警侨服务站（都柏林）,"""",",", padded \r\n')).toBe(true);
    const parsed = parseCsv(text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.records.map((r) => r.cells)).toEqual(rows);
    expect(parsed.records.map((r) => r.row)).toEqual([1, 2]);
  });

  it('accepts LF or CR row ends and a BOM, as spreadsheet apps write them', () => {
    for (const text of ['\ufeffa,b\nc,"d\ne"\n', 'a,b\rc,"d\ne"', 'a,b\r\nc,"d\ne"\r\n']) {
      expect(parseCsv(text).records.map((r) => r.cells)).toEqual([['a', 'b'], ['c', 'd\ne']]);
    }
  });

  it('keeps commas, quotes, newlines and Chinese text through export and import', () => {
    const raw = {
      stations: { type: 'FeatureCollection', features: [station('ie-dublin', { note: { en: 'Shared an office, "officially" a service centre.\nSecond line; with semicolon.' } })] },
      events: [
        // Keys in the order of the data files, and languages in the config's order, as the import writes them.
        {
          id: 'ie-2022-10-26-dublin-closed',
          date: '2022-10-26',
          precision: 'day',
          type: 'closure',
          actor: { en: 'Department of Foreign Affairs (Ireland)', 'zh-Hans': '爱尔兰外交部', 'zh-Hant': '愛爾蘭外交部' },
          actorKind: 'host-government',
          country: 'IE',
          stationIds: ['ie-dublin'],
          setsStatus: 'closed',
          title: { en: 'Closed, "for good"', 'zh-Hans': '爱尔兰关闭"服务站"，称其违法', 'zh-Hant': '愛爾蘭關閉「服務站」，稱其違法' },
          summary: { en: 'First line.\r\nSecond, line.', 'zh-Hant': '第一行。\n第二行，逗號。' },
          disputed: { en: 'The embassy denies it.', 'zh-Hans': '中国大使馆否认。' },
          sources: ['src-news'],
        },
      ],
      sources,
    };
    const { csv, imported, errors } = roundTrip(raw);
    expect(csv.events).toContain('"Closed, ""for good"""');
    expect(errors).toEqual([]);
    expect(imported.json!.stations).toBe(jsonText(raw.stations));
    expect(imported.json!.events).toBe(jsonText(raw.events));
    expect(imported.json!.sources).toBe(jsonText(raw.sources));
  });
});

describe('(c) formula guard', () => {
  const dangerous = ['=HYPERLINK("https://evil.example/","click")', '+1', '@x', '-x', '\tx', "'quoted'", '\rx'];

  it('prefixes cells a spreadsheet would run with one apostrophe, and strips it again', () => {
    for (const s of dangerous) {
      expect(guardCell(s)).toBe(`'${s}`);
      expect(unguardCell(guardCell(s))).toBe(s);
    }
    for (const s of ['plain', '1', 'a=b', '']) expect(guardCell(s)).toBe(s);
  });

  it('exports dangerous titles with a leading apostrophe and imports them back unchanged', () => {
    const events = dangerous.map((title, i) => event(`ie-2022-10-2${i}-event`, { title: { en: title, 'zh-Hant': title } }));
    const raw = { stations: { type: 'FeatureCollection', features: [station('ie-dublin', {}, [-6.26, -53.35])] }, events, sources };
    const { csv, imported, errors } = roundTrip(raw);
    const rows = parseCsv(csv.events).records.slice(1);
    const titleAt = EVENT_COLUMNS.indexOf('title.en');
    expect(rows.map((r) => r.cells[titleAt])).toEqual(dangerous.map((s) => `'${s}`));
    expect(rows.map((r) => r.cells[titleAt + 2])).toEqual(dangerous.map((s) => `'${s}`));
    const lonAt = STATION_COLUMNS.indexOf('longitude');
    expect(parseCsv(csv.stations).records[1].cells.slice(lonAt, lonAt + 2)).toEqual(["'-6.26", "'-53.35"]);
    expect(errors).toEqual([]);
    expect(JSON.parse(imported.json!.events).map((e: { title: { en: string } }) => e.title.en)).toEqual(dangerous);
    expect(imported.json!.stations).toBe(jsonText(raw.stations));
  });

  it('imports a number typed without the apostrophe too', () => {
    const { csv } = roundTrip({ stations: { type: 'FeatureCollection', features: [station('ie-dublin')] }, events: [event('ie-2022-10-26-x')], sources });
    const edited = { ...csv, stations: csv.stations.replace(",'-6.26,", ',-6.2,') };
    const imported = importCsv(edited, config, { today: TODAY });
    expect(JSON.parse(imported.json!.stations).features[0].geometry.coordinates).toEqual([-6.2, 53.35]);
  });
});

describe('(d) an invalid cell', () => {
  function exportedReal(): Record<Kind, string> {
    const csvDir = tempDir();
    expect(exportDataDir('data', csvDir).ok).toBe(true);
    return Object.fromEntries(Object.entries(CSV_FILES).map(([k, f]) => [k, readFileSync(join(csvDir, f), 'utf8')])) as Record<Kind, string>;
  }

  /** Replaces one cell of a CSV text (row as in the spreadsheet, header = 1). */
  function setCell(text: string, kind: Kind, row: number, column: string, value: string): string {
    const records = parseCsv(text).records.map((r) => [...r.cells]);
    records[row - 1][columnsOf(kind, LANGUAGES).indexOf(column)] = value;
    return serialiseCsv(records);
  }

  it('is reported by file, spreadsheet row and column, and nothing is produced', () => {
    const csv = exportedReal();
    const edited = {
      ...csv,
      events: setCell(csv.events, 'events', 14, 'date', '2022-13-01'),
      stations: setCell(setCell(csv.stations, 'stations', 3, 'firstReportedPrecision', 'week'), 'stations', 5, 'latitude', '1,5'),
      sources: setCell(csv.sources, 'sources', 7, 'url', 'javascript:alert(1)'),
    };
    const result = importCsv(edited, config, { today: TODAY });
    expect(result.json).toBeNull();
    const lines = result.problems.filter((p) => p.severity === 'error').map(formatCsvProblem);
    expect(lines).toContain('events.csv: row 14, column date: "2022-13-01" is not a valid date');
    expect(lines).toContain('stations.csv: row 3, column firstReportedPrecision: "week" is not one of "day", "month", "year"');
    expect(lines).toContain('stations.csv: row 5, column latitude: "1,5" is not a number (use a point, not a comma, for decimals)');
    expect(lines).toContain('sources.csv: row 7, column url: "javascript:alert(1)" is not an http(s) URL');
  });

  it('names an emptied required cell', () => {
    const csv = exportedReal();
    const noTitle = ['title.en', 'title.zh-Hans', 'title.zh-Hant'].reduce((text, column) => setCell(text, 'events', 2, column, ''), csv.events);
    const result = importCsv({ ...csv, events: noTitle }, config, { today: TODAY });
    expect(result.problems.map(formatCsvProblem)).toContain('events.csv: row 2, column title.en: is empty, but a value is required');
  });

  it('names a text whose English was emptied, once', () => {
    const csv = exportedReal();
    const result = importCsv({ ...csv, events: setCell(csv.events, 'events', 2, 'title.en', '') }, config, { today: TODAY });
    expect(result.problems.filter((p) => p.severity === 'error').map(formatCsvProblem)).toEqual(['events.csv: row 2, column title.en: is empty: every text needs its English, which readers of a language without the text get']);
  });

  it('leaves out a language whose cells are empty, as the checker then reports', () => {
    const csv = exportedReal();
    const result = importCsv({ ...csv, events: setCell(csv.events, 'events', 2, 'summary.zh-Hant', '') }, config, { today: TODAY });
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const first = JSON.parse(result.json!.events)[0];
    expect(Object.keys(first.summary)).toEqual(['en', 'zh-Hans']);
  });

  it('makes the import command exit 1 and write nothing', () => {
    const csvDir = tempDir();
    const outDir = tempDir();
    expect(exportDataDir('data', csvDir).ok).toBe(true);
    const path = join(csvDir, 'events.csv');
    writeFileSync(path, setCell(readFileSync(path, 'utf8'), 'events', 14, 'date', '2022-13-01'));
    writeFileSync(join(outDir, 'events.json'), 'old\n');
    const run = runCli('scripts/data-import.ts', [csvDir, '--out', outDir]);
    expect(run.status).toBe(1);
    expect(run.output).toContain('events.csv: row 14, column date: "2022-13-01" is not a valid date');
    expect(run.output).toContain('Nothing written');
    expect(readdirSync(outDir)).toEqual(['events.json']);
    expect(readFileSync(join(outDir, 'events.json'), 'utf8')).toBe('old\n');
  });
  it('is not written when a CSV file is missing', () => {
    const csvDir = tempDir();
    const outDir = tempDir();
    expect(exportDataDir('data', csvDir).ok).toBe(true);
    rmSync(join(csvDir, 'sources.csv'));
    const run = importCsvDir(csvDir, outDir);
    expect(run.ok).toBe(false);
    expect(run.lines[0]).toMatch(/^sources\.csv: does not exist/);
    expect(readdirSync(outDir)).toEqual([]);
  });
});

describe('(e) a malformed CSV', () => {
  const good = () => exportCsv({ stations: { type: 'FeatureCollection', features: [station('ie-dublin')] }, events: [event('ie-2022-10-26-x')], sources }, { languages: LANGUAGES }).csv!;

  it('reports an unterminated quote by file, row and the line it starts on', () => {
    const csv = good();
    const broken = `${csv.sources}src-x,https://example.com/x,"Never closed,P,2022,news,en,\r\n`;
    const result = importCsv({ ...csv, sources: broken }, config, { today: TODAY });
    expect(result.json).toBeNull();
    expect(result.problems.map(formatCsvProblem)).toEqual([
      'sources.csv: row 4, column title: the quoted cell that starts on line 4 of the file is never closed (a closing " is missing), so it runs to the end of the file',
    ]);
  });

  it('counts spreadsheet rows, not lines, when cells span lines', () => {
    const parsed = parseCsv('a,b\r\n"x\ny",1\r\n"z,2\r\n');
    expect(parsed.errors).toEqual([expect.objectContaining({ row: 3, line: 4, cell: 0 })]);
  });

  it('reports a row with the wrong number of cells, and header problems', () => {
    const csv = good();
    const events = csv.events.replace('\r\n', ',extra\r\n').replace(/\r\n$/, ',1,2\r\n');
    const stations = csv.stations.replace('operator.zh-Hant,', '');
    const result = importCsv({ ...csv, events, stations }, config, { today: TODAY });
    expect(result.json).toBeNull();
    const lines = result.problems.map(formatCsvProblem);
    const n = EVENT_COLUMNS.length;
    expect(lines).toContain(`events.csv: row 1, column extra: is not a known column (the columns are ${EVENT_COLUMNS.join(', ')})`);
    expect(lines).toContain(`events.csv: row 2: has ${n + 2} cells, but the header has ${n + 1} columns (an unquoted comma, or a missing one?)`);
    expect(lines).toContain('stations.csv: row 1, column operator.zh-Hant: is missing from the header: every column must be kept, even when empty');
  });

  it('makes the import command name the file and row and write nothing', () => {
    const csvDir = tempDir();
    const outDir = join(tempDir(), 'out');
    mkdirSync(csvDir, { recursive: true });
    for (const [kind, text] of Object.entries(good())) writeFileSync(join(csvDir, CSV_FILES[kind as Kind]), text);
    writeFileSync(join(csvDir, 'events.csv'), readFileSync(join(csvDir, 'events.csv'), 'utf8').replace('Something happened.', '"Something happened.'));
    const run = runCli('scripts/data-import.ts', [csvDir, '--out', outDir]);
    expect(run.status).toBe(1);
    expect(run.output).toMatch(/events\.csv: row 2, column summary\.en: the quoted cell .* is never closed/);
    expect(existsSync(outDir)).toBe(false);
  });
});
