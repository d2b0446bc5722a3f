import { describe, expect, it } from 'vitest';
import { SHAPES } from '../../src/model/schema';
import { pathAt, shapeAt, shapePath } from '../../src/shapes';

/** Every point path data reaches, relative commands resolved: M, L, H, V and A ends, closes included. */
function points(d: string): [number, number][] {
  let [x, y] = [0, 0];
  let start: [number, number] = [0, 0];
  return [...d.matchAll(/([A-Za-z])([^A-Za-z]*)/g)].map(([, c, a]) => {
    const n = a.split(',').filter((v) => v !== '').map(Number);
    const rel = c === c.toLowerCase();
    const [dx, dy] = rel ? [x, y] : [0, 0];
    switch (c.toUpperCase()) {
      case 'M':
      case 'L':
        [x, y] = [n[0] + dx, n[1] + dy];
        break;
      case 'A':
        [x, y] = [n[5] + dx, n[6] + dy];
        break;
      case 'H':
        x = n[0] + dx;
        break;
      case 'V':
        y = n[0] + dy;
        break;
      case 'Z':
        [x, y] = start;
    }
    if (c.toUpperCase() === 'M') start = [x, y];
    return [x, y];
  });
}

describe('shapeAt', () => {
  it('moves every point of every shape by the centre, and nothing else', () => {
    for (const shape of SHAPES) {
      const base = shapePath(shape, 58);
      const moved = shapeAt(shape, 58)(120.25, -30.5);
      const a = points(base);
      const b = points(moved);
      expect(b.length).toBe(a.length);
      expect(b.length).toBeGreaterThan(0);
      a.forEach(([x, y], i) => {
        // The centre is written to a tenth of a pixel; the relative steps to a thousandth.
        expect(Math.abs(b[i][0] - (x + 120.25))).toBeLessThan(0.06);
        expect(Math.abs(b[i][1] - (y - 30.5))).toBeLessThan(0.06);
      });
      // The same commands, only written relative after the first point; arcs keep their radii and flags.
      expect(moved.replace(/[-\d.,]/g, '').toUpperCase()).toBe(base.replace(/[-\d.,]/g, '').toUpperCase());
      expect(moved.match(/[A-Z]/g)!.filter((c) => c !== 'Z')).toEqual(['M']);
    }
  });

  it('draws many icons in one path', () => {
    const at = shapeAt('square', 58);
    const d = at(10, 10) + at(50, 50);
    expect(d.match(/M/g)).toHaveLength(2);
    expect(points(d)[points(at(10, 10)).length]).toEqual([50 - 3.8, 50 - 3.8]);
  });

  it('follows relative steps and closes into the points after them', () => {
    const d = pathAt('M1,1h4L5,9v-2ZL0,3Z')(100, 200);
    expect(points(d)).toEqual([[101, 201], [105, 201], [105, 209], [105, 207], [101, 201], [100, 203], [101, 201]]);
    expect(() => pathAt('L1,1Z')).toThrow(/does not begin with M/);
    expect(() => pathAt('M1,1C1,2,3,4,5,6')).toThrow(/C is not handled/);
  });
});
