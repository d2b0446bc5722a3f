// The D3 timeline: a UTC axis that zooms and pans, one mark per event stacked so none overlap,
// and a range brush whose two handles are keyboard sliders. It reads the state and sends intents.
// Marks are drawn on a canvas (100,000 of them must stay smooth); where they would overlap at
// the current zoom, a density strip stands in for them until zooming in spreads them out. Axis
// and brush stay SVG. While the events load, the marks come from the overview: drawn where they
// will be, but not yet to be hovered, clicked or stepped through.
import { axisBottom, drag, scaleUtc, select, zoom, zoomIdentity, type D3ZoomEvent, type ScaleTime, type Selection, type ZoomBehavior, type ZoomTransform } from 'd3';
import { addMonths, dateToDay, dayToDate, formatDay, type Day } from '../model/dates';
import type { EventMark, MapModel, Model, TimedEvent } from '../model/model';
import type { AppState } from '../state/state';
import type { Dispatch } from '../state/store';
import type { Hover } from '../state/hover';
import { el, svgEl } from '../dom';
import { shapePath, isHollow } from '../shapes';
import type { Shape } from '../model/schema';
import { highlightedEvents } from '../selection';
import { layoutMarks, maxZoomFor, placeAnnotations, type MarkLayout } from './layout';
import type { I18n } from '../i18n';
import { dateFormat, eventWhenLabel } from '../i18n/date-labels';
import { typeStyles, type TypeStyle } from '../model/vocabulary';
import { dateSpan } from '../model/dates';

const MARK_SIZE = 12;
const LANE = 14;
const AXIS_H = 24;
/** The row of key moments' labels, above the marks. */
const ANNOTATION_H = 16;
const TOP = 10 + ANNOTATION_H;
const HANDLE_W = 14;
const MARGIN_X = 16;
/** Above this many lanes, marks are counted instead of drawn, until zooming in spreads them out. */
const MAX_LANES = 8;
const DENSITY_BUCKET_PX = 4;
const DENSITY_H = 12;

export interface TimelineOptions {
  readonly container: HTMLElement;
  /** The story's span and config; the events come with `useModel`. */
  readonly model: MapModel;
  /** Where the marks go until then (`Preview.marks`), or the model's events. */
  readonly marks: readonly EventMark[];
  readonly dispatch: Dispatch;
  /** Linked highlighting: a mark hovered or focused here lights up its station or country on the map, and back. */
  readonly hover: Hover;
  readonly dark: () => boolean;
}

export class TimelineView {
  private readonly opts: TimelineOptions;
  private model: MapModel;
  /** Null while the events load. */
  private full: Model | null = null;
  private marks: readonly EventMark[];
  private readonly svg: SVGSVGElement;
  private readonly canvas: HTMLCanvasElement;
  /** The marks' one tab stop: arrows move the active mark, Enter selects it. */
  private readonly marksFocus: HTMLElement;
  private readonly announcer: HTMLElement;
  private readonly axisGroup: SVGGElement;
  private readonly rangeRect: SVGRectElement;
  private readonly shadeLeft: SVGRectElement;
  private readonly shadeRight: SVGRectElement;
  private readonly handles: { from: SVGGElement; to: SVGGElement };
  private readonly tooltip: HTMLElement;
  private readonly zoomBehavior: ZoomBehavior<SVGSVGElement, unknown>;
  private readonly typeDefs: ReadonlyMap<string, TypeStyle>;
  private readonly annotationGroup: SVGGElement;
  private base: ScaleTime<number, number>;
  private x: ScaleTime<number, number>;
  private transform: ZoomTransform = zoomIdentity;
  private width = 600;
  private height = 120;
  private state: AppState | null = null;
  private i18n: I18n | null = null;
  private activeIndex = -1;
  private hoverIndex = -1;
  /** The marks of the shown types, in date order; `shown` is the same list once the events are in. */
  private visible: readonly EventMark[] = [];
  private shown: readonly TimedEvent[] | null = null;
  private xs = new Float64Array(0);
  private layout: MarkLayout = { lanes: new Int32Array(0), laneCount: 1, density: new Map() };
  private layoutKey = '';
  private paintKey = '';
  private axisKey = '';
  private marksH = LANE;
  private readonly shapes = new Map<Shape, Path2D>();

  constructor(opts: TimelineOptions) {
    this.opts = opts;
    this.model = opts.model;
    this.marks = opts.marks;
    this.typeDefs = typeStyles(opts.model.config);
    this.base = this.baseScale();
    this.x = this.base;
    this.svg = svgEl('svg', { class: 'timeline-svg', role: 'group' });
    this.axisGroup = svgEl('g', { class: 'axis', 'aria-hidden': 'true' });
    this.annotationGroup = svgEl('g', { class: 'annotations' });
    this.shadeLeft = svgEl('rect', { class: 'shade' });
    this.shadeRight = svgEl('rect', { class: 'shade' });
    this.rangeRect = svgEl('rect', { class: 'range' });
    this.canvas = el('canvas', { class: 'timeline-canvas', 'aria-hidden': 'true' });
    this.marksFocus = el('div', { class: 'marks-focus', tabindex: 0, role: 'group' });
    this.announcer = el('p', { class: 'visually-hidden', 'aria-live': 'polite' });
    this.handles = { from: this.makeHandle('from'), to: this.makeHandle('to') };
    this.svg.append(this.annotationGroup, this.shadeLeft, this.shadeRight, this.rangeRect, this.axisGroup, this.handles.from, this.handles.to);
    this.tooltip = el('div', { class: 'tooltip', role: 'tooltip', hidden: true });
    opts.container.append(this.canvas, this.svg, this.marksFocus, this.announcer, this.tooltip);
    this.bindMarks();
    opts.hover.subscribe(() => this.paint());

    this.zoomBehavior = zoom<SVGSVGElement, unknown>()
      .filter((event: Event) => {
        // Handles and the range have their own drags; the wheel and pinch always zoom.
        const target = event.target as Element;
        if (event.type === 'wheel' || event.type === 'touchstart' || event.type === 'dblclick') return !(event as MouseEvent).button;
        return !target.closest('.handle, .range') && !(event as MouseEvent).button;
      })
      .on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
        this.transform = event.transform;
        this.x = event.transform.rescaleX(this.base);
        this.draw();
      });
    select(this.svg).call(this.zoomBehavior).on('dblclick.zoom', null);
    this.bindRangeDrag();
    new ResizeObserver(() => this.resize()).observe(opts.container);
    this.resize();
  }

  private baseScale(): ScaleTime<number, number> {
    return scaleUtc().domain([dayToDate(this.model.start), dayToDate(this.model.end + 1)]);
  }

  /** The events are in: their marks replace the overview's, and can now be hovered, clicked and stepped through. */
  useModel(model: Model): void {
    this.model = model;
    this.full = model;
    this.marks = model.events;
    this.base = this.baseScale();
    this.activeIndex = -1;
    this.layoutKey = '';
    this.resize();
  }

  private makeHandle(which: 'from' | 'to'): SVGGElement {
    const g = svgEl('g', { class: `handle handle-${which}`, role: 'slider', tabindex: 0, 'aria-orientation': 'horizontal' });
    g.append(svgEl('rect', { class: 'handle-hit', x: -HANDLE_W / 2, width: HANDLE_W, rx: 3 }), svgEl('rect', { class: 'handle-bar', x: -2, width: 4, rx: 2 }));
    g.addEventListener('keydown', (e) => this.onHandleKey(which, e));
    select(g).call(
      drag<SVGGElement, unknown>().on('drag', (event: { x: number }) => {
        const day = this.dayAt(event.x);
        const s = this.state!;
        if (which === 'from') this.opts.dispatch({ type: 'set-range', from: Math.min(day, s.to), to: s.to });
        else this.opts.dispatch({ type: 'set-range', from: s.from, to: Math.max(day, s.from) });
      }),
    );
    return g;
  }

  private bindRangeDrag(): void {
    let grabDay = 0;
    let start = { from: 0, to: 0 };
    select(this.rangeRect).call(
      drag<SVGRectElement, unknown>()
        .on('start', (event: { x: number }) => {
          grabDay = this.dayAt(event.x);
          start = { from: this.state!.from, to: this.state!.to };
        })
        .on('drag', (event: { x: number }) => {
          const span = start.to - start.from;
          let from = start.from + (this.dayAt(event.x) - grabDay);
          from = Math.max(this.model.start, Math.min(this.model.end - span, from));
          this.opts.dispatch({ type: 'set-range', from, to: from + span });
        }),
    );
  }

  private dayAt(px: number): Day {
    return dateToDay(this.x.invert(px)) ;
  }

  private onHandleKey(which: 'from' | 'to', e: KeyboardEvent): void {
    const s = this.state;
    if (!s) return;
    const current = which === 'from' ? s.from : s.to;
    let next: Day | null = null;
    switch (e.key) {
      case 'ArrowLeft':
      case 'ArrowDown':
        next = e.shiftKey ? this.adjacentEventDay(current, -1) : current - 1;
        break;
      case 'ArrowRight':
      case 'ArrowUp':
        next = e.shiftKey ? this.adjacentEventDay(current, 1) : current + 1;
        break;
      case 'PageDown':
        next = addMonths(current, -1);
        break;
      case 'PageUp':
        next = addMonths(current, 1);
        break;
      case 'Home':
        next = which === 'from' ? this.model.start : s.from;
        break;
      case 'End':
        next = which === 'to' ? this.model.end : s.to;
        break;
      default:
        return;
    }
    e.preventDefault();
    if (which === 'from') this.opts.dispatch({ type: 'set-range', from: Math.min(next, s.to), to: s.to });
    else this.opts.dispatch({ type: 'set-range', from: s.from, to: Math.max(next, s.from) });
  }

  private adjacentEventDay(day: Day, dir: 1 | -1): Day {
    const { marks } = this;
    if (dir > 0) return marks.find((e) => e.start > day)?.start ?? day;
    for (let i = marks.length - 1; i >= 0; i--) if (marks[i].start < day) return marks[i].start;
    return day;
  }

  private resize(): void {
    const w = Math.max(200, this.opts.container.clientWidth);
    if (w === this.width && this.layoutKey !== '') return;
    this.width = w;
    this.base.range([MARGIN_X, w - MARGIN_X]);
    const k = maxZoomFor(this.model.end - this.model.start + 1, w - 2 * MARGIN_X);
    this.zoomBehavior.scaleExtent([1, k]).translateExtent([[0, 0], [w, 0]]).extent([[0, 0], [w, 0]]);
    this.x = this.transform.rescaleX(this.base);
    this.draw();
  }

  /** Zooms the axis by a factor around the range's centre (for the +/- buttons). */
  zoomBy(factor: number): void {
    select(this.svg).call(this.zoomBehavior.scaleBy, factor);
  }

  resetZoom(): void {
    select(this.svg).call(this.zoomBehavior.transform, zoomIdentity);
  }

  render(state: AppState, i18n: I18n): void {
    this.state = state;
    this.i18n = i18n;
    this.svg.setAttribute('aria-label', i18n.t('timeline'));
    this.draw();
  }

  /** Hover, click and keyboard for marks that live on a canvas. */
  private bindMarks(): void {
    const local = (e: MouseEvent) => {
      const r = this.svg.getBoundingClientRect();
      return [e.clientX - r.left, e.clientY - r.top] as const;
    };
    this.svg.addEventListener('mousemove', (e) => {
      const [x, y] = local(e);
      const i = this.markAt(x, y);
      if (i === this.hoverIndex) return;
      this.hoverIndex = i;
      this.svg.style.cursor = i >= 0 ? 'pointer' : '';
      if (i >= 0) this.showTooltip(this.shown![i]);
      else this.hideTooltip();
      this.opts.hover.set(i >= 0 ? { kind: 'event', id: this.shown![i].id } : null);
    });
    this.svg.addEventListener('mouseleave', () => {
      if (this.hoverIndex >= 0) this.opts.hover.set(null);
      this.hoverIndex = -1;
      this.hideTooltip();
    });
    this.svg.addEventListener('click', (e) => {
      const [x, y] = local(e);
      const i = this.markAt(x, y);
      if (i >= 0) this.opts.dispatch({ type: 'select', selection: { kind: 'event', id: this.shown![i].id } });
    });
    this.marksFocus.addEventListener('keydown', (e) => this.onMarksKey(e));
    this.marksFocus.addEventListener('focus', () => {
      if (this.activeIndex < 0 || this.activeIndex >= this.visible.length) this.activeIndex = this.firstInRange();
      this.activate(this.activeIndex);
    });
    this.marksFocus.addEventListener('blur', () => {
      this.hideTooltip();
      this.opts.hover.set(null);
      this.paint();
    });
  }

  /** The drawn mark under a point, or -1 (marks in the density strip are reached by zooming; none while the events load). */
  private markAt(x: number, y: number): number {
    if (!this.shown) return -1;
    const half = MARK_SIZE / 2 + 1;
    const { lanes } = this.layout;
    let best = -1;
    let bestD = Infinity;
    for (let i = 0; i < this.visible.length; i++) {
      if (lanes[i] < 0) continue;
      const dx = Math.abs(this.xs[i] - x);
      if (dx > half) continue;
      const dy = Math.abs(this.markY(lanes[i]) - y);
      if (dy > half) continue;
      if (dx + dy < bestD) {
        bestD = dx + dy;
        best = i;
      }
    }
    return best;
  }

  private markY(lane: number): number {
    return TOP + this.marksH - lane * LANE - LANE / 2;
  }

  private firstInRange(): number {
    const s = this.state;
    const i = s ? this.visible.findIndex((e) => e.end >= s.from && e.start <= s.to) : -1;
    return i >= 0 ? i : this.visible.length > 0 ? 0 : -1;
  }

  private onMarksKey(ev: KeyboardEvent): void {
    const n = this.shown?.length ?? 0;
    if (n === 0) return;
    let next = this.activeIndex;
    if (ev.key === 'ArrowRight' || ev.key === 'ArrowDown') next = Math.min(n - 1, next + 1);
    else if (ev.key === 'ArrowLeft' || ev.key === 'ArrowUp') next = Math.max(0, next - 1);
    else if (ev.key === 'Home') next = 0;
    else if (ev.key === 'End') next = n - 1;
    else if (ev.key === 'Enter' || ev.key === ' ') {
      ev.preventDefault();
      const e = this.shown?.[this.activeIndex];
      if (e) this.opts.dispatch({ type: 'select', selection: { kind: 'event', id: e.id } });
      return;
    } else return;
    ev.preventDefault();
    this.activate(next);
  }

  private activate(i: number): void {
    this.activeIndex = i;
    const e = this.shown?.[i];
    if (!e || !this.i18n) return;
    // Keep the active mark on screen: pan the axis to it when it is outside.
    const x = this.xs[i];
    if (x < MARGIN_X || x > this.width - MARGIN_X) {
      select(this.svg).call(this.zoomBehavior.translateBy, (this.width / 2 - x) / this.transform.k, 0);
    }
    this.marksFocus.dataset.active = e.id;
    const label = `${eventWhenLabel(e, this.i18n)}: ${this.i18n.text(e.title)}`;
    this.announcer.textContent = label;
    this.showTooltip(e);
    this.opts.hover.set({ kind: 'event', id: e.id });
    this.paint();
  }

  private showTypes(): void {
    const types = new Set(this.state?.types ?? []);
    if (this.full) {
      this.shown = this.full.events.filter((e) => types.has(e.type));
      this.visible = this.shown;
    } else {
      this.shown = null;
      this.visible = this.marks.filter((e) => types.has(e.type));
    }
  }

  private showTooltip(e: TimedEvent): void {
    const i18n = this.i18n;
    if (!i18n) return;
    const i = this.visible.indexOf(e);
    const title = i18n.textLang(e.title);
    this.tooltip.replaceChildren(el('strong', {}, [eventWhenLabel(e, i18n)]), el('span', { lang: title.lang === i18n.lang ? undefined : title.lang }, [title.text]));
    this.tooltip.hidden = false;
    const x = i >= 0 ? this.xs[i] : this.width / 2;
    const lane = i >= 0 ? this.layout.lanes[i] : -1;
    const y = lane >= 0 ? this.markY(lane) : TOP;
    const left = Math.min(Math.max(0, x - 100), this.width - 220);
    this.tooltip.style.left = `${left}px`;
    this.tooltip.style.bottom = `${this.height - y + MARK_SIZE}px`;
  }

  private hideTooltip(): void {
    this.tooltip.hidden = true;
  }

  private draw(): void {
    const s = this.state;
    const i18n = this.i18n;
    if (!s || !i18n) return;
    const x = this.x;
    // The layout depends on zoom, width and types, not on the range: a scrub only repaints.
    const key = `${this.transform.k},${this.transform.x},${this.width},${s.types.join(',')}`;
    if (key !== this.layoutKey) {
      this.layoutKey = key;
      this.showTypes();
      const dayPx = x(dayToDate(1)) - x(dayToDate(0));
      // Each mark on the day it counts from (the last of its date, as on the map); a date known
      // only to its month or year spans its period behind the mark.
      this.xs = Float64Array.from(this.visible, (e) => x(dayToDate(e.end)) + dayPx / 2);
      this.layout = layoutMarks(this.xs, MARK_SIZE, 2, MAX_LANES, DENSITY_BUCKET_PX);
      if (this.activeIndex >= this.visible.length) this.activeIndex = -1;
    }
    // Always room for every lane and the density strip: the timeline's height never changes, so
    // nothing below it moves when the marks change (or first arrive).
    const marksH = MAX_LANES * LANE + DENSITY_H;
    this.marksH = marksH;
    this.height = TOP + marksH + AXIS_H + 4;
    this.svg.setAttribute('width', String(this.width));
    this.svg.setAttribute('height', String(this.height));
    this.svg.setAttribute('viewBox', `0 0 ${this.width} ${this.height}`);
    this.marksFocus.style.height = `${TOP + marksH}px`;
    this.marksFocus.setAttribute('aria-label', `${i18n.t('events')}: ${i18n.t('eventsCount', { n: this.visible.length })}. ${i18n.t('marksHelp')}`);
    this.paint();

    // The axis and the key moments only change with zoom, width, language or height, never with the range.
    const axisKey = `${key}|${i18n.lang}|${marksH}`;
    if (axisKey !== this.axisKey) {
      this.axisKey = axisKey;
      this.drawAnnotations(i18n, TOP + marksH);
      const axis = axisBottom(x).ticks(Math.max(2, Math.floor(this.width / 110))).tickSizeOuter(0);
      axis.tickFormat((d) => axisLabel(d as Date, x, i18n.lang));
      const axisSel = select(this.axisGroup) as unknown as Selection<SVGGElement, unknown, null, undefined>;
      axisSel.attr('transform', `translate(0,${TOP + marksH + 2})`).call(axis);
    }

    // Range and handles
    const x0 = x(dayToDate(s.from));
    const x1 = x(dayToDate(s.to + 1));
    const h = TOP + marksH;
    setAttrs(this.rangeRect, { x: x0, y: 0, width: Math.max(1, x1 - x0), height: h });
    setAttrs(this.shadeLeft, { x: 0, y: 0, width: Math.max(0, x0), height: h });
    setAttrs(this.shadeRight, { x: x1, y: 0, width: Math.max(0, this.width - x1), height: h });
    this.placeHandle(this.handles.from, x0, h, s.from, i18n.t('startDate'), i18n);
    this.placeHandle(this.handles.to, x1, h, s.to, i18n.t('endDate'), i18n);
  }

  /** Key moments (the config's annotations): a line through the marks and a label above them. */
  private drawAnnotations(i18n: I18n, bottom: number): void {
    const list = this.model.config.annotations ?? [];
    const x = this.x;
    const measureCtx = this.canvas.getContext('2d', { willReadFrequently: true });
    if (measureCtx) measureCtx.font = '600 11px system-ui, sans-serif';
    const measure = (text: string) => (measureCtx ? measureCtx.measureText(text).width : text.length * 6.5);
    const items = list.map((a) => ({ x: x(dayToDate(dateSpan(a.date).start)), label: i18n.text(a.label), short: a.short ? i18n.text(a.short) : undefined }));
    const placed = placeAnnotations(items, MARGIN_X, this.width - MARGIN_X, measure);
    this.annotationGroup.replaceChildren(
      ...placed.map((p) =>
        svgEl('g', { class: 'annotation', 'data-date': list[p.index].date }, [
          svgEl('line', { x1: p.x.toFixed(1), x2: p.x.toFixed(1), y1: 2, y2: bottom }),
          svgEl('text', { x: (p.anchor === 'start' ? p.x + 3 : p.x - 3).toFixed(1), y: 12, 'text-anchor': p.anchor }, [p.text]),
        ]),
      ),
    );
  }

  /**
   * Draws the marks and the density strip on the canvas. The range is not drawn here: the SVG
   * shades dim the marks outside it, so a scrub step repaints two rectangles, not the canvas.
   */
  private paint(): void {
    const s = this.state;
    if (!s) return;
    const dpr = window.devicePixelRatio || 1;
    const w = this.width;
    const h = TOP + this.marksH;
    const dark = this.opts.dark();
    const active = document.activeElement === this.marksFocus && this.shown ? this.activeIndex : -1;
    // What the map's pointer is on (a station, a country) lights up its events here.
    const hover = this.opts.hover.get();
    const hovered: ReadonlySet<EventMark> = this.full && hover && hover.kind !== 'event' ? highlightedEvents(this.full, hover) : new Set();
    // The marks' source is in the key: the model's replace the overview's at the same places.
    const paintKey = `${this.full ? 'model' : 'overview'}|${this.layoutKey}|${h}|${dpr}|${dark}|${JSON.stringify(s.selection)}|${active}|${hover?.kind ?? ''}:${hover?.id ?? ''}`;
    if (paintKey === this.paintKey) return;
    this.paintKey = paintKey;
    if (this.canvas.width !== Math.round(w * dpr) || this.canvas.height !== Math.round(h * dpr)) {
      this.canvas.width = Math.round(w * dpr);
      this.canvas.height = Math.round(h * dpr);
      this.canvas.style.width = `${w}px`;
      this.canvas.style.height = `${h}px`;
    }
    // A CPU-backed canvas: a GPU one is re-composited through the GPU process on every change,
    // which in software GL (and on weak phone GPUs) competes with the WebGL map for each frame.
    const ctx = this.canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, w, h);
    const styles = getComputedStyle(this.opts.container);
    const outline = styles.getPropertyValue('--mark-outline').trim() || '#fff';
    const textColor = styles.getPropertyValue('--text').trim() || '#000';
    const muted = styles.getPropertyValue('--text-muted').trim() || '#666';
    const focus = styles.getPropertyValue('--focus').trim() || '#0b5cad';
    const highlighted: ReadonlySet<EventMark> = this.full ? highlightedEvents(this.full, s.selection) : new Set();
    const { lanes, density } = this.layout;
    // Density strip: darker where more marks are waiting for a closer zoom.
    if (density.size > 0) {
      const max = Math.max(...density.values());
      ctx.fillStyle = muted;
      for (const [bucket, count] of density) {
        ctx.globalAlpha = 0.2 + 0.8 * (Math.log1p(count) / Math.log1p(max));
        ctx.fillRect(bucket * DENSITY_BUCKET_PX, TOP - 2, DENSITY_BUCKET_PX - 0.5, DENSITY_H - 4);
      }
      ctx.globalAlpha = 1;
    }
    for (let i = 0; i < this.visible.length; i++) {
      const lane = lanes[i];
      const cx = this.xs[i];
      const e = this.visible[i];
      const style = this.typeDefs.get(e.type)!;
      const color = dark ? style.darkColor : style.color;
      const hl = highlighted.has(e);
      const lit = hovered.has(e);
      const dim = (highlighted.size > 0 && !hl && !lit) || (hovered.size > 0 && !lit && !hl);
      if (e.end > e.start) {
        // The period the date may mean, faint, with a tick at its start, ending at the mark (or,
        // for a mark in the density strip, in that strip).
        const x0 = Math.max(0, this.x(dayToDate(e.start)));
        const y = lane >= 0 ? this.markY(lane) : TOP + DENSITY_H / 2 - 4;
        ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
        ctx.globalAlpha = dim ? 0.12 : 0.35;
        ctx.fillStyle = color;
        ctx.fillRect(x0, y - 2, Math.max(0, cx - x0), 4);
        ctx.fillRect(x0, y - 5, 1.5, 10);
      }
      if (lane < 0 || cx < MARGIN_X - MARK_SIZE || cx > w - MARGIN_X + MARK_SIZE) continue;
      ctx.globalAlpha = dim ? 0.28 : 1;
      ctx.setTransform(dpr, 0, 0, dpr, dpr * cx, dpr * this.markY(lane));
      const path = this.shapePath2D(style.type.shape);
      if (isHollow(style.type.shape)) {
        ctx.lineWidth = 2.5;
        ctx.strokeStyle = color;
        ctx.stroke(path);
      } else {
        ctx.fillStyle = color;
        ctx.fill(path);
        ctx.lineWidth = hl ? 2 : 1;
        ctx.strokeStyle = hl ? textColor : outline;
        ctx.stroke(path);
      }
      if (lit) {
        ctx.globalAlpha = 1;
        ctx.lineWidth = 2;
        ctx.strokeStyle = textColor;
        ctx.beginPath();
        ctx.arc(0, 0, MARK_SIZE / 2 + 3, 0, Math.PI * 2);
        ctx.stroke();
      }
      if (i === active) {
        ctx.globalAlpha = 1;
        ctx.lineWidth = 2.5;
        ctx.strokeStyle = focus;
        ctx.strokeRect(-MARK_SIZE / 2 - 3, -MARK_SIZE / 2 - 3, MARK_SIZE + 6, MARK_SIZE + 6);
      }
    }
    ctx.globalAlpha = 1;
  }

  private shapePath2D(shape: Shape): Path2D {
    let p = this.shapes.get(shape);
    if (!p) {
      p = new Path2D(shapePath(shape, MARK_SIZE * MARK_SIZE * 0.6));
      this.shapes.set(shape, p);
    }
    return p;
  }

  private placeHandle(g: SVGGElement, x: number, h: number, day: Day, label: string, i18n: I18n): void {
    g.setAttribute('transform', `translate(${x.toFixed(1)},0)`);
    for (const r of g.querySelectorAll('rect')) r.setAttribute('height', String(h));
    g.setAttribute('aria-label', label);
    g.setAttribute('aria-valuemin', String(this.model.start));
    g.setAttribute('aria-valuemax', String(this.model.end));
    g.setAttribute('aria-valuenow', String(day));
    g.setAttribute('aria-valuetext', i18n.date(day, 'long'));
    g.setAttribute('data-date', formatDay(day));
  }
}

function setAttrs(node: Element, attrs: Readonly<Record<string, number>>): void {
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v.toFixed(1));
}

function axisLabel(d: Date, x: ScaleTime<number, number>, lang: string): string {
  const [a, b] = x.domain();
  const spanDays = (b.getTime() - a.getTime()) / 86_400_000;
  const opts: Intl.DateTimeFormatOptions =
    d.getUTCMonth() === 0 && d.getUTCDate() === 1 && spanDays > 60 ? { year: 'numeric' } : spanDays > 60 ? { month: 'short' } : { day: 'numeric', month: 'short' };
  return dateFormat(lang, opts).format(d);
}
