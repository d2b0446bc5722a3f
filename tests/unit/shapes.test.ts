import { describe, expect, it } from 'vitest';
import { SHAPES } from '../../src/model/schema';
import { shapeAt, shapePath } from '../../src/shapes';

/** The absolute points of path data: M and L pairs, and A endpoints. */
function points(d: string): [number, number][] {
  return [...d.matchAll(/([A-Za-z])([^A-Za-z]*)/g)].flatMap(([, c, a]) => {
    const n = a.split(',').filter((x) => x !== '').map(Number);
    if (c === 'M' || c === 'L') return [[n[0], n[1]] as [number, number]];
    if (c === 'A') return [[n[5], n[6]] as [number, number]];
    return [];
  });
}

describe('shapeAt', () => {
  it('moves every absolute point of every shape by the centre, and nothing else', () => {
    for (const shape of SHAPES) {
      const base = shapePath(shape, 58);
      const moved = shapeAt(shape, 58)(120.25, -30.5);
      const a = points(base);
      const b = points(moved);
      expect(b.length).toBe(a.length);
      expect(b.length).toBeGreaterThan(0);
      a.forEach(([x, y], i) => {
        expect(b[i][0]).toBeCloseTo(x + 120.25, 1);
        expect(b[i][1]).toBeCloseTo(y - 30.5, 1);
      });
      // Relative commands (the square's h and v) and closes are kept as they were.
      expect(moved.replace(/[-\d.,]/g, '')).toBe(base.replace(/[-\d.,]/g, ''));
    }
  });

  it('draws many icons in one path', () => {
    const at = shapeAt('square', 58);
    const d = at(10, 10) + at(50, 50);
    expect(d.match(/M/g)).toHaveLength(2);
    expect(points(d)[1]).toEqual([50 - 3.8, 50 - 3.8]);
  });
});
