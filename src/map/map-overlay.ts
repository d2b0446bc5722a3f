// The map's pointer and keyboard layer, the same over the SVG map and the WebGL map: hover and
// focus show a tooltip (role="tooltip") naming the mark, a click or Enter selects a station or a
// country or opens a badge, and from the map's one tab stop keys pan, zoom and go from station
// to station, each announced with its tooltip's words.
import { el, replaceChildren } from '../dom';
import type { Dispatch } from '../state/store';
import type { Hover } from '../state/hover';
import type { I18n } from '../i18n';
import type { MapModel, Model } from '../model/model';
import { projectPoint, unprojectPoint, type Camera, type Size } from './camera';
import { iconScale } from './projection';
import { HIDDEN, type MapContent } from './map-content';
import type { CountryIndex } from './country-hit';
import type { ClusterMark, StationLayout } from './station-layout';
import { clusterText, countryText, spoken, stationText, type MarkText } from './mark-text';

/** A mark under the pointer or the keyboard's focus. */
export type Mark =
  | { readonly kind: 'station'; readonly index: number; readonly x: number; readonly y: number }
  | { readonly kind: 'cluster'; readonly cluster: ClusterMark; readonly x: number; readonly y: number }
  | { readonly kind: 'country'; readonly iso: string; readonly x: number; readonly y: number };

/** What the overlay needs of the map host. */
export interface OverlayHost {
  camera(): Camera;
  size(): Size;
  /** The reader moved the map (keys): the host moves the current renderer. */
  moveCamera(camera: Camera): void;
  panBy(dx: number, dy: number): void;
  zoomBy(delta: number): void;
  /** A badge opens: the camera goes where its stations separate. */
  openCluster(cluster: ClusterMark): void;
}

export interface OverlayData {
  readonly model: MapModel;
  readonly full: Model | null;
  readonly layout: StationLayout;
  readonly content: MapContent;
  /** Made on first use: the pointer's first move over the map, not the first paint. */
  readonly countries: () => CountryIndex;
  readonly t: I18n;
}

const HIT_SLOP = 4;
const PAN_STEP = 100;
/** Moves shorter than this between press and release are clicks. */
const CLICK_SLOP = 5;

export class MapOverlay {
  private readonly tooltip: HTMLElement;
  private readonly live: HTMLElement;
  private readonly keysHelp: HTMLElement;
  private data: OverlayData | null = null;
  /** The keyboard's mark, kept by what it is so that it survives a redraw. */
  private active: Mark | null = null;
  private pressed: { x: number; y: number } | null = null;
  private pointerMark: Mark | null = null;

  constructor(
    private readonly container: HTMLElement,
    private readonly host: OverlayHost,
    private readonly dispatch: Dispatch,
    private readonly hover: Hover,
  ) {
    this.tooltip = el('div', { class: 'map-tooltip', role: 'tooltip', id: 'map-tooltip', hidden: true });
    this.live = el('p', { class: 'visually-hidden', id: 'map-live', 'aria-live': 'polite' });
    this.keysHelp = el('p', { class: 'visually-hidden', id: 'map-keys' });
    container.append(this.tooltip, this.live, this.keysHelp);
    container.tabIndex = 0;
    container.setAttribute('role', 'application');
    container.setAttribute('aria-roledescription', 'map');
    container.setAttribute('aria-describedby', 'map-keys');
    container.addEventListener('pointerdown', (e) => {
      this.pressed = { x: e.clientX, y: e.clientY };
    });
    container.addEventListener('click', (e) => this.onClick(e));
    container.addEventListener('pointermove', (e) => this.onPointerMove(e));
    container.addEventListener('pointerleave', () => this.setPointerMark(null));
    container.addEventListener('keydown', (e) => this.onKey(e));
    container.addEventListener('blur', () => this.setActive(null, false));
  }

  /** New data or a new day, camera or language: a tooltip shown follows its mark. */
  update(data: OverlayData): void {
    const lang = this.data?.t.lang;
    this.data = data;
    if (lang !== data.t.lang) this.keysHelp.textContent = data.t.t('mapKeysHelp');
    // Nothing shown (most moves of the map): nothing to do.
    if (this.active) this.setActive(this.refind(this.active), false);
    else if (this.pointerMark && !this.tooltip.hidden) this.showTooltip(this.refind(this.pointerMark));
  }

  /** The same mark after the map moved or the date changed, at its new place (or gone). */
  private refind(mark: Mark): Mark | null {
    const marks = this.marks();
    if (mark.kind === 'country') {
      const [x, y] = this.data ? this.lonLatPoint(mark) : [mark.x, mark.y];
      return { ...mark, x, y };
    }
    if (mark.kind === 'station') return marks.find((m) => m.kind === 'station' && m.index === mark.index) ?? marks.find((m) => m.kind === 'cluster' && m.cluster.members.includes(mark.index)) ?? null;
    return marks.find((m) => m.kind === 'cluster' && m.cluster.members.some((i) => mark.cluster.members.includes(i))) ?? null;
  }

  private lonLatPoint(mark: Mark): [number, number] {
    return [mark.x, mark.y];
  }

  /** Every mark drawn in view, stations and badges, in reading order (west to east, then north to south). */
  marks(): Mark[] {
    const d = this.data;
    if (!d) return [];
    const cam = this.host.camera();
    const size = this.host.size();
    const scale = iconScale(cam.zoom);
    const { single, clusters } = d.layout.marks(cam.zoom, (i) => d.content.status[i] !== HIDDEN);
    const out: Mark[] = [];
    const inView = (x: number, y: number) => x >= 0 && y >= 0 && x <= size.width && y <= size.height;
    for (let i = 0; i < single.length; i++) {
      if (!single[i]) continue;
      const s = d.model.stations[i];
      const [px, py] = projectPoint(cam, size, s.lon, s.lat);
      const x = px + d.layout.offsets[2 * i] * scale;
      const y = py + d.layout.offsets[2 * i + 1] * scale;
      if (inView(x, y)) out.push({ kind: 'station', index: i, x, y });
    }
    for (const c of clusters) {
      const [x, y] = projectPoint(cam, size, c.lon, c.lat);
      if (inView(x, y)) out.push({ kind: 'cluster', cluster: c, x, y });
    }
    return out.sort((a, b) => a.x - b.x || a.y - b.y);
  }

  /** The mark under a point of the map: a badge or station within reach, else the country. */
  markAt(x: number, y: number): Mark | null {
    const d = this.data;
    if (!d) return null;
    const scale = iconScale(this.host.camera().zoom);
    let best: Mark | null = null;
    let bestD = Infinity;
    for (const m of this.marks()) {
      const reach = (m.kind === 'cluster' ? 12 + 2.5 * String(m.cluster.members.length).length : 7) * scale + HIT_SLOP;
      const dist = Math.hypot(m.x - x, m.y - y);
      if (dist <= reach && dist < bestD) {
        best = m;
        bestD = dist;
      }
    }
    if (best) return best;
    const [lon, lat] = unprojectPoint(this.host.camera(), this.host.size(), x, y);
    const iso = d.countries().at(lon, lat);
    return iso && d.model.countries.includes(iso) ? { kind: 'country', iso, x, y } : null;
  }

  private local(e: MouseEvent): [number, number] {
    const box = this.container.getBoundingClientRect();
    return [e.clientX - box.left, e.clientY - box.top];
  }

  private onClick(e: MouseEvent): void {
    const start = this.pressed;
    this.pressed = null;
    if (start && Math.hypot(e.clientX - start.x, e.clientY - start.y) > CLICK_SLOP) return;
    // Controls inside the map (MapLibre's attribution) keep their own clicks.
    if ((e.target as Element).closest('button, a, details')) return;
    const [x, y] = this.local(e);
    this.activate(this.markAt(x, y));
  }

  private activate(mark: Mark | null): void {
    const d = this.data;
    if (!mark) this.dispatch({ type: 'select', selection: null });
    else if (mark.kind === 'cluster') this.host.openCluster(mark.cluster);
    else if (mark.kind === 'station' && d) this.dispatch({ type: 'select', selection: { kind: 'station', id: d.model.stations[mark.index].id } });
    else if (mark.kind === 'country') this.dispatch({ type: 'select', selection: { kind: 'country', id: mark.iso } });
  }

  private pending: PointerEvent | null = null;
  private onPointerMove(e: PointerEvent): void {
    if (e.pointerType === 'touch') return;
    // Hit-testing walks every mark: once per frame at most, however fast the pointer moves.
    if (this.pending === null) {
      requestAnimationFrame(() => {
        const last = this.pending!;
        this.pending = null;
        if (last.buttons !== 0) return this.setPointerMark(null);
        const [x, y] = this.local(last);
        this.setPointerMark(this.markAt(x, y));
      });
    }
    this.pending = e;
  }

  private setPointerMark(mark: Mark | null): void {
    this.pointerMark = mark;
    this.container.style.cursor = mark && mark.kind !== 'country' ? 'pointer' : mark ? 'pointer' : '';
    if (this.active) return;
    this.showTooltip(mark);
    this.hover.set(this.hoverTarget(mark));
  }

  private hoverTarget(mark: Mark | null): { kind: 'station' | 'country'; id: string } | null {
    const d = this.data;
    if (!mark || !d) return null;
    if (mark.kind === 'station') return { kind: 'station', id: d.model.stations[mark.index].id };
    if (mark.kind === 'country') return { kind: 'country', id: mark.iso };
    return null;
  }

  /** The hovered or focused badge, for the renderer's ring. */
  get hoveredCluster(): number | undefined {
    const m = this.active ?? this.pointerMark;
    return m?.kind === 'cluster' ? m.cluster.id : undefined;
  }

  private text(mark: Mark): MarkText | null {
    const d = this.data;
    if (!d) return null;
    if (mark.kind === 'station') return stationText(d.model, d.full, d.content, mark.index, d.t);
    if (mark.kind === 'cluster') return clusterText(d.model, d.full, mark.cluster.members, d.t);
    return countryText(d.model, d.content, mark.iso, d.t);
  }

  private showTooltip(mark: Mark | null): void {
    const text = mark ? this.text(mark) : null;
    if (!mark || !text) {
      this.tooltip.hidden = true;
      return;
    }
    replaceChildren(this.tooltip, [el('strong', {}, [text.title]), ...text.lines.map((l) => el('span', {}, [l]))]);
    this.tooltip.lang = this.data?.t.lang ?? '';
    this.tooltip.hidden = false;
    // Above the mark, kept inside the map.
    const size = this.host.size();
    const w = this.tooltip.offsetWidth;
    const h = this.tooltip.offsetHeight;
    const left = Math.max(4, Math.min(size.width - w - 4, mark.x - w / 2));
    const top = mark.y - h - 14 >= 4 ? mark.y - h - 14 : Math.min(size.height - h - 4, mark.y + 16);
    this.tooltip.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
  }

  /** The keyboard's mark: tooltip, highlight and an announcement. */
  private setActive(mark: Mark | null, announce: boolean): void {
    this.active = mark;
    this.container.setAttribute('aria-describedby', mark ? 'map-keys map-tooltip' : 'map-keys');
    this.showTooltip(mark ?? this.pointerMark);
    this.hover.set(this.hoverTarget(mark ?? this.pointerMark));
    const text = mark && this.text(mark);
    if (announce && text) this.live.textContent = spoken(text);
  }

  private onKey(e: KeyboardEvent): void {
    if (e.ctrlKey || e.metaKey) return;
    const arrows: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    const dir = arrows[e.key];
    let handled = true;
    if (dir && e.altKey) this.step(this.nearest(dir));
    else if (dir) this.host.panBy(dir[0] * PAN_STEP * (e.shiftKey ? 3 : 1), dir[1] * PAN_STEP * (e.shiftKey ? 3 : 1));
    else if (e.key === '+' || e.key === '=') this.host.zoomBy(1);
    else if (e.key === '-' || e.key === '_') this.host.zoomBy(-1);
    else if (e.key === 'n' || e.key === 'N' || e.key === 'PageDown' || e.key === ']') this.step(this.inOrder(1));
    else if (e.key === 'p' || e.key === 'P' || e.key === 'PageUp' || e.key === '[') this.step(this.inOrder(-1));
    else if (e.key === 'Home') this.step(this.marks()[0] ?? null);
    else if (e.key === 'End') this.step(this.marks().at(-1) ?? null);
    else if ((e.key === 'Enter' || e.key === ' ') && this.active) this.activate(this.active);
    else if (e.key === 'Escape' && this.active) {
      this.setActive(null, false);
      // The selection stays: a second Escape clears it (the page's own handler).
      e.stopPropagation();
    } else handled = false;
    if (handled) e.preventDefault();
  }

  private step(mark: Mark | null): void {
    if (mark) this.setActive(mark, true);
  }

  private inOrder(delta: number): Mark | null {
    const marks = this.marks();
    if (marks.length === 0) return null;
    const at = this.active ? marks.findIndex((m) => sameMark(m, this.active!)) : -1;
    if (at < 0) return delta > 0 ? marks[0] : marks[marks.length - 1];
    return marks[(at + delta + marks.length) % marks.length];
  }

  /** The nearest mark whose direction from the active one is within 45° of the arrow's. */
  private nearest([dx, dy]: [number, number]): Mark | null {
    const marks = this.marks();
    const from = this.active ?? { x: this.host.size().width / 2, y: this.host.size().height / 2 };
    let best: Mark | null = null;
    let bestD = Infinity;
    for (const m of marks) {
      if (this.active && sameMark(m, this.active)) continue;
      const vx = m.x - from.x;
      const vy = m.y - from.y;
      const along = vx * dx + vy * dy;
      const across = Math.abs(vx * dy - vy * dx);
      if (along <= 0 || across > along) continue;
      const dist = along + 2 * across;
      if (dist < bestD) {
        best = m;
        bestD = dist;
      }
    }
    return best;
  }

  /** For the host: the keyboard's current mark, if the reader is using the keys. */
  get activeMark(): Mark | null {
    return this.active;
  }
}

function sameMark(a: Mark, b: Mark): boolean {
  if (a.kind === 'station' && b.kind === 'station') return a.index === b.index;
  if (a.kind === 'cluster' && b.kind === 'cluster') return a.cluster.id === b.cluster.id;
  if (a.kind === 'country' && b.kind === 'country') return a.iso === b.iso;
  return false;
}
