// data/overview.json for a story: derived from the texts of its files, so the build, the dev
// server and the benchmark (which serves synthetic data) write the same thing.
import { buildModel } from '../../src/model/model';
import { buildOverview, textChecksum } from '../../src/model/overview';
import { defaultFileNames } from '../../src/model/validate';
import { validateTexts, type DataTexts } from './read-data';

/** The overview's JSON, or null when the config is unusable (the app then waits for the events). */
export function overviewJson(texts: DataTexts, today?: number): string | null {
  const { result } = validateTexts(texts, defaultFileNames('data'), today);
  if (!result) return null;
  const basis = { config: textChecksum(texts.config ?? ''), stations: textChecksum(texts.stations ?? '') };
  return JSON.stringify(buildOverview(buildModel(result.dataset), basis));
}
