// Pure timeline layout: which lane each mark goes in so that no two marks overlap.

/** The zoom factor at which one day spans `dayPx` pixels. */
export function maxZoomFor(totalDays: number, width: number, dayPx = 24): number {
  return Math.max(1, (totalDays * dayPx) / Math.max(width, 1));
}

export interface MarkLayout {
  /** Lane of each mark (0 = bottom), or -1 when it would need more than `maxLanes`. */
  readonly lanes: Int32Array;
  readonly laneCount: number;
  /** Marks that did not fit, counted per bucket of `bucketPx` pixels: bucket index -> count. */
  readonly density: ReadonlyMap<number, number>;
}

/**
 * Stacks marks (centres `xs`, ascending) into at most `maxLanes` lanes so that none overlap; the
 * rest become a density count per pixel bucket, which zooming in resolves into marks.
 * O(n · maxLanes), so 100,000 marks lay out in milliseconds.
 */
export function layoutMarks(xs: ArrayLike<number>, size: number, gap: number, maxLanes: number, bucketPx: number): MarkLayout {
  const n = xs.length;
  const lanes = new Int32Array(n);
  const laneEnds: number[] = [];
  const density = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const x = xs[i];
    const left = x - size / 2;
    let lane = -1;
    for (let l = 0; l < laneEnds.length; l++) {
      if (laneEnds[l] + gap <= left) {
        lane = l;
        break;
      }
    }
    if (lane < 0 && laneEnds.length < maxLanes) {
      lane = laneEnds.length;
      laneEnds.push(-Infinity);
    }
    if (lane < 0) {
      const bucket = Math.floor(x / bucketPx);
      density.set(bucket, (density.get(bucket) ?? 0) + 1);
      lanes[i] = -1;
      continue;
    }
    laneEnds[lane] = x + size / 2;
    lanes[i] = lane;
  }
  return { lanes, laneCount: laneEnds.length, density };
}

export interface AnnotationInput {
  /** Where its line is, in pixels. */
  readonly x: number;
  readonly label: string;
  /** A shorter label, tried when the full one does not fit. */
  readonly short?: string;
}

export interface PlacedAnnotation {
  readonly index: number;
  readonly x: number;
  readonly text: string;
  /** Where the text sits against its line: after it, or before it near the right edge. */
  readonly anchor: 'start' | 'end';
  /** The text's extent, in pixels. */
  readonly left: number;
  readonly right: number;
}

/**
 * Labels for key moments in one row, none over another and none past the edges. In order of
 * importance (the input's order), each first gets its short label where it fits (so that the
 * most moments are named); then, again in order, a label grows to its full text where that fits.
 * `measure` gives a text's width in pixels.
 */
export function placeAnnotations(items: readonly AnnotationInput[], left: number, right: number, measure: (text: string) => number, gap = 6): PlacedAnnotation[] {
  const placed: PlacedAnnotation[] = [];
  const fits = (a: number, b: number, except: PlacedAnnotation | null) => a >= left && b <= right && placed.every((p) => p === except || b + gap <= p.left || a - gap >= p.right);
  const place = (index: number, text: string, except: PlacedAnnotation | null): PlacedAnnotation | null => {
    const x = items[index].x;
    const w = measure(text);
    for (const c of [
      { a: x + 3, b: x + 3 + w, anchor: 'start' as const },
      { a: x - 3 - w, b: x - 3, anchor: 'end' as const },
    ]) {
      if (fits(c.a, c.b, except)) return { index, x, text, anchor: c.anchor, left: c.a, right: c.b };
    }
    return null;
  };
  items.forEach((item, index) => {
    if (item.x < left || item.x > right) return;
    const p = place(index, item.short ?? item.label, null);
    if (p) placed.push(p);
  });
  for (let k = 0; k < placed.length; k++) {
    const current = placed[k];
    const item = items[current.index];
    if (!item.short || current.text === item.label) continue;
    const grown = place(current.index, item.label, current);
    if (grown) placed[k] = grown;
  }
  return placed.sort((a, b) => a.x - b.x);
}
