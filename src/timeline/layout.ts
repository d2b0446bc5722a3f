// Pure timeline layout: which lane each mark goes in so that no two marks overlap.

/**
 * Greedy interval stacking. `xs` are mark centres in pixels (any order); a mark occupies
 * [x - size/2, x + size/2] plus `gap`. Returns the lane of each mark (0 = bottom).
 */
export function stackMarks(xs: readonly number[], size: number, gap = 1): number[] {
  const order = xs.map((_, i) => i).sort((a, b) => xs[a] - xs[b] || a - b);
  const laneEnds: number[] = [];
  const lanes = new Array<number>(xs.length).fill(0);
  for (const i of order) {
    const left = xs[i] - size / 2;
    let lane = laneEnds.findIndex((end) => end + gap <= left);
    if (lane < 0) {
      lane = laneEnds.length;
      laneEnds.push(0);
    }
    laneEnds[lane] = xs[i] + size / 2;
    lanes[i] = lane;
  }
  return lanes;
}

/** The zoom factor at which one day spans `dayPx` pixels. */
export function maxZoomFor(totalDays: number, width: number, dayPx = 24): number {
  return Math.max(1, (totalDays * dayPx) / Math.max(width, 1));
}
