// Where thousands of stations would be drawn on top of each other, one disc with a count stands
// in for them: a grid in world (Mercator) units at the map's whole zoom level, so clusters stay
// put while the map pans and only regroup when the zoom level changes. Pure, tested without a map.
import { pushTo } from '../multimap';

export interface Cluster {
  /** Mean position of the members, Mercator units. */
  readonly x: number;
  readonly y: number;
  readonly members: readonly number[];
}

export interface Clustering {
  /** 1 where the station is drawn as part of a cluster instead of on its own. */
  readonly inCluster: Uint8Array;
  readonly clusters: readonly Cluster[];
}

/** A cell this wide (CSS pixels at the zoom level) ... */
export const CLUSTER_CELL_PX = 48;
/** ... holding at least this many shown stations is unreadable as icons: it becomes a disc. */
export const CLUSTER_MIN = 50;

export function clusterCellSize(zoom: number): number {
  return CLUSTER_CELL_PX / (512 * 2 ** Math.max(0, Math.floor(zoom)));
}

export function clusterPoints(xs: Float32Array | Float64Array, ys: Float32Array | Float64Array, shown: (i: number) => boolean, cellSize: number, min = CLUSTER_MIN): Clustering {
  const cells = new Map<number, number[]>();
  const perRow = Math.ceil(1 / cellSize) + 1;
  for (let i = 0; i < xs.length; i++) {
    if (!shown(i)) continue;
    pushTo(cells, Math.floor(ys[i] / cellSize) * perRow + Math.floor(xs[i] / cellSize), i);
  }
  const inCluster = new Uint8Array(xs.length);
  const clusters: Cluster[] = [];
  for (const members of cells.values()) {
    if (members.length < min) continue;
    let sx = 0;
    let sy = 0;
    for (const i of members) {
      inCluster[i] = 1;
      sx += xs[i];
      sy += ys[i];
    }
    clusters.push({ x: sx / members.length, y: sy / members.length, members });
  }
  return { inCluster, clusters };
}
