// Where each station's mark goes at a zoom level, so that no station hides another: stations
// that share a place fan out around it, and places that would run into each other at the zoom
// level become one badge with a count (supercluster). Pure: the SVG map, the WebGL map and the
// keyboard and tooltip layer all read the same layout, tested without a map. The clustering is
// done once for every zoom level (a PlaceTree); the build writes it into the overview.
import Supercluster, { type ClusterProperties } from 'supercluster';
import type { Feature, Point } from 'geojson';
import { pushTo } from '../multimap.ts';
import type { PlaceTree } from '../model/place-tree.ts';
import { boundsOfPoints, MAX_ZOOM, type Bounds } from './camera.ts';
import { latitudeOf, mercatorX, mercatorY } from './projection.ts';

/** Places closer than this (pixels at the zoom level) become one badge. */
export const CLUSTER_RADIUS_PX = 36;
/** Fanned-out icons this far apart at least (centre to centre, pixels at icon scale 1). */
const FAN_SPACING_PX = 17;
const FAN_MIN_RADIUS_PX = 10;

export interface LayoutPoint {
  readonly lon: number;
  readonly lat: number;
}

/** Stations that share a place (to the data's 2 decimals), in the order they were given. */
export interface Place {
  readonly lon: number;
  readonly lat: number;
  readonly members: readonly number[];
}

/** A badge standing for the shown stations of several places. */
export interface ClusterMark {
  /** Its node in the tree: the same at every zoom level where the badge stands for the same places. */
  readonly id: number;
  readonly lon: number;
  readonly lat: number;
  /** Mercator world units (0..1), for the GPU layer. */
  readonly x: number;
  readonly y: number;
  /** The shown stations it stands for, in station order. */
  readonly members: readonly number[];
  /** The zoom level at which it splits. */
  readonly expansionZoom: number;
}

export interface Marks {
  /** 1 where a station is drawn on its own (at its place, plus its fan offset). */
  readonly single: Uint8Array;
  readonly clusters: readonly ClusterMark[];
}

interface Level {
  /** Per place: the index of its cluster in `clusters`, or -1 when it stands alone. */
  readonly clusterOf: Int32Array;
  readonly clusters: readonly { id: number; lon: number; lat: number; places: readonly number[]; expansionZoom: number }[];
}

const placeKey = (lon: number, lat: number) => (Math.round(lon * 100) + 18_000) * 20_000 + Math.round(lat * 100) + 9_000;

export class StationLayout {
  readonly places: readonly Place[];
  /** Per station, its place's index. */
  readonly placeOf: Int32Array;
  /** Per station, its fan offset in pixels at icon scale 1 (x, y pairs); 0 for a place of one. */
  readonly offsets: Float32Array;
  /** The places' clusters at every zoom level. */
  readonly tree: PlaceTree;
  /** Per cluster of the tree, its centre: the mean of its places, in Mercator world units. */
  private readonly centres: Float64Array;
  private readonly levels = new Map<number, Level>();

  /** `tree`: the clustering of these very places (the overview's), else it is done here. */
  constructor(points: readonly LayoutPoint[], tree: PlaceTree | null = null) {
    const groups = new Map<number, number[]>();
    points.forEach((p, i) => pushTo(groups, placeKey(p.lon, p.lat), i));
    const places: Place[] = [];
    this.placeOf = new Int32Array(points.length);
    this.offsets = new Float32Array(points.length * 2);
    for (const members of groups.values()) {
      const first = points[members[0]];
      const place = places.length;
      places.push({ lon: first.lon, lat: first.lat, members });
      const n = members.length;
      // Adjacent icons on the circle are FAN_SPACING_PX apart; the first sits at the top.
      const r = StationLayout.fanRadius(n);
      members.forEach((station, k) => {
        this.placeOf[station] = place;
        const angle = -Math.PI / 2 + (2 * Math.PI * k) / n;
        this.offsets[2 * station] = Math.round(r * Math.cos(angle) * 10) / 10;
        this.offsets[2 * station + 1] = Math.round(r * Math.sin(angle) * 10) / 10;
      });
    }
    this.places = places;
    this.tree = tree && tree.parent.length - tree.zoom.length === places.length ? tree : clusterPlaces(places);
    this.centres = centresOf(places, this.tree);
  }

  /** The fan radius of a place of `n` stations, in pixels at icon scale 1. */
  static fanRadius(n: number): number {
    return n < 2 ? 0 : Math.max(FAN_MIN_RADIUS_PX, FAN_SPACING_PX / 2 / Math.sin(Math.PI / n));
  }

  private level(zoom: number): Level {
    const z = Math.max(0, Math.min(MAX_ZOOM, Math.floor(zoom)));
    const hit = this.levels.get(z);
    if (hit) return hit;
    const { parent, zoom: madeAt } = this.tree;
    const n = this.places.length;
    const clusterOf = new Int32Array(n).fill(-1);
    const clusters: { id: number; lon: number; lat: number; places: number[]; expansionZoom: number }[] = [];
    const slot = new Map<number, number>();
    for (let place = 0; place < n; place++) {
      // The place's badge at this zoom: its outermost cluster made at this zoom or deeper.
      let node = place;
      for (let up = parent[node]; up >= 0 && madeAt[up - n] >= z; up = parent[up]) node = up;
      if (node === place) continue;
      let k = slot.get(node);
      if (k === undefined) {
        k = clusters.length;
        slot.set(node, k);
        const c = node - n;
        // A cluster merges two or more nodes of the level below it: it splits one level in.
        clusters.push({ id: node, lon: this.centres[2 * c] * 360 - 180, lat: latitudeOf(this.centres[2 * c + 1]), places: [], expansionZoom: madeAt[c] + 1 });
      }
      clusters[k].places.push(place);
      clusterOf[place] = k;
    }
    const level = { clusterOf, clusters };
    this.levels.set(z, level);
    return level;
  }

  /**
   * The marks at a zoom for the shown stations. The grouping is of every station, shown or not,
   * so badges stay put while the date moves; a badge with one shown station draws that station.
   */
  marks(zoom: number, shown: (station: number) => boolean): Marks {
    const { clusterOf, clusters } = this.level(zoom);
    const single = new Uint8Array(this.placeOf.length);
    const members: number[][] = clusters.map(() => []);
    for (let i = 0; i < single.length; i++) {
      if (!shown(i)) continue;
      const c = clusterOf[this.placeOf[i]];
      if (c < 0) single[i] = 1;
      else members[c].push(i);
    }
    const out: ClusterMark[] = [];
    clusters.forEach((c, k) => {
      const list = members[k];
      if (list.length === 1) single[list[0]] = 1;
      else if (list.length > 1) out.push({ id: c.id, lon: c.lon, lat: c.lat, x: mercatorX(c.lon), y: mercatorY(c.lat), members: list, expansionZoom: c.expansionZoom });
    });
    return { single, clusters: out };
  }

  /** The first whole zoom level at which the station's place is not part of a badge. */
  separationZoom(station: number): number {
    const place = this.placeOf[station];
    for (let z = 0; z <= MAX_ZOOM; z++) if (this.level(z).clusterOf[place] < 0) return z;
    return MAX_ZOOM;
  }

  /** Whether a place is in a badge at this zoom level (every station shown). */
  clustered(place: number, zoom: number): boolean {
    return this.level(zoom).clusterOf[place] >= 0;
  }

  /** The smallest bounds around some stations' places. */
  boundsOf(stations: readonly number[]): Bounds | null {
    return boundsOfPoints(stations.map((i) => [this.places[this.placeOf[i]].lon, this.places[this.placeOf[i]].lat] as [number, number]));
  }
}

/** supercluster's hierarchy of the places, as a PlaceTree. */
export function clusterPlaces(places: readonly LayoutPoint[]): PlaceTree {
  const index = new Supercluster<{ place: number }>({ radius: CLUSTER_RADIUS_PX, maxZoom: MAX_ZOOM - 1, minPoints: 2 });
  index.load(
    places.map(
      (p, i): Feature<Point, { place: number }> => ({ type: 'Feature', properties: { place: i }, geometry: { type: 'Point', coordinates: [p.lon, p.lat] } }),
    ),
  );
  const parent: number[] = places.map(() => -1);
  const zoom: number[] = [];
  const nodeOf = new Map<number, number>();
  // From the deepest level out: a cluster first shows at the zoom it is made at, after its children.
  for (let z = MAX_ZOOM - 1; z >= 0; z--) {
    for (const f of index.getClusters([-180, -90, 180, 90], z)) {
      const props = f.properties as Partial<ClusterProperties> & { place?: number };
      const id = props.cluster_id;
      if (!props.cluster || id === undefined || nodeOf.has(id)) continue;
      const node = parent.length;
      nodeOf.set(id, node);
      parent.push(-1);
      zoom.push(z);
      for (const child of index.getChildren(id)) {
        const cp = child.properties as Partial<ClusterProperties> & { place?: number };
        const childNode = cp.cluster && cp.cluster_id !== undefined ? nodeOf.get(cp.cluster_id) : cp.place;
        if (childNode !== undefined) parent[childNode] = node;
      }
    }
  }
  return { parent, zoom };
}

/** Each cluster's centre: the mean of its places in Mercator world units (x, y pairs), as supercluster places it. */
function centresOf(places: readonly LayoutPoint[], tree: PlaceTree): Float64Array {
  const n = places.length;
  const sums = new Float64Array(tree.zoom.length * 3);
  const add = (node: number, x: number, y: number, count: number) => {
    const up = tree.parent[node];
    if (up < 0) return;
    const k = 3 * (up - n);
    sums[k] += x;
    sums[k + 1] += y;
    sums[k + 2] += count;
  };
  places.forEach((p, i) => add(i, mercatorX(p.lon), mercatorY(p.lat), 1));
  // Every cluster comes after its children: its sums are complete when it is reached.
  for (let c = 0; c < tree.zoom.length; c++) add(n + c, sums[3 * c], sums[3 * c + 1], sums[3 * c + 2]);
  const out = new Float64Array(tree.zoom.length * 2);
  for (let c = 0; c < tree.zoom.length; c++) {
    out[2 * c] = sums[3 * c] / sums[3 * c + 2];
    out[2 * c + 1] = sums[3 * c + 1] / sums[3 * c + 2];
  }
  return out;
}
