// npm run check-data [-- DIR]: validates a data folder and prints one line per problem.
// Exits 1 on any error; warnings alone exit 0.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { relative, resolve } from 'node:path';
import type { Topology } from 'topojson-specification';
import { readDataDir } from './lib/read-data';
import { countryShapes, placeInCountry } from '../src/model/geo-check';
import { formatProblem, type Problem } from '../src/model/problems';

const TOLERANCE_KM = 25;

export function checkDataDir(dir: string): Problem[] {
  const shownAs = relative(process.cwd(), resolve(dir)) || '.';
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
  return all;
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname);
if (isMain) {
  const dir = process.argv[2] ?? 'data';
  const problems = checkDataDir(dir);
  for (const p of problems) console.log(formatProblem(p));
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  console.log(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in ${dir}`);
  process.exitCode = errors > 0 ? 1 : 0;
}
