// Fetches the data files from our own origin and validates them. One failed file does not
// stop the others: the app shows what it could load and says what is missing.
import { parseJsonText } from './model/parse-json';
import { validateConfig, validateDataset, defaultFileNames, type Dataset } from './model/validate';
import type { Problem } from './model/problems';
import { todayUtc } from './model/dates';
import { en } from './i18n/en';

export interface Loaded {
  readonly dataset: Dataset;
  readonly problems: readonly Problem[];
  /** Files that could not be fetched or parsed at all. */
  readonly missing: readonly string[];
}

export class LoadError extends Error {}

const FETCH_TIMEOUT_MS = 8000;

async function fetchText(url: string): Promise<string> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), FETCH_TIMEOUT_MS);
  try {
    const res = await fetch(url, { signal: controller.signal, credentials: 'same-origin', cache: 'no-cache' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return await res.text();
  } catch (err) {
    if (controller.signal.aborted) throw new Error('timed out');
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

async function loadFile(base: string, name: string, shownAs: string, problems: Problem[], missing: string[]): Promise<unknown> {
  try {
    const parsed = parseJsonText(await fetchText(`${base}${name}`), shownAs);
    problems.push(...parsed.problems);
    if (parsed.value === undefined) missing.push(shownAs);
    return parsed.value;
  } catch (err) {
    problems.push({ file: shownAs, severity: 'error', message: `could not be loaded (${err instanceof Error ? err.message : String(err)})`, skipsRecord: false });
    missing.push(shownAs);
    return undefined;
  }
}

export async function loadData(base = 'data/'): Promise<Loaded> {
  const names = defaultFileNames('data');
  const problems: Problem[] = [];
  const missing: string[] = [];
  const [configRaw, stations, events, sources] = await Promise.all([
    loadFile(base, 'config.json', names.config, problems, missing),
    loadFile(base, 'stations.geojson', names.stations, problems, missing),
    loadFile(base, 'events.json', names.events, problems, missing),
    loadFile(base, 'sources.json', names.sources, problems, missing),
  ]);
  const { config, problems: configProblems } = validateConfig(configRaw, names.config, new Set(Object.keys(en)));
  if (!config) throw new LoadError([...problems, ...configProblems].map((p) => `${p.file}: ${p.message}`).join('; '));
  if (stations === undefined && events === undefined) throw new LoadError(`${missing.join(', ')}`);
  const result = validateDataset({ stations, events, sources }, config, { today: todayUtc(), files: names, warnings: false });
  return { dataset: result.dataset, problems: [...problems, ...configProblems, ...result.problems], missing };
}
