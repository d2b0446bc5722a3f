// The encodings stay readable without colour and with colour-vision deficiencies: statuses differ
// by shape; event types that share a shape differ in colour even under deuteranopia and
// protanopia (Machado et al. 2009 simulation, severity 1), by a clear CIELAB distance.
import { describe, expect, it } from 'vitest';
import { config } from './helpers';
import { typeStyles } from '../../src/model/vocabulary';

type Rgb = [number, number, number];
const hex = (h: string): Rgb => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16) / 255) as Rgb;
const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const MACHADO: Record<string, number[][]> = {
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  none: [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
};
function simulate(rgb: Rgb, m: number[][]): Rgb {
  const lin = rgb.map(toLinear);
  return m.map((row) => Math.min(1, Math.max(0, row[0] * lin[0] + row[1] * lin[1] + row[2] * lin[2]))) as Rgb;
}
function lab(linear: Rgb): Rgb {
  const [r, g, b] = linear;
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}
const deltaE = (a: Rgb, b: Rgb) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

describe('palette', () => {
  it('has at most five families, one hue each, and types of a family differ by shape', () => {
    expect(config.families.length).toBeLessThanOrEqual(5);
    expect(new Set(config.families.map((f) => f.color)).size).toBe(config.families.length);
    for (const f of config.families) {
      const shapes = config.eventTypes.filter((t) => t.family === f.id).map((t) => t.shape);
      expect(new Set(shapes).size, f.id).toBe(shapes.length);
    }
  });

  it('gives every station status its own shape', () => {
    const shapes = config.statuses.map((s) => s.shape);
    expect(new Set(shapes).size).toBe(shapes.length);
  });

  for (const vision of Object.keys(MACHADO)) {
    for (const theme of ['color', 'darkColor'] as const) {
      it(`keeps event types that share a shape apart (${vision}, ${theme === 'color' ? 'light' : 'dark'})`, () => {
        const close: string[] = [];
        const types = [...typeStyles(config).values()];
        for (let i = 0; i < types.length; i++) {
          for (let j = i + 1; j < types.length; j++) {
            if (types[i].type.shape !== types[j].type.shape) continue;
            const d = deltaE(lab(simulate(hex(types[i][theme]), MACHADO[vision])), lab(simulate(hex(types[j][theme]), MACHADO[vision])));
            if (d < 15) close.push(`${types[i].type.id} ~ ${types[j].type.id}: ΔE ${d.toFixed(1)}`);
          }
        }
        expect(close).toEqual([]);
      });
    }
  }

  it('keeps the country-response steps in lightness order (readable as a sequence without hue)', () => {
    for (const theme of ['color', 'darkColor'] as const) {
      const lightness = [...config.responses].sort((a, b) => a.rank - b.rank).map((r) => lab(hex(r[theme]).map(toLinear) as Rgb)[0]);
      const steps = lightness.slice(1).map((l, i) => l - lightness[i]);
      // Light theme: darker with each step; dark theme: lighter with each step.
      for (const s of steps) expect(theme === 'color' ? s < 0 : s > 0).toBe(true);
    }
  });
});
