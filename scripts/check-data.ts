// npm run check-data [-- DIR]: validates a data folder and prints one line per problem.
// Exits 1 on any error; warnings alone exit 0.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Topology } from 'topojson-specification';
import { readDataDir } from './lib/read-data';
import { isMainModule, shownPath } from './lib/paths';
import { countryShapes, placeInCountry } from '../src/model/geo-check';
import { formatProblem, type Problem } from '../src/model/problems';

const TOLERANCE_KM = 25;

export function checkDataDir(dir: string): Problem[] {
  const shownAs = shownPath(dir);
  const { result, problems } = readDataDir(dir, { shownAs });
  const all = [...problems];
  if (result) {
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
      if (placed.kind === 'no-shape') all.push({ ...base, severity: 'warning', message: `cannot be checked: no shape for ${p.country} in world-atlas` });
    });
  }
  if (result) all.push(...changelogProblems(dir, shownAs, result.dataset.config.dataUpdated));
  return all;
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

const isMain = isMainModule(import.meta.url);
if (isMain) {
  const dir = process.argv[2] ?? 'data';
  const problems = checkDataDir(dir);
  for (const p of problems) console.log(formatProblem(p));
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  console.log(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in ${dir}`);
  process.exitCode = errors > 0 ? 1 : 0;
}
