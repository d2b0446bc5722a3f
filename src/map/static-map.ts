// A static SVG map of the world as of a day, drawn with d3-geo from the same model as the app.
// It is the build's no-JS fallback and social-card image, and the printed map.
import { geoNaturalEarth1, geoPath } from 'd3';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { CountryProps } from './basemap';
import { countryResponseAsOf, stationsAsOf, type Model } from '../model/model.ts';
import { shapePath } from '../shapes.ts';
import { formatDay } from '../model/dates.ts';
import { escapeHtml } from '../escape-html.ts';

export const PREVIEW_WIDTH = 1200;
export const PREVIEW_HEIGHT = 630;


export function staticMapSvg(model: Model, countries: FeatureCollection<Polygon | MultiPolygon, CountryProps>, day = model.end): string {
  const W = PREVIEW_WIDTH;
  const H = PREVIEW_HEIGHT;
  const mapTop = 86;
  const legendH = 64;
  const projection = geoNaturalEarth1().fitExtent([[10, mapTop], [W - 10, H - legendH]], { type: 'Sphere' });
  const path = geoPath(projection);
  const { config } = model;
  const responseColor = new Map(config.responses.map((r) => [r.id, r.color]));
  const statusDef = new Map(config.statuses.map((s) => [s.id, s]));
  const shown = stationsAsOf(model, day);
  const countryPaths = countries.features
    .map((f) => {
      const fill = f.properties.iso ? responseColor.get(countryResponseAsOf(model, f.properties.iso, day)) : config.responses[0].color;
      return `<path d="${path(f) ?? ''}" fill="${fill}" stroke="#8a96a3" stroke-width="0.5"/>`;
    })
    .join('');
  const stations = shown
    .map(({ station, status }) => {
      const p = projection([station.lon, station.lat]);
      if (!p) return '';
      const def = statusDef.get(status)!;
      const hollow = station.props.locationPrecision === 'country';
      return `<path transform="translate(${p[0].toFixed(1)},${p[1].toFixed(1)})" d="${shapePath(def.shape, 70)}" fill="${hollow ? 'none' : def.color}" stroke="${hollow ? def.color : '#ffffff'}" stroke-width="${hollow ? 2 : 1}"/>`;
    })
    .join('');
  const counts = new Set(shown.map((s) => s.station.props.country)).size;
  // Labels are laid out by an estimate of their width (no font metrics at build time).
  let x = 24;
  const legend = config.statuses
    .map((s) => {
      const g = `<g transform="translate(${x},${H - 30})"><path d="${shapePath(s.shape, 90)}" fill="${s.color}" stroke="#fff"/><text x="12" y="5" font-size="15" fill="#333">${escapeHtml(s.label.en)}</text></g>`;
      x += 40 + s.label.en.length * 8.2;
      return g;
    })
    .join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="Noto Sans, DejaVu Sans, Arial, sans-serif">`,
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    `<path d="${path({ type: 'Sphere' }) ?? ''}" fill="#dce6ee"/>`,
    countryPaths,
    stations,
    `<text x="24" y="40" font-size="26" font-weight="700" fill="#1b1f24">${escapeHtml(config.title.en)}</text>`,
    `<text x="24" y="70" font-size="17" fill="#545d68">${escapeHtml(`${shown.length} stations in ${counts} countries as of ${formatDay(day)}`)}</text>`,
    legend,
    '</svg>',
  ].join('');
}
