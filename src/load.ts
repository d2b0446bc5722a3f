// Fetches the data files from our own origin and validates them. One failed file does not
// stop the others: the app shows what it could load and says what is missing. The overview
// (src/model/overview.ts) comes with them, for a first map frame before the events have arrived.
import { parseJsonText } from './model/parse-json';
import type { Dataset } from './model/validate';
import type { Config } from './model/schema';
import { readOverview, textChecksum, trustedDataset, type Preview } from './model/overview';
import type { Problem } from './model/problems';
import { todayUtc } from './model/dates';
import { en } from './i18n/en';
import { fetchTextOffMain, WorkerUnavailable } from './fetch-off-main';
import { fetchText } from './fetch-text';
import { DATA_FILES, defaultFileNames } from './data-files';

export interface Loaded {
  readonly dataset: Dataset;
  readonly problems: readonly Problem[];
  /** Files that could not be fetched or parsed at all. */
  readonly missing: readonly string[];
}

export class LoadError extends Error {}

// The schema and its validation (zod) load only for data the build did not vouch for: the first
// map paint does not wait for them.
const validation = () => import('./model/validate');

/** Read in a worker, handed over once `readAfter` resolves; on the main thread where there is no worker. */
async function fetchBigText(url: string, readAfter: Promise<void>): Promise<string> {
  const offMain = fetchTextOffMain(url);
  try {
    const text = await offMain;
    await readAfter;
    return text;
  } catch (err) {
    if (err instanceof WorkerUnavailable) return fetchText(url, readAfter);
    throw err;
  }
}

async function loadFile(text: Promise<string>, shownAs: string, problems: Problem[], missing: string[]): Promise<unknown> {
  try {
    const parsed = parseJsonText(await text, shownAs);
    problems.push(...parsed.problems);
    if (parsed.value === undefined) missing.push(shownAs);
    return parsed.value;
  } catch (err) {
    problems.push({ file: shownAs, severity: 'error', message: `could not be loaded (${err instanceof Error ? err.message : String(err)})`, skipsRecord: false });
    missing.push(shownAs);
    return undefined;
  }
}

/** story.json as parsed JSON, with any problem reading it; null when the story has no tour (no file). */
export interface StoryFile {
  readonly raw: unknown;
  readonly problems: readonly Problem[];
}

export interface Loading {
  readonly loaded: Promise<Loaded>;
  /** The guided tour's steps, checked against the data by whoever has the data (app.ts). */
  readonly story: Promise<StoryFile | null>;
  /** The preview, or null when the overview is missing, malformed or from another config. */
  readonly preview: Promise<Preview | null>;
  /** Once the stations file has arrived: whether the preview was derived from it (false: take it down). */
  readonly previewStationsMatch: Promise<boolean>;
}

/**
 * The stations, events and sources files are fetched and decoded in a worker, and handed over and
 * parsed only once `readAfter` resolves, so that this work (seconds at 100,000 events) does not
 * hold back the preview's frame; the events, the biggest, once `readEventsAfter` resolves too (the
 * controls drawn on the preview go first).
 */
export function startLoading(base: string, readAfter: Promise<void>, readEventsAfter: Promise<void>): Loading {
  const names = defaultFileNames('data');
  const problems: Problem[] = [];
  const missing: string[] = [];
  const texts = {
    config: fetchText(`${base}${DATA_FILES.config}`),
    stations: fetchBigText(`${base}${DATA_FILES.stations}`, readAfter),
    events: fetchBigText(`${base}${DATA_FILES.events}`, Promise.all([readAfter, readEventsAfter]).then(() => undefined)),
    sources: fetchBigText(`${base}${DATA_FILES.sources}`, readAfter),
  };
  // Checked against the overview twice (to keep the preview, to trust the data): computed once.
  const stationsChecksum = texts.stations.then(textChecksum);
  stationsChecksum.catch(() => undefined); // A failed file is reported by whoever reads it.
  const configRaw = loadFile(texts.config, names.config, problems, missing);
  const overviewRaw = fetchText(`${base}${DATA_FILES.overview}`).then((t) => JSON.parse(t) as unknown);
  overviewRaw.catch(() => undefined); // Without an overview the map waits for the model.
  const configChecksum = texts.config.then(textChecksum);
  configChecksum.catch(() => undefined);
  // The config the build validated (its checksum in the overview, which says it was kept as
  // written) is taken as it is; any other is validated.
  const config = Promise.all([configRaw, configChecksum, overviewRaw.catch(() => null)]).then(async ([raw, sum, overview]) =>
    overviewVouchesFor(overview, sum) ? { config: raw as Config, problems: [] as Problem[] } : (await validation()).validateConfig(raw, names.config, new Set(Object.keys(en))),
  );

  // The preview does not wait for the stations file (megabytes at 10,000 stations): it is checked
  // against it on arrival.
  const preview = (async (): Promise<Preview | null> => {
    const [raw, sum, { config: valid }] = await Promise.all([overviewRaw, configChecksum, config]);
    if (!valid) return null;
    const read = readOverview(raw, valid, sum);
    if (typeof read !== 'string') return read;
    overviewNotUsed(read);
    return null;
  })().catch(() => null);
  const loaded = (async (): Promise<Loaded> => {
    // Parsing the stations and sources waits for the preview's frame too.
    await readAfter;
    const [stations, events, sources, { config: valid, problems: configProblems }] = await Promise.all([
      loadFile(texts.stations, names.stations, problems, missing),
      loadFile(texts.events, names.events, problems, missing),
      loadFile(texts.sources, names.sources, problems, missing),
      config,
    ]);
    if (!valid) throw new LoadError([...problems, ...configProblems].map((p) => `${p.file}: ${p.message}`).join('; '));
    if (stations === undefined && events === undefined) throw new LoadError(`${missing.join(', ')}`);
    const parsed = { stations, events, sources };
    const [overview, sums] = await Promise.all([preview, Promise.all([stationsChecksum, texts.events.then(textChecksum), texts.sources.then(textChecksum)]).catch(() => null)]);
    const trusted = overview && sums ? trustedDataset(overview.basis, valid, { stations: sums[0], events: sums[1], sources: sums[2] }, parsed) : null;
    if (trusted) return { dataset: trusted, problems: [...problems, ...configProblems], missing };
    const result = (await validation()).validateDataset(parsed, valid, { today: todayUtc(), files: names, warnings: false });
    return { dataset: result.dataset, problems: [...problems, ...configProblems, ...result.problems], missing };
  })();

  const previewStationsMatch = Promise.all([preview, stationsChecksum]).then(
    ([p, sum]) => {
      if (p === null) return false;
      if (p.basis.stations === sum) return true;
      overviewNotUsed('derived from other stations');
      return false;
    },
    () => false,
  );

  const storyName = `data/${DATA_FILES.story}`;
  const story = fetchText(`${base}${DATA_FILES.story}`).then(
    (text): StoryFile => {
      const parsed = parseJsonText(text, storyName);
      return { raw: parsed.value, problems: parsed.problems };
    },
    (err: unknown): StoryFile | null =>
      // A story without a tour has no file; any other failure is the reader's to know of.
      err instanceof Error && err.message === 'HTTP 404' ? null : { raw: undefined, problems: [{ file: storyName, severity: 'error', message: `could not be loaded (${err instanceof Error ? err.message : String(err)})`, skipsRecord: false }] },
  );

  return { loaded, preview, previewStationsMatch, story };
}

/** Whether an overview was derived from this very config text (its checksum) by a build whose validation kept every record as written. */
function overviewVouchesFor(overview: unknown, configChecksum: string): boolean {
  if (typeof overview !== 'object' || overview === null) return false;
  const basis = (overview as { basis?: { config?: unknown; validated?: unknown } }).basis;
  return basis?.config === configChecksum && basis.validated === true;
}

/** Not the reader's problem (the map waits for the events instead), but one for whoever deployed it. */
function overviewNotUsed(reason: string): void {
  console.info(`data/overview.json not used (${reason}); rebuild to regenerate it`);
}
