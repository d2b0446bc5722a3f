// Reads a data folder (laid out like data/) from disk and validates it with the shared schema.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseJsonText } from '../../src/model/parse-json.ts';
import { validateConfig, validateDataset, defaultFileNames, type FileNames, type ValidationResult } from '../../src/model/validate.ts';
import type { Problem } from '../../src/model/problems.ts';
import { todayUtc } from '../../src/model/dates.ts';
import { en } from '../../src/i18n/en.ts';

export interface ReadResult {
  readonly result: ValidationResult | null;
  readonly problems: readonly Problem[];
}

/** The texts of a story's files; a missing file is undefined. */
export interface DataTexts {
  readonly config?: string;
  readonly stations?: string;
  readonly events?: string;
  readonly sources?: string;
}

function parse(text: string | undefined, shownAs: string, problems: Problem[]): unknown {
  if (text === undefined) {
    problems.push({ file: shownAs, severity: 'error', message: 'does not exist', skipsRecord: false });
    return undefined;
  }
  const parsed = parseJsonText(text, shownAs);
  problems.push(...parsed.problems);
  return parsed.value;
}

export function validateTexts(texts: DataTexts, names: FileNames, today: number = todayUtc()): ReadResult {
  const problems: Problem[] = [];
  const { config, problems: configProblems } = validateConfig(parse(texts.config, names.config, problems), names.config, new Set(Object.keys(en)));
  problems.push(...configProblems);
  const raw = {
    stations: parse(texts.stations, names.stations, problems),
    events: parse(texts.events, names.events, problems),
    sources: parse(texts.sources, names.sources, problems),
  };
  if (!config) return { result: null, problems };
  const result = validateDataset(raw, config, { today, files: names });
  return { result, problems: [...problems, ...result.problems] };
}

const readText = (path: string): string | undefined => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);

/** The texts of the files in a data folder. A folder without its own config.json (the test fixtures) borrows the story's. */
export function readDataTexts(dir: string, configDir = 'data'): DataTexts {
  const ownConfig = join(dir, 'config.json');
  return {
    config: readText(existsSync(ownConfig) ? ownConfig : join(configDir, 'config.json')),
    stations: readText(join(dir, 'stations.geojson')),
    events: readText(join(dir, 'events.json')),
    sources: readText(join(dir, 'sources.json')),
  };
}

/** `dir` is where the files are; `shownAs` how messages name the folder (e.g. "data"). */
export function readDataDir(dir: string, options: { shownAs?: string; configDir?: string; today?: number } = {}): ReadResult {
  const names = { ...defaultFileNames(options.shownAs ?? dir), config: existsSync(join(dir, 'config.json')) ? `${options.shownAs ?? dir}/config.json` : 'data/config.json' };
  return validateTexts(readDataTexts(dir, options.configDir), names, options.today);
}
