// npm run data:export -- DIR [--data SRC]: writes DIR/stations.csv, DIR/events.csv and DIR/sources.csv
// from the data folder SRC (default data/), for editing in a spreadsheet, with a column per language
// of SRC's config.json for each text. See src/model/csv.ts.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMainModule, shownPath } from './lib/paths';
import { helpExit, parseFlags, usageExit } from './lib/args';
import { parseJsonText } from '../src/model/parse-json';
import { validateConfig } from '../src/model/validate';
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
  // The story's languages decide the text columns: the folder's own config, else the story's (as check-data reads it).
  const configPath = existsSync(join(dataDir, 'config.json')) ? join(dataDir, 'config.json') : join('data', 'config.json');
  const configText = existsSync(configPath) ? readFileSync(configPath, 'utf8') : undefined;
  const configParsed = configText === undefined ? undefined : parseJsonText(configText, shownPath(configPath));
  const configResult = configParsed ? validateConfig(configParsed.value, shownPath(configPath)) : undefined;
  if (!configParsed) problems.push({ file: shownPath(configPath), severity: 'error', message: 'does not exist', skipsRecord: false });
  else problems.push(...configParsed.problems, ...(configResult?.problems ?? []).filter((p) => p.severity === 'error'));
  const languages = configResult?.config?.languages;
  lines.push(...problems.map(formatProblem));
  if (problems.some((p) => p.severity === 'error') || !languages) {
    lines.push('Nothing exported.');
    return { ok: false, lines };
  }
  const result = exportCsv({ stations: raw.stations, events: raw.events, sources: raw.sources }, { languages, stationsText: texts.stations, files });
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

/** The command line; a usage error prints one line and exits 2. */
function parseExportArgs(args: readonly string[]): { outDir: string; dataDir: string } {
  const { values, positionals } = parseFlags(
    { args: [...args], options: { data: { type: 'string', default: 'data' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true },
    USAGE,
  );
  if (values.help) helpExit(USAGE);
  if (positionals.length === 0) usageExit(USAGE, 'No folder given for the CSV files');
  if (positionals.length > 1) usageExit(USAGE, `One output folder only (got ${positionals.join(', ')})`);
  return { outDir: positionals[0], dataDir: values.data };
}

const isMain = isMainModule(import.meta.url);
if (isMain) {
  const args = parseExportArgs(process.argv.slice(2));
  const run = exportDataDir(args.dataDir, args.outDir);
  for (const line of run.lines) (run.ok ? console.log : console.error)(line);
  process.exitCode = run.ok ? 0 : 1;
}
