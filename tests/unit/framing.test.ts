import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Topology } from 'topojson-specification';
import { countriesFromTopology } from '../../src/map/basemap';
import { cameraFor, countryBounds, defaultCamera, lazyMainlands, mainlandBounds, STATION_MIN_ZOOM, type FramingContext } from '../../src/map/framing';
import { projectPoint, wrapLon } from '../../src/map/camera';
import { StationLayout } from '../../src/map/station-layout';
import { iconScale } from '../../src/map/projection';
import { model, station } from './helpers';
import type { StationFeature } from '../../src/model/schema';
import { buildModel, type Model } from '../../src/model/model';
import { config } from './helpers';

const countries = countriesFromTopology(JSON.parse(readFileSync('node_modules/world-atlas/countries-110m.json', 'utf8')) as Topology);
const mainlands = mainlandBounds(countries);
const size = { width: 876, height: 460 };

function realModel(): Model {
  const stations = (JSON.parse(readFileSync('data/stations.geojson', 'utf8')) as { features: StationFeature[] }).features;
  return buildModel({ config, stations, events: JSON.parse(readFileSync('data/events.json', 'utf8')), sources: JSON.parse(readFileSync('data/sources.json', 'utf8')) });
}

function context(m: Model): FramingContext {
  return { model: m, layout: new StationLayout(m.stations), mainland: lazyMainlands(countries), defaultBounds: null };
}

const at = (s: StationFeature, lon: number, lat: number, precision: 'city' | 'country' = 'city'): StationFeature => ({
  ...s,
  geometry: { type: 'Point', coordinates: [lon, lat] },
  properties: { ...s.properties, locationPrecision: precision },
});

/** Whether a point is inside the view, padding excluded. */
function inView(cam: { lon: number; lat: number; zoom: number }, lon: number, lat: number, margin = 0): boolean {
  const [x, y] = projectPoint(cam, size, lon, lat);
  return x >= margin && x <= size.width - margin && y >= margin && y <= size.height - margin;
}

describe('mainlands', () => {
  it('computed one country at a time, they are those computed for all at once', () => {
    const lazy = lazyMainlands(countries);
    expect(mainlands.size).toBeGreaterThan(150);
    for (const [iso, bounds] of mainlands) expect(lazy(iso), iso).toEqual(bounds);
    expect(lazy('XX')).toBeNull();
  });
});

describe('framing a selection', () => {
  const real = realModel();
  const ctx = context(real);

  it('frames every station by default, with room around them', () => {
    const cam = defaultCamera(ctx, size);
    for (const s of real.stations) expect(inView(cam, s.lon, s.lat, 20), s.id).toBe(true);
    expect(cam.zoom).toBeGreaterThan(0.5);
  });

  it('frames a country to its stations (Italy), much closer than the world', () => {
    const cam = cameraFor({ kind: 'country', id: 'IT' }, ctx, size);
    for (const s of real.stationsByCountry.get('IT')!) expect(inView(cam, s.lon, s.lat, 20), s.id).toBe(true);
    expect(cam.zoom).toBeGreaterThan(defaultCamera(ctx, size).zoom + 2);
  });

  it('frames France without French Guiana and Réunion, the US without Alaska and Hawaii', () => {
    const fr = cameraFor({ kind: 'country', id: 'FR' }, ctx, size);
    expect(inView(fr, 2.35, 48.85)).toBe(true);
    expect(inView(fr, -53.1, 3.9)).toBe(false); // Cayenne
    expect(inView(fr, 55.5, -21.1)).toBe(false); // Réunion
    const us = cameraFor({ kind: 'country', id: 'US' }, ctx, size);
    expect(inView(us, -74, 40.7)).toBe(true);
    expect(inView(us, -149.9, 61.2)).toBe(false); // Anchorage
    expect(inView(us, -157.9, 21.3)).toBe(false); // Honolulu
  });

  it('keeps the country itself in view when its stations line a border or share a city', () => {
    // Canada's stations are near the US border: the frame reaches into Canada, not only the US.
    const ca = cameraFor({ kind: 'country', id: 'CA' }, ctx, size);
    expect(inView(ca, -79.38, 43.65)).toBe(true); // Toronto
    expect(inView(ca, -123.1, 49.28)).toBe(true); // Vancouver
    expect(inView(ca, -100, 56)).toBe(true); // Manitoba
    // France's stations are around Paris: the frame reaches the middle of France.
    const fr = cameraFor({ kind: 'country', id: 'FR' }, ctx, size);
    expect(inView(fr, 2.35, 48.85)).toBe(true);
    expect(inView(fr, 2.5, 46.5)).toBe(true);
  });

  it('keeps an overseas place in the frame when a station is there', () => {
    const m = model([at(station('fr-paris', 'FR', '2022-09-12'), 2.35, 48.85), at(station('fr-cayenne', 'FR', '2022-09-12'), -52.33, 4.94)], []);
    const cam = cameraFor({ kind: 'country', id: 'FR' }, context(m), size);
    expect(inView(cam, 2.35, 48.85, 20)).toBe(true);
    expect(inView(cam, -52.33, 4.94, 20)).toBe(true);
  });

  it('frames a country with events only (China) to its mainland', () => {
    expect(real.stationsByCountry.get('CN')).toBeUndefined();
    const cam = cameraFor({ kind: 'country', id: 'CN' }, ctx, size);
    expect(inView(cam, 116.4, 39.9)).toBe(true); // Beijing
    expect(inView(cam, 87.6, 43.8)).toBe(true); // Ürümqi
    expect(cam.zoom).toBeGreaterThan(2);
  });

  it('frames across the antimeridian (a fixture: stations in Fiji and Russia)', () => {
    const fiji = model([at(station('fj-suva', 'FJ', '2022-09-12'), 178.44, -18.14), at(station('fj-labasa', 'FJ', '2022-09-12'), 179.39, -16.43), at(station('fj-taveuni', 'FJ', '2022-09-12'), -179.97, -16.8)], []);
    const cam = cameraFor({ kind: 'country', id: 'FJ' }, context(fiji), size);
    expect(Math.abs(wrapLon(cam.lon - 179.2))).toBeLessThan(0.5);
    for (const s of fiji.stations) expect(inView(cam, s.lon, s.lat, 20), s.id).toBe(true);
    // Russia with a station only at country level: its mainland, which crosses the antimeridian.
    const ru = model([at(station('ru-unlocated', 'RU', '2022-09-12'), 97.7, 61.9, 'country')], []);
    const b = countryBounds('RU', context(ru))!;
    expect(b[2] - b[0]).toBeLessThan(200);
    expect(b[2]).toBeGreaterThan(180);
    const rc = cameraFor({ kind: 'country', id: 'RU' }, context(ru), size);
    expect(inView(rc, 37.6, 55.75)).toBe(true); // Moscow
    expect(inView(rc, 177.5, 64.7)).toBe(true); // Anadyr
  });

  it('centres a station at a zoom where its neighbours separate, at least zoom 5', () => {
    const layout = ctx.layout;
    for (const s of real.stations) {
      const cam = cameraFor({ kind: 'station', id: s.id }, ctx, size);
      expect(cam.zoom, s.id).toBeGreaterThanOrEqual(STATION_MIN_ZOOM);
      const marks = layout.marks(cam.zoom, () => true);
      expect(marks.clusters.some((c) => c.members.includes(s.index)), s.id).toBe(false);
      // Its icon is drawn near the centre (its fan offset at most).
      const [x, y] = projectPoint(cam, size, s.lon, s.lat);
      expect(Math.hypot(x - size.width / 2, y - size.height / 2), s.id).toBeLessThan(1);
    }
  });

  it('uses the story\'s own default bounds when the config names them', () => {
    const cam = defaultCamera({ ...ctx, defaultBounds: [-10, 35, 30, 60] }, size);
    expect(inView(cam, -9, 36)).toBe(true);
    expect(inView(cam, -74, 40.7)).toBe(false);
  });
});

describe('the stations\' layout', () => {
  const real = realModel();
  const layout = new StationLayout(real.stations);

  /** Every drawn mark's centre in pixels at a zoom (the stations' fans included). */
  function drawn(zoom: number, shown: (i: number) => boolean = () => true): { x: number; y: number; what: string }[] {
    const cam = { lon: 10, lat: 30, zoom };
    const big = { width: 100_000, height: 100_000 };
    const marks = layout.marks(zoom, shown);
    const scale = iconScale(zoom);
    const out: { x: number; y: number; what: string }[] = [];
    real.stations.forEach((s, i) => {
      if (!marks.single[i]) return;
      const [x, y] = projectPoint(cam, big, s.lon, s.lat);
      out.push({ x: x + layout.offsets[2 * i] * scale, y: y + layout.offsets[2 * i + 1] * scale, what: s.id });
    });
    for (const c of marks.clusters) {
      const [x, y] = projectPoint(cam, big, c.lon, c.lat);
      out.push({ x, y, what: `cluster of ${c.members.length}` });
    }
    return out;
  }

  it('hides no station at any zoom: marks are at least an icon apart, and every station is drawn or counted', () => {
    for (let zoom = 0; zoom <= 12; zoom += 0.5) {
      const marks = layout.marks(zoom, () => true);
      const counted = marks.clusters.reduce((n, c) => n + c.members.length, 0) + marks.single.reduce((n, v) => n + v, 0);
      expect(counted).toBe(real.stations.length);
      const pts = drawn(zoom);
      for (let i = 0; i < pts.length; i++) {
        for (let j = i + 1; j < pts.length; j++) {
          const d = Math.hypot(pts[i].x - pts[j].x, pts[i].y - pts[j].y);
          expect(d, `${pts[i].what} and ${pts[j].what} at zoom ${zoom}`).toBeGreaterThanOrEqual(14 * iconScale(zoom));
        }
      }
    }
  });

  it('fans out stations that share a place by more than an icon', () => {
    const madrid = real.stations.filter((s) => s.props.country === 'ES' && Math.abs(s.lon + 3.7) < 0.05);
    expect(madrid.length).toBeGreaterThan(1);
    const pts = madrid.map((s) => [layout.offsets[2 * s.index], layout.offsets[2 * s.index + 1]]);
    for (let i = 0; i < pts.length; i++) for (let j = i + 1; j < pts.length; j++) expect(Math.hypot(pts[i][0] - pts[j][0], pts[i][1] - pts[j][1])).toBeGreaterThanOrEqual(16.9);
  });

  it('groups European stations at the default zoom, and counts only the shown ones', () => {
    const zoom = 1.2;
    const marks = layout.marks(zoom, () => true);
    expect(marks.clusters.length).toBeGreaterThan(0);
    expect(Math.max(...marks.clusters.map((c) => c.members.length))).toBeGreaterThan(5);
    const none = layout.marks(zoom, () => false);
    expect(none.clusters).toEqual([]);
    expect(none.single.every((v) => v === 0)).toBe(true);
    // A badge with one shown station draws that station instead.
    const first = marks.clusters[0].members[0];
    const one = layout.marks(zoom, (i) => i === first);
    expect(one.clusters).toEqual([]);
    expect(one.single[first]).toBe(1);
    // Badges open: they split at a deeper zoom.
    for (const c of marks.clusters) expect(c.expansionZoom).toBeGreaterThan(Math.floor(zoom));
  });
});
