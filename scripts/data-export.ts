// npm run data:export -- DIR [--data SRC]: writes DIR/stations.csv, DIR/events.csv and DIR/sources.csv
// from the data folder SRC (default data/), for editing in a spreadsheet. See src/model/csv.ts.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMainModule, shownPath } from './lib/paths';
import { parseJsonText } from '../src/model/parse-json';
import { formatProblem, type Problem } from '../src/model/problems';
import { CSV_FILES, JSON_FILES, KINDS, exportCsv, formatExportProblem, type Kind } from '../src/model/csv';

export interface ExportRun {
  readonly ok: boolean;
  /** One line per problem, then a summary line. */
  readonly lines: readonly string[];
}

/** Exports the data folder `dataDir` as CSV into `outDir`; writes nothing when a record cannot be exported. */
export function exportDataDir(dataDir: string, outDir: string): ExportRun {
  const lines: string[] = [];
  const problems: Problem[] = [];
  const texts = {} as Record<Kind, string | undefined>;
  const raw = {} as Record<Kind, unknown>;
  const files = {} as Record<Kind, string>;
  for (const kind of KINDS) {
    const path = join(dataDir, JSON_FILES[kind]);
    files[kind] = shownPath(path);
    if (!existsSync(path)) {
      problems.push({ file: files[kind], severity: 'error', message: 'does not exist', skipsRecord: false });
      continue;
    }
    texts[kind] = readFileSync(path, 'utf8');
    const parsed = parseJsonText(texts[kind], files[kind]);
    problems.push(...parsed.problems);
    raw[kind] = parsed.value;
  }
  lines.push(...problems.map(formatProblem));
  if (problems.some((p) => p.severity === 'error')) {
    lines.push('Nothing exported.');
    return { ok: false, lines };
  }
  const result = exportCsv({ stations: raw.stations, events: raw.events, sources: raw.sources }, { stationsText: texts.stations, files });
  lines.push(...result.problems.map(formatExportProblem));
  if (!result.csv) {
    lines.push(`Nothing exported: ${result.problems.filter((p) => p.severity === 'error').length} record problem(s) above would lose data in CSV. Fix them (npm run check-data) and export again.`);
    return { ok: false, lines };
  }
  mkdirSync(outDir, { recursive: true });
  for (const kind of KINDS) writeFileSync(join(outDir, CSV_FILES[kind]), result.csv[kind], 'utf8');
  const c = result.counts;
  lines.push(`Exported ${c.stations} stations, ${c.events} events and ${c.sources} sources from ${shownPath(dataDir)} to ${KINDS.map((k) => join(shownPath(outDir), CSV_FILES[k])).join(', ')}.`);
  return { ok: true, lines };
}

const USAGE = 'usage: npm run data:export -- DIR [--data SRC]   (SRC defaults to data)';

export function parseExportArgs(args: readonly string[]): { outDir: string; dataDir: string } | string {
  let outDir: string | undefined;
  let dataDir = 'data';
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--data') {
      const v = args[++i];
      if (v === undefined) return `--data needs a folder\n${USAGE}`;
      dataDir = v;
    } else if (a.startsWith('--data=')) dataDir = a.slice('--data='.length);
    else if (a === '--help' || a === '-h') return USAGE;
    else if (a.startsWith('-')) return `unknown option ${a}\n${USAGE}`;
    else if (outDir === undefined) outDir = a;
    else return `one output folder only (got ${outDir} and ${a})\n${USAGE}`;
  }
  return outDir === undefined ? `which folder should the CSV files go to?\n${USAGE}` : { outDir, dataDir };
}

const isMain = isMainModule(import.meta.url);
if (isMain) {
  const args = parseExportArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    console.error(args);
    process.exitCode = 1;
  } else {
    const run = exportDataDir(args.dataDir, args.outDir);
    for (const line of run.lines) (run.ok ? console.log : console.error)(line);
    process.exitCode = run.ok ? 0 : 1;
  }
}
