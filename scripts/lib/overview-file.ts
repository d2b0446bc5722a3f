// data/overview.json for a story: derived from the texts of its files, so the build, the dev
// server and the benchmark (which serves synthetic data) write the same thing.
import { buildModel, type Model } from '../../src/model/model.ts';
import { buildOverview, textChecksum } from '../../src/model/overview.ts';
import { StationLayout } from '../../src/map/station-layout.ts';
import { defaultFileNames, type ValidationResult } from '../../src/model/validate.ts';
import { validateTexts, type DataTexts } from './read-data.ts';

/** The overview's JSON, or null when the config is unusable (the app then waits for the events). */
export function overviewJson(texts: DataTexts, today?: number): string | null {
  const { result } = validateTexts(texts, defaultFileNames('data'), today);
  return result && overviewJsonOf(texts, result, buildModel(result.dataset));
}

/** The same, from the validation of those texts and its model, for a caller that has them already. */
export function overviewJsonOf(texts: DataTexts, result: ValidationResult, model: Model): string {
  const basis = {
    config: textChecksum(texts.config ?? ''),
    stations: textChecksum(texts.stations ?? ''),
    events: textChecksum(texts.events ?? ''),
    sources: textChecksum(texts.sources ?? ''),
    validated: keptAsWritten(texts, result),
  };
  return JSON.stringify(buildOverview(model, basis, new StationLayout(model.stations).tree));
}

/** JSON with every object's keys sorted. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v));
}

/** No errors, and the validated config and records are as written: same fields, same order. */
function keptAsWritten(texts: DataTexts, result: ValidationResult): boolean {
  if (result.problems.some((p) => p.severity === 'error') || texts.config === undefined || texts.stations === undefined || texts.events === undefined || texts.sources === undefined) return false;
  const { dataset } = result;
  const written = (text: string) => JSON.stringify(JSON.parse(text));
  return (
    // The config's keys come back in the schema's order: compared in a canonical order.
    canonical(dataset.config) === canonical(JSON.parse(texts.config)) &&
    JSON.stringify(dataset.stations) === JSON.stringify((JSON.parse(texts.stations) as { features?: unknown }).features) &&
    JSON.stringify(dataset.events) === written(texts.events) &&
    JSON.stringify(dataset.sources) === written(texts.sources)
  );
}
