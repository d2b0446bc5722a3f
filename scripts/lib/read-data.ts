// Reads a data folder (laid out like data/) from disk and validates it with the shared schema.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseJsonText } from '../../src/model/parse-json';
import { validateConfig, validateDataset, defaultFileNames, type ValidationResult } from '../../src/model/validate';
import type { Problem } from '../../src/model/problems';
import { todayUtc } from '../../src/model/dates';
import { en } from '../../src/i18n/en';

export interface ReadResult {
  readonly result: ValidationResult | null;
  readonly problems: readonly Problem[];
}

function readJson(path: string, shownAs: string, problems: Problem[]): unknown {
  if (!existsSync(path)) {
    problems.push({ file: shownAs, severity: 'error', message: 'does not exist', skipsRecord: false });
    return undefined;
  }
  const parsed = parseJsonText(readFileSync(path, 'utf8'), shownAs);
  problems.push(...parsed.problems);
  return parsed.value;
}

/** `dir` is where the files are; `shownAs` how messages name the folder (e.g. "data"). */
export function readDataDir(dir: string, options: { shownAs?: string; configDir?: string; today?: number } = {}): ReadResult {
  const names = { ...defaultFileNames(options.shownAs ?? dir), config: existsSync(join(dir, 'config.json')) ? `${options.shownAs ?? dir}/config.json` : 'data/config.json' };
  const problems: Problem[] = [];
  // A folder without its own config.json (the test fixtures) borrows the story's.
  const ownConfig = join(dir, 'config.json');
  const configPath = existsSync(ownConfig) ? ownConfig : join(options.configDir ?? 'data', 'config.json');
  const configRaw = readJson(configPath, names.config, problems);
  const { config, problems: configProblems } = validateConfig(configRaw, names.config, new Set(Object.keys(en)));
  problems.push(...configProblems);
  const raw = {
    stations: readJson(join(dir, 'stations.geojson'), names.stations, problems),
    events: readJson(join(dir, 'events.json'), names.events, problems),
    sources: readJson(join(dir, 'sources.json'), names.sources, problems),
  };
  if (!config) return { result: null, problems };
  const result = validateDataset(raw, config, { today: options.today ?? todayUtc(), files: names });
  return { result, problems: [...problems, ...result.problems] };
}
