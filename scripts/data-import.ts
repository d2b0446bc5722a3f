// npm run data:import -- DIR [--out OUTDIR] [--warnings]: reads DIR/stations.csv, DIR/events.csv and
// DIR/sources.csv (as written by data:export and saved from a spreadsheet), validates them with the
// shared validator and, only when there is no error, writes stations.geojson, events.json and
// sources.json to OUTDIR (default data/). Problems name the CSV file, row and column.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMainModule, shownPath } from './lib/paths';
import { helpExit, parseFlags, usageExit } from './lib/args';
import { parseJsonText } from '../src/model/parse-json';
import { validateConfig } from '../src/model/validate';
import { formatProblem } from '../src/model/problems';
import { todayUtc } from '../src/model/dates';
import { CSV_FILES, JSON_FILES, KINDS, formatCsvProblem, type Kind } from '../src/model/csv';
import { importCsv } from '../src/model/csv-import';

export interface ImportRun {
  readonly ok: boolean;
  readonly lines: readonly string[];
}

export function importCsvDir(csvDir: string, outDir = 'data', options: { showWarnings?: boolean; today?: number } = {}): ImportRun {
  const lines: string[] = [];
  // The config that goes with the output: OUTDIR's own, else the story's.
  const ownConfig = join(outDir, 'config.json');
  const configPath = existsSync(ownConfig) ? ownConfig : join('data', 'config.json');
  const configParsed = existsSync(configPath) ? parseJsonText(readFileSync(configPath, 'utf8'), shownPath(configPath)) : undefined;
  if (!configParsed) return { ok: false, lines: [`${shownPath(configPath)}: does not exist`, 'Nothing written.'] };
  const { config, problems: configProblems } = validateConfig(configParsed.value, shownPath(configPath));
  const configLines = [...configParsed.problems, ...configProblems].filter((p) => p.severity === 'error').map(formatProblem);
  if (!config) return { ok: false, lines: [...configLines, `${shownPath(configPath)} is not usable, so the CSV files cannot be checked. Nothing written.`] };

  const texts = {} as Record<Kind, string>;
  const missing: string[] = [];
  for (const kind of KINDS) {
    const path = join(csvDir, CSV_FILES[kind]);
    if (existsSync(path)) texts[kind] = readFileSync(path, 'utf8');
    else missing.push(`${CSV_FILES[kind]}: does not exist in ${shownPath(csvDir)} (run npm run data:export -- ${shownPath(csvDir)} first)`);
  }
  if (missing.length > 0) return { ok: false, lines: [...missing, 'Nothing written.'] };

  const result = importCsv(texts, config, { today: options.today ?? todayUtc(), configFile: shownPath(configPath) });
  const errors = result.problems.filter((p) => p.severity === 'error');
  const warnings = result.problems.filter((p) => p.severity === 'warning');
  lines.push(...errors.map(formatCsvProblem));
  if (options.showWarnings) lines.push(...warnings.map(formatCsvProblem));
  const warningNote = warnings.length > 0 && !options.showWarnings ? ` (and ${warnings.length} warning${warnings.length === 1 ? '' : 's'}: add --warnings to list them, or run npm run check-data)` : '';
  if (!result.json) {
    lines.push(`${errors.length} error${errors.length === 1 ? '' : 's'}${warningNote}. Nothing written: fix the cells named above in the spreadsheet, save as CSV again and re-run the import.`);
    return { ok: false, lines };
  }
  mkdirSync(outDir, { recursive: true });
  // Write every file beside its target first, then move them in, so a failure leaves no half import.
  const changed: string[] = [];
  for (const kind of KINDS) {
    const target = join(outDir, JSON_FILES[kind]);
    if (!existsSync(target) || readFileSync(target, 'utf8') !== result.json[kind]) changed.push(JSON_FILES[kind]);
    writeFileSync(`${target}.tmp`, result.json[kind], 'utf8');
  }
  for (const kind of KINDS) renameSync(join(outDir, `${JSON_FILES[kind]}.tmp`), join(outDir, JSON_FILES[kind]));
  const c = result.counts;
  lines.push(
    `Imported ${c.stations} stations, ${c.events} events and ${c.sources} sources into ${shownPath(outDir)}${warningNote}. ` +
      (changed.length > 0 ? `Changed: ${changed.join(', ')}.` : 'No file changed.'),
  );
  return { ok: true, lines };
}

const USAGE = 'usage: npm run data:import -- DIR [--out OUTDIR] [--warnings]   (OUTDIR defaults to data)';

/** The command line; a usage error prints one line and exits 2. */
function parseImportArgs(args: readonly string[]): { csvDir: string; outDir: string; showWarnings: boolean } {
  const { values, positionals } = parseFlags(
    {
      args: [...args],
      options: { out: { type: 'string', default: 'data' }, warnings: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    },
    USAGE,
  );
  if (values.help) helpExit(USAGE);
  if (positionals.length === 0) usageExit(USAGE, 'No folder of CSV files given');
  if (positionals.length > 1) usageExit(USAGE, `One CSV folder only (got ${positionals.join(', ')})`);
  return { csvDir: positionals[0], outDir: values.out, showWarnings: values.warnings };
}

const isMain = isMainModule(import.meta.url);
if (isMain) {
  const args = parseImportArgs(process.argv.slice(2));
  const run = importCsvDir(args.csvDir, args.outDir, { showWarnings: args.showWarnings });
  for (const line of run.lines) (run.ok ? console.log : console.error)(line);
  process.exitCode = run.ok ? 0 : 1;
}
