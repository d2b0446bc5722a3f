// The light map: SVG drawn with d3-geo in the same Web Mercator framing as the MapLibre camera.
// It paints first (before the MapLibre bundle arrives), stays interactive (click a station or a
// country), and remains the map when WebGL is unavailable.
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { CountryProps } from './basemap';
import { countryResponseAsOf, statusAsOf, type Model } from '../model/model';
import type { AppState } from '../state/state';
import type { Dispatch } from '../state/store';
import { svgEl } from '../dom';
import { shapePath } from '../shapes';
import { stationOffsets } from './offsets';
import { highlightedStations } from '../selection';
import { WORLD_BOUNDS, FIT_PADDING } from './framing';
import { fitBounds, polygonsPath, project, type Fit } from './projection';
import type { Palette } from './palette';

// Matches the MapLibre icons at the opening zoom (75 px² at icon-size 1, drawn at about 0.85).
const ICON_AREA = 58;

export class SvgMapView {
  private readonly svg: SVGSVGElement;
  private readonly world: SVGGElement;
  private readonly countryNodes = new Map<string, SVGPathElement>();
  /** Shapes with no ISO code (Kosovo, Somaliland, N. Cyprus): drawn, never shaded or selected. */
  private readonly otherNodes: SVGPathElement[] = [];
  private readonly stationNodes: SVGPathElement[] = [];
  private readonly haloGroup: SVGGElement;
  private lastKey = '';
  private width = 0;
  private height = 0;

  constructor(
    private readonly container: HTMLElement,
    private readonly model: Model,
    private readonly countries: FeatureCollection<Polygon | MultiPolygon, CountryProps>,
    private readonly dispatch: Dispatch,
  ) {
    this.svg = svgEl('svg', { class: 'svg-map', role: 'group' });
    this.world = svgEl('g', { id: 'svg-world' });
    this.haloGroup = svgEl('g', { class: 'halos' });
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
    this.stationNodes.length = 0;
    const countryGroup = svgEl('g', { class: 'countries' });
    for (const f of this.countries.features) {
      const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      const node = svgEl('path', { d: polygonsPath(polygons, fit), 'data-iso': f.properties.iso, class: 'country' });
      countryGroup.append(node);
      if (f.properties.iso) this.countryNodes.set(f.properties.iso, node);
      else this.otherNodes.push(node);
    }
    const { slots, offsets } = stationOffsets(this.model.stations.map((s) => [s.lon, s.lat]));
    const stationGroup = svgEl('g', { class: 'stations' });
    this.haloGroup.replaceChildren();
    this.model.stations.forEach((s, i) => {
      const p = project(fit, s.lon, s.lat);
      const [dx, dy] = offsets[slots[i]];
      const node = svgEl('path', { transform: `translate(${(p[0] + dx).toFixed(1)},${(p[1] + dy).toFixed(1)})`, 'data-index': i, class: 'station', display: 'none' });
      stationGroup.append(node);
      this.stationNodes.push(node);
    });
    this.world.append(countryGroup, this.haloGroup, stationGroup);
  }

  render(state: AppState, palette: Palette): void {
    this.lastState = state;
    this.lastPalette = palette;
    const key = JSON.stringify([state.to, state.selection, palette.dark, this.width, this.height]);
    if (key === this.lastKey) return;
    this.lastKey = key;
    const { model } = this;
    const statusDefs = new Map(model.config.statuses.map((s) => [s.id, s]));
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
    model.stations.forEach((s, i) => {
      const node = this.stationNodes[i];
      const status = statusAsOf(model, s, state.to);
      if (status === null) {
        node.setAttribute('display', 'none');
        return;
      }
      const def = statusDefs.get(status)!;
      const color = palette.dark ? def.darkColor : def.color;
      const hollow = s.props.locationPrecision === 'country';
      node.setAttribute('display', 'inline');
      node.setAttribute('d', shapePath(def.shape, ICON_AREA));
      node.setAttribute('fill', hollow ? 'none' : color);
      node.setAttribute('stroke', hollow ? color : palette.iconOutline);
      node.setAttribute('stroke-width', hollow ? '2.2' : '1.2');
      node.setAttribute('data-status', status);
    });
    this.haloGroup.replaceChildren(
      ...highlightedStations(model, state.selection)
        .filter((s) => statusAsOf(model, s, state.to) !== null)
        .map((s) => {
          const t = this.stationNodes[s.index].getAttribute('transform') ?? '';
          return svgEl('circle', { transform: t, r: 11, fill: 'none', stroke: palette.highlight, 'stroke-width': 2.5 });
        }),
    );
  }

  private onClick(e: MouseEvent): void {
    const target = e.target as Element;
    const station = target.closest('.station');
    if (station) {
      const s = this.model.stations[Number(station.getAttribute('data-index'))];
      this.dispatch({ type: 'select', selection: { kind: 'station', id: s.id } });
      return;
    }
    const iso = target.closest('.country')?.getAttribute('data-iso');
    if (iso && this.model.countries.includes(iso)) this.dispatch({ type: 'select', selection: { kind: 'country', id: iso } });
    else this.dispatch({ type: 'select', selection: null });
  }

  /** For tests: stations currently drawn. */
  shownStations(): number {
    return this.stationNodes.filter((n) => n.getAttribute('display') === 'inline').length;
  }

  remove(): void {
    this.svg.remove();
  }
}
