import { describe, expect, it } from 'vitest';
import { synthesize } from '../../scripts/lib/synthetic';
import { validateDataset } from '../../src/model/validate';
import { formatProblem } from '../../src/model/problems';
import { dayFromYmd } from '../../src/model/dates';
import { config } from './helpers';

const today = dayFromYmd(2026, 11, 28);

describe('synthetic datasets', () => {
  it('are valid in the real schema, with no errors at all', () => {
    const data = synthesize(config, { stations: 300, events: 3000, seed: 1 });
    const { problems, dataset } = validateDataset(data, config, { today });
    expect(problems.filter((p) => p.severity === 'error').map(formatProblem).slice(0, 5)).toEqual([]);
    expect(dataset.stations).toHaveLength(300);
    expect(dataset.events).toHaveLength(3000);
  });
  it('are deterministic for a seed and differ between seeds', () => {
    const a = JSON.stringify(synthesize(config, { stations: 50, events: 500, seed: 7 }));
    const b = JSON.stringify(synthesize(config, { stations: 50, events: 500, seed: 7 }));
    const c = JSON.stringify(synthesize(config, { stations: 50, events: 500, seed: 8 }));
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });
  it('reaches the benchmark sizes', () => {
    const data = synthesize(config, { stations: 10_000, events: 100_000, seed: 3 });
    expect(data.stations.features).toHaveLength(10_000);
    expect(data.events).toHaveLength(100_000);
    expect(new Set(data.events.map((e) => e.id)).size).toBe(100_000);
    expect(data.events.some((e) => e.setsStatus)).toBe(true);
  });
});
