import { describe, expect, it } from 'vitest';
import { iconScale, latitudeOf, mercatorX, mercatorY } from '../../src/map/projection';

describe('Mercator world units', () => {
  it('puts the origin at the middle and the edges at 0 and 1', () => {
    expect(mercatorX(0)).toBe(0.5);
    expect(mercatorX(-180)).toBe(0);
    expect(mercatorY(0)).toBeCloseTo(0.5);
    expect(mercatorY(85.051129)).toBeCloseTo(0, 5);
  });
  it('latitudeOf undoes mercatorY', () => {
    for (const lat of [-60, -33.9, 0, 22.3, 53.35, 70]) expect(latitudeOf(mercatorY(lat))).toBeCloseTo(lat, 6);
  });
  it('icons grow linearly between the zoom stops and stay put outside them', () => {
    expect(iconScale(-1)).toBe(0.8);
    expect(iconScale(2)).toBeCloseTo(0.9);
    expect(iconScale(6)).toBeCloseTo(1.15);
    expect(iconScale(12)).toBe(1.3);
  });
});
