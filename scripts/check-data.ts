// npm run check-data [-- DIR] [--verbose]: validates a data folder and prints one line per error,
// for the warnings one line per kind with its count (--verbose lists every warning), and one line
// per language of the story saying how many records have every text in it. Every text must be in
// every language config.json lists, each Chinese text in its own script. Exits 1 on any error;
// warnings alone exit 0.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Topology } from 'topojson-specification';
import { readDataDir } from './lib/read-data';
import { isMainModule, shownPath } from './lib/paths';
import { countryShapes, placeInCountry } from '../src/model/geo-check';
import { formatProblem, type Problem, type WarningCode } from '../src/model/problems';
import { helpExit, parseFlags, usageExit } from './lib/args';
import { coverageLine, datasetTexts, textCoverage, type LanguageCoverage } from '../src/model/coverage';
import { defaultFileNames, type Dataset } from '../src/model/validate';
import { scriptProblems } from './lib/script-check';
import { buildModel } from '../src/model/model';
import { STORY_FILE } from '../src/model/story';
import { readStory } from './lib/story-build';

const TOLERANCE_KM = 25;

export interface CheckResult {
  readonly problems: readonly Problem[];
  /** One entry per language of the story; none when the data could not be read. */
  readonly coverage: readonly LanguageCoverage[];
}

export function checkDataDir(dir: string): Problem[] {
  return [...checkData(dir).problems];
}

export function checkData(dir: string): CheckResult {
  const shownAs = shownPath(dir);
  const { result, problems } = readDataDir(dir, { shownAs });
  const all = [...problems];
  let coverage: LanguageCoverage[] = [];
  if (result) {
    const { dataset } = result;
    const files = { ...defaultFileNames(shownAs), config: configName(dir, shownAs) };
    const texts = datasetTexts(dataset, files, { stations: result.stationIndex, events: result.eventIndex });
    const languages = textCoverage(texts, dataset.config.languages);
    coverage = languages.coverage;
    all.push(...languages.problems, ...scriptProblems(texts));

    const require = createRequire(import.meta.url);
    // The 50m shapes (not the app's 110m ones): small islands and coasts matter for this check.
    const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology;
    const shapes = countryShapes(topology);
    result.dataset.stations.forEach((f) => {
      const p = f.properties;
      const [lon, lat] = f.geometry.coordinates;
      const placed = placeInCountry(shapes, p.country, lon, lat, TOLERANCE_KM);
      const base = { file: `${shownAs}/stations.geojson`, collection: 'stations', index: result.stationIndex.get(p.id) ?? -1, id: p.id, field: 'geometry.coordinates', skipsRecord: false };
      if (placed.kind === 'outside') all.push({ ...base, severity: 'error', message: `[${lon}, ${lat}] lies ${Math.round(placed.km)} km outside ${p.country}` });
      if (placed.kind === 'no-shape') all.push({ ...base, severity: 'warning', code: 'no-shape', message: `cannot be checked: no shape for ${p.country} in world-atlas` });
    });
  }
  if (result) all.push(...changelogProblems(dir, shownAs, result.dataset.config.dataUpdated));
  if (result) all.push(...storyProblems(dir, shownAs, result.dataset));
  return { problems: all, coverage };
}

/** story.json, when the folder has one: its steps against the data (src/model/story.ts), and its texts' scripts. */
function storyProblems(dir: string, shownAs: string, dataset: Dataset): Problem[] {
  const { steps, raw, problems } = readStory(dir, buildModel(dataset), shownAs);
  const file = `${shownAs}/${STORY_FILE}`;
  const rawSteps = (raw as { steps?: { id?: unknown }[] } | undefined)?.steps ?? [];
  const texts = steps.flatMap((step) =>
    (['title', 'text'] as const).map((field) => ({ file, collection: 'steps' as const, index: rawSteps.findIndex((r) => r.id === step.id), id: step.id, field, texts: step[field] })),
  );
  return [...problems, ...scriptProblems(texts)];
}

/** How messages name the config: the folder's own, or the story's that a folder without one borrows (read-data.ts). */
function configName(dir: string, shownAs: string): string {
  return existsSync(`${dir}/config.json`) ? `${shownAs}/config.json` : 'data/config.json';
}

/** The app shows config.dataUpdated as the data's date; the changelog's newest entry must agree. */
function changelogProblems(dir: string, shownAs: string, dataUpdated: string): Problem[] {
  const path = `${dir}/CHANGELOG.md`;
  if (!existsSync(path)) return [];
  const dates = [...readFileSync(path, 'utf8').matchAll(/^## (\d{4}-\d{2}-\d{2})\s*$/gm)].map((m) => m[1]).sort();
  const newest = dates.at(-1);
  if (newest === dataUpdated) return [];
  return [{ file: `${shownAs}/CHANGELOG.md`, severity: 'error', skipsRecord: false, message: newest ? `newest entry is ${newest} but config.json dataUpdated is ${dataUpdated}: add an entry or update dataUpdated` : 'has no "## YYYY-MM-DD" entry' }];
}

/** Each kind of warning counted: [one, many] (the count goes first). */
const WARNING_KINDS: Record<WarningCode, readonly [string, string]> = {
  bom: ['file starts with a byte-order mark (BOM)', 'files start with a byte-order mark (BOM)'],
  'unknown-message': ['message in config.json is not a message of the engine', 'messages in config.json are not messages of the engine'],
  'single-source': ['record has a single source', 'records have a single source'],
  'source-kind-other': ['source is of kind "other"', 'sources are of kind "other"'],
  'status-order': ['station status goes back down in rank: check the order', 'station statuses go back down in rank: check the order'],
  'no-shape': ['station cannot be checked (no shape for its country)', 'stations cannot be checked (no shape for their country)'],
  'unlisted-language': ['text is in a language config.json does not list', 'texts are in languages config.json does not list'],
};

/**
 * What the checker prints: every error, then the warnings (one line per kind unless `verbose`),
 * a line per language of the story, then the totals.
 */
export function reportLines(problems: readonly Problem[], dir: string, verbose = false, coverage: readonly LanguageCoverage[] = []): string[] {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const lines: string[] = [];
  if (verbose) lines.push(...problems.map(formatProblem));
  else {
    const counts = new Map<WarningCode, number>();
    for (const p of problems) {
      // A warning without a code (none today) is listed rather than counted.
      if (p.severity === 'error' || p.code === undefined) lines.push(formatProblem(p));
      else counts.set(p.code, (counts.get(p.code) ?? 0) + 1);
    }
    for (const [code, n] of counts) lines.push(`warning: ${n} ${WARNING_KINDS[code][n === 1 ? 0 : 1]} (--verbose lists ${n === 1 ? 'it' : 'them'})`);
  }
  lines.push(...coverage.map(coverageLine));
  lines.push(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in ${dir}`);
  return lines;
}

const USAGE = 'usage: npm run check-data [-- DIR] [--verbose]   (DIR defaults to data)';

const isMain = isMainModule(import.meta.url);
if (isMain) {
  const { values, positionals } = parseFlags(
    { options: { verbose: { type: 'boolean', short: 'v', default: false }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true },
    USAGE,
  );
  if (values.help) helpExit(USAGE);
  if (positionals.length > 1) usageExit(USAGE, `One folder only (got ${positionals.join(', ')})`);
  const dir = positionals[0] ?? 'data';
  const { problems, coverage } = checkData(dir);
  for (const line of reportLines(problems, dir, values.verbose, coverage)) console.log(line);
  process.exitCode = problems.some((p) => p.severity === 'error') ? 1 : 0;
}
