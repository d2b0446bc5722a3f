// Stations that share a city (three in Madrid) would sit on one pixel: fan them out on a small
// circle. Pure, so the layout is tested without a map.
import { pushTo } from '../multimap';

export interface StationOffsets {
  /** Per station, an index into `offsets`. */
  readonly slots: readonly number[];
  /** Distinct pixel offsets; slot 0 is [0, 0]. */
  readonly offsets: readonly (readonly [number, number])[];
}

export const FAN_RADIUS_PX = 9;

export function stationOffsets(points: readonly (readonly [number, number])[], radius = FAN_RADIUS_PX): StationOffsets {
  // One number per place to a hundredth of a degree (the data's precision): at 10,000 stations,
  // string keys cost tens of milliseconds of the first paint.
  const groups = new Map<number, number[]>();
  points.forEach(([lon, lat], i) => pushTo(groups, (Math.round(lon * 100) + 18_000) * 20_000 + Math.round(lat * 100) + 9_000, i));
  const offsets: [number, number][] = [[0, 0]];
  const slotOf = new Map<string, number>([['0,0', 0]]);
  const slots = new Array<number>(points.length).fill(0);
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    // Bigger groups get a slightly wider circle so icons do not touch.
    const r = radius * Math.max(1, members.length / 4);
    members.forEach((stationIndex, k) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * k) / members.length;
      const o: [number, number] = [Math.round(r * Math.cos(angle) * 10) / 10, Math.round(r * Math.sin(angle) * 10) / 10];
      const key = `${o[0]},${o[1]}`;
      let slot = slotOf.get(key);
      if (slot === undefined) {
        slot = offsets.length;
        offsets.push(o);
        slotOf.set(key, slot);
      }
      slots[stationIndex] = slot;
    });
  }
  return { slots, offsets };
}
