// The stations' places clustered at every zoom level, flattened into two columns: supercluster's
// hierarchy as map/station-layout.ts makes it. The build writes it into the overview, so that the
// first map frame reads the badges instead of clustering thousands of places first.

/** Nodes are the places (in the layout's order), then the clusters, each after its children. */
export interface PlaceTree {
  /** Per node, the cluster node it merges into (a later node), or -1. */
  readonly parent: readonly number[];
  /** Per cluster (node `places + k`), the zoom level it is made at: it shows from there out until it merges. */
  readonly zoom: readonly number[];
}

const isIndex = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= -1;

/**
 * A tree as the overview carries it, or null when it is not one: every parent a later cluster
 * node, made at a lower zoom than its child, so that walking up always ends.
 */
export function readPlaceTree(raw: unknown): PlaceTree | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { parent, zoom } = raw as { parent?: unknown; zoom?: unknown };
  if (!Array.isArray(parent) || !Array.isArray(zoom) || zoom.length > parent.length) return null;
  const places = parent.length - zoom.length;
  if (!zoom.every((z) => Number.isInteger(z) && z >= 0 && z < 32)) return null;
  const zoomOf = (node: number) => (node < places ? Infinity : (zoom[node - places] as number));
  for (let i = 0; i < parent.length; i++) {
    const p: unknown = parent[i];
    if (!isIndex(p)) return null;
    if (p !== -1 && (p <= i || p < places || p >= parent.length || zoomOf(p) >= zoomOf(i))) return null;
  }
  return { parent: parent as number[], zoom: zoom as number[] };
}
