// The light map: SVG in the same Web Mercator framing as the MapLibre camera. It paints first
// (before the MapLibre bundle arrives), stays interactive (click a station or a country), and
// remains the map when WebGL is unavailable. Stations are drawn as a few paths per status, not
// one element each: at 10,000 stations, an element each made the first frame's style and layout
// the slowest part of the load.
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { CountryProps } from './basemap';
import { countryResponseAsOf, statusAsOf, type MapModel } from '../model/model';
import type { AppState } from '../state/state';
import type { Dispatch } from '../state/store';
import { svgEl } from '../dom';
import { shapeAt } from '../shapes';
import { stationOffsets } from './offsets';
import { highlightedStations } from '../selection';
import { WORLD_BOUNDS, FIT_PADDING } from './framing';
import { fitBounds, polygonsPath, project, type Fit } from './projection';
import type { Palette } from './palette';

// Matches the MapLibre icons at the opening zoom (75 px² at icon-size 1, drawn at about 0.85).
const ICON_AREA = 58;
/** How far from an icon's centre a click still selects it, in pixels (the icons are about 9 across). */
const HIT_RADIUS = 8;
/** Stations are drawn in paths of one status per square of this many pixels. */
const CELL = 128;

/** The icons of one status in one square, and how many stations they stand for. */
interface Cell {
  readonly icons: string[];
  stations: number;
}

export class SvgMapView {
  private readonly svg: SVGSVGElement;
  private readonly world: SVGGElement;
  private readonly countryNodes = new Map<string, SVGPathElement>();
  /** Shapes with no ISO code (Kosovo, Somaliland, N. Cyprus): drawn, never shaded or selected. */
  private readonly otherNodes: SVGPathElement[] = [];
  /** Each station's icon centre in the SVG's pixels (x, y pairs), offsets for shared places included. */
  private positions = new Float64Array(0);
  /** Whether each station showed in the last render, for hit-testing and the tests' count. */
  private shown: boolean[] = [];
  private readonly stationGroup: SVGGElement;
  private readonly haloGroup: SVGGElement;
  private lastKey = '';
  private width = 0;
  private height = 0;

  constructor(
    private readonly container: HTMLElement,
    private model: MapModel,
    private readonly countries: FeatureCollection<Polygon | MultiPolygon, CountryProps>,
    private dispatch: Dispatch,
  ) {
    this.svg = svgEl('svg', { class: 'svg-map', role: 'group' });
    this.world = svgEl('g', { id: 'svg-world' });
    this.haloGroup = svgEl('g', { class: 'halos' });
    this.stationGroup = svgEl('g', { class: 'stations' });
    this.svg.append(svgEl('rect', { class: 'ocean', x: 0, y: 0, width: '100%', height: '100%' }), this.world);
    container.append(this.svg);
    this.svg.addEventListener('click', (e) => this.onClick(e));
    new ResizeObserver(() => {
      if (container.clientWidth !== this.width || container.clientHeight !== this.height) {
        this.lastKey = '';
        this.build();
        if (this.lastState) this.render(this.lastState, this.lastPalette!);
      }
    }).observe(container);
    this.build();
  }

  private lastState: AppState | null = null;
  private lastPalette: Palette | null = null;

  get element(): SVGSVGElement {
    return this.svg;
  }

  /** Projects like MapLibre's fitBounds on the same bounds, so the hand-over does not jump. */
  private build(): void {
    this.width = Math.max(1, this.container.clientWidth);
    this.height = Math.max(1, this.container.clientHeight);
    const fit: Fit = fitBounds(WORLD_BOUNDS, this.width, this.height, FIT_PADDING);
    this.svg.setAttribute('viewBox', `0 0 ${this.width} ${this.height}`);
    this.world.replaceChildren();
    this.countryNodes.clear();
    this.otherNodes.length = 0;
    const countryGroup = svgEl('g', { class: 'countries' });
    for (const f of this.countries.features) {
      const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      const node = svgEl('path', { d: polygonsPath(polygons, fit), 'data-iso': f.properties.iso, class: 'country' });
      countryGroup.append(node);
      if (f.properties.iso) this.countryNodes.set(f.properties.iso, node);
      else this.otherNodes.push(node);
    }
    const { slots, offsets } = stationOffsets(this.model.stations.map((s) => [s.lon, s.lat]));
    this.positions = new Float64Array(this.model.stations.length * 2);
    this.model.stations.forEach((s, i) => {
      const [x, y] = project(fit, s.lon, s.lat);
      this.positions[2 * i] = x + offsets[slots[i]][0];
      this.positions[2 * i + 1] = y + offsets[slots[i]][1];
    });
    this.world.append(countryGroup, this.haloGroup, this.stationGroup);
  }

  /**
   * Takes over from the preview drawn from the overview: the same stations in the same places
   * keep their positions, so only the next render's statuses change.
   */
  useModel(model: MapModel, dispatch: Dispatch): void {
    this.dispatch = dispatch;
    if (model === this.model) return;
    const before = this.model.stations;
    const samePlaces = model.stations.length === before.length && model.stations.every((s, i) => s.id === before[i].id && s.lon === before[i].lon && s.lat === before[i].lat);
    this.model = model;
    this.lastKey = '';
    if (!samePlaces) this.build();
  }

  render(state: AppState, palette: Palette): void {
    this.lastState = state;
    this.lastPalette = palette;
    const key = JSON.stringify([state.to, state.selection, palette.dark, this.width, this.height]);
    if (key === this.lastKey) return;
    this.lastKey = key;
    const { model } = this;
    const responseDefs = new Map(model.config.responses.map((r) => [r.id, r]));
    const none = model.config.responses[0];
    this.svg.style.setProperty('--svg-ocean', palette.ocean);
    for (const [iso, node] of this.countryNodes) {
      const def = model.countries.includes(iso) ? responseDefs.get(countryResponseAsOf(model, iso, state.to)) ?? none : none;
      node.setAttribute('fill', palette.dark ? def.darkColor : def.color);
      node.setAttribute('stroke', palette.border);
      node.classList.toggle('selected', state.selection?.kind === 'country' && state.selection.id === iso);
    }
    for (const node of this.otherNodes) {
      node.setAttribute('fill', palette.dark ? none.darkColor : none.color);
      node.setAttribute('stroke', palette.border);
    }
    // One path per status, precision (filled, or hollow for country-level places) and map cell,
    // in the statuses' order so that later statuses draw on top. The cells keep each path local:
    // a path spanning the map is replayed by every raster tile, which at 10,000 stations took
    // most of a second before the first frame could show.
    const groups = model.config.statuses.flatMap((def) => [false, true].map((hollow) => ({ def, hollow, draw: shapeAt(def.shape, ICON_AREA), cells: new Map<number, Cell>(), pixels: new Set<number>() })));
    const groupOf = new Map(groups.map((g) => [`${g.def.id}|${g.hollow}`, g]));
    const columns = Math.ceil(this.width / CELL) + 1;
    this.shown = model.stations.map((s, i) => {
      const status = statusAsOf(model, s, state.to);
      if (status === null) return false;
      const group = groupOf.get(`${status}|${s.props.locationPrecision === 'country'}`);
      if (group) {
        const x = this.positions[2 * i];
        const y = this.positions[2 * i + 1];
        const key = Math.floor(y / CELL) * columns + Math.floor(x / CELL);
        let cell = group.cells.get(key);
        if (!cell) group.cells.set(key, (cell = { icons: [], stations: 0 }));
        cell.stations++;
        // One icon per pixel: at world zoom 10,000 stations fall on under a thousand pixels, and
        // the same icon drawn again on the same pixel only costs raster time.
        const pixel = Math.round(y) * 65_536 + Math.round(x);
        if (!group.pixels.has(pixel)) {
          group.pixels.add(pixel);
          cell.icons.push(group.draw(x, y));
        }
      }
      return true;
    });
    this.stationGroup.replaceChildren(
      ...groups.flatMap(({ def, hollow, cells }) => {
        const color = palette.dark ? def.darkColor : def.color;
        return [...cells.values()].map(({ icons, stations }) =>
          svgEl('path', {
            class: 'station',
            d: icons.join(''),
            fill: hollow ? 'none' : color,
            stroke: hollow ? color : palette.iconOutline,
            'stroke-width': hollow ? '2.2' : '1.2',
            'data-status': def.id,
            // Stations the path stands for, those sharing a pixel included.
            'data-count': stations,
          }),
        );
      }),
    );
    this.haloGroup.replaceChildren(
      ...highlightedStations(model, state.selection)
        .filter((s) => this.shown[s.index])
        .map((s) => {
          const t = `translate(${this.positions[2 * s.index].toFixed(1)},${this.positions[2 * s.index + 1].toFixed(1)})`;
          return svgEl('circle', { transform: t, r: 11, fill: 'none', stroke: palette.highlight, 'stroke-width': 2.5 });
        }),
    );
  }

  /** The shown station nearest to a point of the SVG, within reach of a finger or cursor. */
  private stationAt(x: number, y: number): number | null {
    let best: number | null = null;
    let bestDistance = HIT_RADIUS * HIT_RADIUS;
    for (let i = 0; i < this.shown.length; i++) {
      if (!this.shown[i]) continue;
      const dx = this.positions[2 * i] - x;
      const dy = this.positions[2 * i + 1] - y;
      const d = dx * dx + dy * dy;
      if (d <= bestDistance) {
        best = i;
        bestDistance = d;
      }
    }
    return best;
  }

  private onClick(e: MouseEvent): void {
    const box = this.svg.getBoundingClientRect();
    const station = this.stationAt(((e.clientX - box.left) * this.width) / Math.max(1, box.width), ((e.clientY - box.top) * this.height) / Math.max(1, box.height));
    if (station !== null) {
      this.dispatch({ type: 'select', selection: { kind: 'station', id: this.model.stations[station].id } });
      return;
    }
    const iso = (e.target as Element).closest('.country')?.getAttribute('data-iso');
    if (iso && this.model.countries.includes(iso)) this.dispatch({ type: 'select', selection: { kind: 'country', id: iso } });
    else this.dispatch({ type: 'select', selection: null });
  }

  /** For tests: stations currently drawn. */
  shownStations(): number {
    return this.shown.filter(Boolean).length;
  }

  remove(): void {
    this.svg.remove();
  }
}
