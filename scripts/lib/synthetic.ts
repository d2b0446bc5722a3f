// Synthetic datasets in the real schema, for the benchmark: plausible places (jittered around real
// cities, city-level precision), plausible dates, every status change after the first report.
// Deterministic for a seed, so runs compare like with like. Texts are in English only (the app
// falls back to it), so the datasets weigh what they weighed before the texts were localized.
import type { ChronoEvent, Config, Source, StationFeature } from '../../src/model/schema';
import { dateSpan, formatDay, type Day } from '../../src/model/dates';

/** Real city centres and their countries; synthetic stations are scattered around them. */
const CITIES: readonly (readonly [string, number, number])[] = [
  ['ES', -3.7, 40.42], ['ES', 2.17, 41.39], ['IT', 9.19, 45.46], ['IT', 12.5, 41.9], ['IT', 11.1, 43.88], ['FR', 2.35, 48.86], ['FR', 5.37, 43.3],
  ['GB', -0.13, 51.51], ['GB', -4.25, 55.86], ['IE', -6.26, 53.35], ['NL', 4.9, 52.37], ['DE', 8.68, 50.11], ['DE', 13.4, 52.52], ['CZ', 14.42, 50.09],
  ['HU', 19.04, 47.5], ['AT', 16.37, 48.21], ['SE', 18.07, 59.33], ['PT', -9.14, 38.72], ['GR', 23.73, 37.98], ['RO', 26.1, 44.43], ['RS', 20.46, 44.79],
  ['US', -74.0, 40.71], ['US', -118.24, 34.05], ['US', -95.37, 29.76], ['US', -122.42, 37.77], ['CA', -79.38, 43.65], ['CA', -123.12, 49.28], ['CA', -73.57, 45.5],
  ['BR', -46.63, -23.55], ['BR', -43.2, -22.91], ['AR', -58.38, -34.6], ['CL', -70.65, -33.45], ['EC', -78.47, -0.18], ['PE', -77.04, -12.05], ['CO', -74.07, 4.71],
  ['NG', 3.38, 6.52], ['ZA', 28.05, -26.2], ['TZ', 39.28, -6.79], ['KE', 36.82, -1.29], ['JP', 139.69, 35.69], ['KR', 126.98, 37.57], ['AU', 151.21, -33.87],
  ['AU', 144.96, -37.81], ['NZ', 174.76, -36.85], ['MY', 101.69, 3.14], ['TH', 100.5, 13.76], ['KH', 104.92, 11.56], ['ID', 106.85, -6.21], ['PH', 120.98, 14.6],
  ['MN', 106.92, 47.92], ['UZ', 69.24, 41.3], ['IL', 34.78, 32.08], ['TR', 28.98, 41.01], ['AE', 55.27, 25.2], ['EG', 31.24, 30.04], ['MX', -99.13, 19.43],
];

export interface SyntheticOptions {
  readonly stations: number;
  readonly events: number;
  readonly seed: number;
  /** Dates fall in [start, end]. */
  readonly start?: string;
  readonly end?: string;
}

export interface SyntheticData {
  readonly stations: { type: 'FeatureCollection'; features: StationFeature[] };
  readonly events: ChronoEvent[];
  readonly sources: Source[];
}

/** mulberry32: small, fast, good enough for test data, and the same on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const pad = (n: number, w: number) => String(n).padStart(w, '0');

export function synthesize(config: Config, options: SyntheticOptions): SyntheticData {
  const random = rng(options.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const start = dateSpan(options.start ?? '2022-01-01').start;
  const end = dateSpan(options.end ?? '2025-12-31').start;
  const dayBetween = (a: Day, b: Day) => a + Math.floor(random() * (b - a + 1));
  const sourceCount = Math.max(1, Math.ceil((options.events + options.stations) / 20));
  const sources: Source[] = Array.from({ length: sourceCount }, (_, i) => ({
    id: `src-${pad(i, 6)}`,
    url: `https://example.org/news/${pad(i, 6)}`,
    title: `Synthetic report ${i}`,
    publisher: pick(['Example News', 'Example Wire', 'Example NGO', 'Example Ministry']),
    published: formatDay(dayBetween(start, end)),
    kind: pick(['news', 'news', 'ngo', 'government'] as const),
  }));
  // Every source is cited at least once: the first ones round-robin, the rest at random.
  let nextSource = 0;
  const cite = (): string[] => [sources[nextSource < sourceCount ? nextSource++ : Math.floor(random() * sourceCount)].id];

  const firstDays: Day[] = [];
  const features: StationFeature[] = Array.from({ length: options.stations }, (_, i) => {
    const [country, lon, lat] = pick(CITIES);
    const first = dayBetween(start, end - 60);
    firstDays.push(first);
    return {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [round2(lon + (random() - 0.5) * 0.6), round2(lat + (random() - 0.5) * 0.4)] },
      properties: {
        id: `s-${pad(i, 6)}`,
        name: { en: `Station ${i}` },
        city: { en: `City ${i % 500}` },
        country,
        locationPrecision: 'city',
        operator: { en: pick(['Fuzhou PSB', 'Qingtian PSB', 'Wenzhou PSB', 'Nantong PSB', 'unknown']) },
        firstReported: { date: formatDay(first), precision: 'day' },
        firstReportedBy: { en: 'Synthetic report' },
        sources: cite(),
      },
    };
  });

  const statuses = [...config.statuses].sort((a, b) => a.rank - b.rank).map((s) => s.id);
  const statusType = new Map(config.eventTypes.filter((t) => t.response).map((t) => [t.response!, t.id]));
  const plainTypes = config.eventTypes.map((t) => t.id);
  const rank = new Map<number, number>();
  const events: ChronoEvent[] = [];
  for (let i = 0; i < options.events; i++) {
    const withStation = features.length > 0 && random() < 0.7;
    const si = withStation ? Math.floor(random() * features.length) : -1;
    const date = withStation ? dayBetween(firstDays[si], end) : dayBetween(start, end);
    const precision = random() < 0.85 ? 'day' : random() < 0.8 ? 'month' : 'year';
    const text = formatDay(date);
    const e: ChronoEvent = {
      id: `e-${pad(i, 7)}`,
      date: precision === 'day' ? text : precision === 'month' ? text.slice(0, 7) : text.slice(0, 4),
      precision,
      type: pick(plainTypes),
      actor: { en: pick(['A government', 'A ministry', 'A newspaper', 'An NGO']) },
      actorKind: pick(['host-government', 'host-government', 'media', 'ngo', 'chinese-government'] as const),
      title: { en: `Synthetic event ${i}` },
      summary: { en: 'A synthetic event for the benchmark.' },
      sources: cite(),
    };
    if (withStation) {
      const station = features[si].properties;
      const first = dateSpan(station.firstReported.date).start;
      const current = rank.get(si) ?? 0;
      // A status change, in rank order, dated after the first report (imprecise dates end later).
      if (random() < 0.3 && current < statuses.length - 1 && dateSpan(e.date).start >= first) {
        const next = current + 1;
        rank.set(si, next);
        events.push({ ...e, country: station.country, stationIds: [station.id], setsStatus: statuses[next], type: statusType.get('investigation') ?? e.type });
        continue;
      }
      events.push({ ...e, country: station.country, stationIds: [station.id] });
    } else events.push(e);
  }
  return { stations: { type: 'FeatureCollection', features }, events, sources };
}
