import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import Supercluster, { type ClusterProperties } from 'supercluster';
import { CLUSTER_RADIUS_PX, StationLayout, clusterPlaces, type LayoutPoint } from '../../src/map/station-layout';
import { readPlaceTree, type PlaceTree } from '../../src/model/place-tree';
import { MAX_ZOOM } from '../../src/map/camera';

const real: LayoutPoint[] = (JSON.parse(readFileSync('data/stations.geojson', 'utf8')) as { features: { geometry: { coordinates: [number, number] } }[] }).features.map((f) => ({
  lon: f.geometry.coordinates[0],
  lat: f.geometry.coordinates[1],
}));

/** 3,000 points: cities with several stations, close neighbours, both sides of the antimeridian. */
function synthetic(): LayoutPoint[] {
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  const out: LayoutPoint[] = [];
  for (let i = 0; i < 3000; i++) {
    if (i % 10 === 9) out.push(out[i - 1]);
    else if (i % 7 === 0) out.push({ lon: 179.5 + random(), lat: -17 + random() });
    else if (i % 5 === 0) out.push({ lon: 2.3 + random() * 0.2, lat: 48.8 + random() * 0.1 });
    else out.push({ lon: Math.round((random() * 360 - 180) * 100) / 100, lat: Math.round((random() * 150 - 70) * 100) / 100 });
  }
  return out.map((p) => ({ lon: p.lon > 180 ? p.lon - 360 : p.lon, lat: p.lat }));
}

/** supercluster's own answer at a zoom: each badge's stations (sorted), centre and expansion zoom. */
function oracle(layout: StationLayout, zoom: number) {
  const index = new Supercluster<{ place: number }>({ radius: CLUSTER_RADIUS_PX, maxZoom: MAX_ZOOM - 1, minPoints: 2 });
  index.load(layout.places.map((p, i) => ({ type: 'Feature' as const, properties: { place: i }, geometry: { type: 'Point' as const, coordinates: [p.lon, p.lat] } })));
  return index
    .getClusters([-180, -90, 180, 90], zoom)
    .filter((f) => (f.properties as Partial<ClusterProperties>).cluster)
    .map((f) => {
      const id = (f.properties as ClusterProperties).cluster_id;
      const stations = index.getLeaves(id, Infinity).flatMap((leaf) => layout.places[leaf.properties.place].members);
      return { stations: stations.sort((a, b) => a - b).join(','), lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1], expansionZoom: index.getClusterExpansionZoom(id) };
    })
    .sort((a, b) => (a.stations < b.stations ? -1 : 1));
}

function ours(layout: StationLayout, zoom: number) {
  return layout
    .marks(zoom, () => true)
    .clusters.map((c) => ({ stations: c.members.join(','), lon: c.lon, lat: c.lat, expansionZoom: c.expansionZoom }))
    .sort((a, b) => (a.stations < b.stations ? -1 : 1));
}

describe('the places\' clusters at every zoom level (PlaceTree)', () => {
  for (const [name, points] of [['the real stations', real], ['3,000 synthetic stations', synthetic()]] as const) {
    it(`are supercluster's at each level, for ${name}`, () => {
      const layout = new StationLayout(points);
      let badges = 0;
      for (let zoom = 0; zoom <= MAX_ZOOM; zoom++) {
        const want = oracle(layout, zoom);
        const got = ours(layout, zoom);
        badges += got.length;
        expect(got.map((c) => c.stations), `zoom ${zoom}`).toEqual(want.map((c) => c.stations));
        expect(got.map((c) => c.expansionZoom), `zoom ${zoom}`).toEqual(want.map((c) => c.expansionZoom));
        // supercluster keeps its centres in 32-bit integers: the same to a few centimetres.
        got.forEach((c, i) => {
          expect(c.lon).toBeCloseTo(want[i].lon, 5);
          expect(c.lat).toBeCloseTo(want[i].lat, 5);
        });
      }
      expect(badges).toBeGreaterThan(20);
    });
  }

  it('read back from the overview\'s JSON, lay the stations out exactly as clustering them does', () => {
    const points = synthetic();
    const made = new StationLayout(points);
    const tree = readPlaceTree(JSON.parse(JSON.stringify(made.tree)));
    expect(tree).not.toBeNull();
    const read = new StationLayout(points, tree);
    expect(read.tree).toBe(tree);
    for (let zoom = 0; zoom <= MAX_ZOOM; zoom += 0.5) expect(read.marks(zoom, (i) => i % 3 > 0)).toEqual(made.marks(zoom, (i) => i % 3 > 0));
  });

  it('a tree of other places is not used: they are clustered again', () => {
    const other = clusterPlaces(real.slice(0, 20));
    const layout = new StationLayout(real, other);
    expect(layout.tree).not.toBe(other);
    expect(ours(layout, 2)).toEqual(ours(new StationLayout(real), 2));
  });

  it('a malformed tree is refused: only later clusters of lower zoom levels are parents', () => {
    const good: PlaceTree = { parent: [3, 3, 4, 4, -1], zoom: [5, 2] };
    expect(readPlaceTree(good)).toEqual(good);
    expect(readPlaceTree({ parent: [], zoom: [] })).toEqual({ parent: [], zoom: [] });
    for (const bad of [
      null,
      'tree',
      { parent: [3, 3, 4, 4, -1] },
      { parent: [3, 3, 4, 4, -1], zoom: [5, 5] }, // a parent made at the same zoom as its child
      { parent: [3, 3, 4, 3, -1], zoom: [5, 2] }, // its own parent
      { parent: [3, 3, 4, 4, 3], zoom: [5, 2] }, // a cycle, pointing back
      { parent: [1, 3, 4, 4, -1], zoom: [5, 2] }, // a place as a parent
      { parent: [3, 3, 4, 4, 9], zoom: [5, 2] }, // out of range
      { parent: [3, 3, 4, 4, -2], zoom: [5, 2] },
      { parent: [3, 3, 4.5, 4, -1], zoom: [5, 2] },
      { parent: [3, 3, 4, 4, -1], zoom: [5, -1] },
      { parent: [3, 3, 4, 4, -1], zoom: [5, '2'] },
      { parent: [-1], zoom: [1, 2] },
    ]) {
      expect(readPlaceTree(bad), JSON.stringify(bad)).toBeNull();
    }
  });
});
