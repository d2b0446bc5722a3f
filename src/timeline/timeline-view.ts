// The D3 timeline: a UTC axis that zooms and pans, one mark per event stacked so none overlap,
// and a range brush whose two handles are keyboard sliders. It reads the state and sends intents.
import { axisBottom, drag, scaleUtc, select, zoom, zoomIdentity, type D3ZoomEvent, type ScaleTime, type Selection, type ZoomBehavior, type ZoomTransform } from 'd3';
import { addMonths, dateToDay, dayToDate, formatDay, type Day } from '../model/dates';
import type { Model, TimedEvent } from '../model/model';
import type { AppState } from '../state/state';
import type { Dispatch } from '../state/store';
import { el, svgEl } from '../dom';
import { shapePath, isHollow } from '../shapes';
import { highlightedEvents } from '../selection';
import { maxZoomFor, stackMarks } from './layout';
import type { I18n } from '../i18n';
import type { EventTypeDef } from '../model/schema';

const MARK_SIZE = 12;
const LANE = 14;
const AXIS_H = 24;
const TOP = 10;
const HANDLE_W = 14;
const MARGIN_X = 16;
/** Above this many lanes, marks are counted instead of drawn, until zooming in spreads them out. */
const MAX_LANES = 8;
const OVERFLOW_BUCKET_PX = 26;

export interface TimelineOptions {
  readonly container: HTMLElement;
  readonly model: Model;
  readonly dispatch: Dispatch;
  readonly dark: () => boolean;
}

export class TimelineView {
  private readonly opts: TimelineOptions;
  private readonly model: Model;
  private readonly svg: SVGSVGElement;
  private readonly marksGroup: SVGGElement;
  private readonly overflowGroup: SVGGElement;
  private readonly axisGroup: SVGGElement;
  private readonly rangeRect: SVGRectElement;
  private readonly shadeLeft: SVGRectElement;
  private readonly shadeRight: SVGRectElement;
  private readonly handles: { from: SVGGElement; to: SVGGElement };
  private readonly tooltip: HTMLElement;
  private readonly zoomBehavior: ZoomBehavior<SVGSVGElement, unknown>;
  private readonly typeDefs: ReadonlyMap<string, EventTypeDef>;
  private base: ScaleTime<number, number>;
  private x: ScaleTime<number, number>;
  private transform: ZoomTransform = zoomIdentity;
  private width = 600;
  private height = 120;
  private state: AppState | null = null;
  private i18n: I18n | null = null;
  private markNodes = new Map<string, SVGPathElement>();
  private activeMark: string | null = null;
  private lastDark: boolean | null = null;

  constructor(opts: TimelineOptions) {
    this.opts = opts;
    this.model = opts.model;
    this.typeDefs = new Map(opts.model.config.eventTypes.map((t) => [t.id, t]));
    this.base = scaleUtc().domain([dayToDate(this.model.start), dayToDate(this.model.end + 1)]);
    this.x = this.base;
    this.svg = svgEl('svg', { class: 'timeline-svg', role: 'group' });
    this.axisGroup = svgEl('g', { class: 'axis', 'aria-hidden': 'true' });
    this.shadeLeft = svgEl('rect', { class: 'shade' });
    this.shadeRight = svgEl('rect', { class: 'shade' });
    this.rangeRect = svgEl('rect', { class: 'range' });
    this.marksGroup = svgEl('g', { class: 'marks', role: 'list' });
    this.overflowGroup = svgEl('g', { class: 'overflow', 'aria-hidden': 'true' });
    this.handles = { from: this.makeHandle('from'), to: this.makeHandle('to') };
    this.svg.append(this.shadeLeft, this.shadeRight, this.rangeRect, this.axisGroup, this.marksGroup, this.overflowGroup, this.handles.from, this.handles.to);
    this.tooltip = el('div', { class: 'tooltip', role: 'tooltip', hidden: true });
    opts.container.append(this.svg, this.tooltip);

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
    const { events } = this.model;
    if (dir > 0) return events.find((e) => e.start > day)?.start ?? day;
    for (let i = events.length - 1; i >= 0; i--) if (events[i].start < day) return events[i].start;
    return day;
  }

  private resize(): void {
    const w = Math.max(200, this.opts.container.clientWidth);
    if (w === this.width && this.markNodes.size > 0) return;
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

  private ensureMarks(): void {
    const dark = this.opts.dark();
    if (this.markNodes.size > 0 && dark === this.lastDark) return;
    this.lastDark = dark;
    this.marksGroup.replaceChildren();
    this.markNodes.clear();
    for (const e of this.model.events) {
      const def = this.typeDefs.get(e.type)!;
      const color = dark ? def.darkColor : def.color;
      const path = svgEl('path', {
        class: 'mark',
        d: shapePath(def.shape, MARK_SIZE * MARK_SIZE * 0.6),
        fill: isHollow(def.shape) ? 'none' : color,
        stroke: isHollow(def.shape) ? color : 'var(--mark-outline)',
        'stroke-width': isHollow(def.shape) ? 2.5 : 1,
        role: 'listitem',
        tabindex: -1,
        'data-id': e.id,
      });
      path.addEventListener('click', () => this.opts.dispatch({ type: 'select', selection: { kind: 'event', id: e.id } }));
      path.addEventListener('mouseenter', () => this.showTooltip(e, path));
      path.addEventListener('mouseleave', () => this.hideTooltip());
      path.addEventListener('focus', () => {
        this.activeMark = e.id;
        this.showTooltip(e, path);
      });
      path.addEventListener('blur', () => this.hideTooltip());
      path.addEventListener('keydown', (ev) => this.onMarkKey(ev, e));
      this.markNodes.set(e.id, path);
      this.marksGroup.append(path);
    }
  }

  private onMarkKey(ev: KeyboardEvent, e: TimedEvent): void {
    const visible = this.visibleEvents();
    const i = visible.indexOf(e);
    let target: TimedEvent | undefined;
    if (ev.key === 'ArrowRight' || ev.key === 'ArrowDown') target = visible[i + 1];
    else if (ev.key === 'ArrowLeft' || ev.key === 'ArrowUp') target = visible[i - 1];
    else if (ev.key === 'Home') target = visible[0];
    else if (ev.key === 'End') target = visible.at(-1);
    else if (ev.key === 'Enter' || ev.key === ' ') {
      ev.preventDefault();
      this.opts.dispatch({ type: 'select', selection: { kind: 'event', id: e.id } });
      return;
    } else return;
    ev.preventDefault();
    if (target) {
      this.activeMark = target.id;
      this.updateRovingFocus(visible);
      this.markNodes.get(target.id)?.focus();
    }
  }

  private visibleEvents(): TimedEvent[] {
    const types = new Set(this.state?.types ?? []);
    return this.model.events.filter((e) => types.has(e.type));
  }

  private updateRovingFocus(visible: readonly TimedEvent[]): void {
    if (!this.activeMark || !visible.some((e) => e.id === this.activeMark)) {
      const s = this.state;
      this.activeMark = (s && visible.find((e) => e.end >= s.from && e.start <= s.to)?.id) ?? visible[0]?.id ?? null;
    }
    for (const [id, node] of this.markNodes) node.setAttribute('tabindex', id === this.activeMark ? '0' : '-1');
  }

  private showTooltip(e: TimedEvent, node: SVGPathElement): void {
    const i18n = this.i18n;
    if (!i18n) return;
    const title = (i18n.lang !== 'en' && e.titleZh) || e.title;
    this.tooltip.replaceChildren(el('strong', {}, [eventDateLabel(e, i18n)]), el('span', {}, [title]));
    this.tooltip.hidden = false;
    const box = node.getBoundingClientRect();
    const host = this.opts.container.getBoundingClientRect();
    const left = Math.min(Math.max(0, box.left - host.left - 100), host.width - 220);
    this.tooltip.style.left = `${left}px`;
    this.tooltip.style.bottom = `${host.bottom - box.top + 6}px`;
  }

  private hideTooltip(): void {
    this.tooltip.hidden = true;
  }

  private draw(): void {
    const s = this.state;
    const i18n = this.i18n;
    if (!s || !i18n) return;
    this.ensureMarks();
    const x = this.x;
    const visible = this.visibleEvents();
    const xs = visible.map((e) => x(dayToDate(e.start)) + (e.end > e.start ? 0 : x(dayToDate(e.start + 1)) - x(dayToDate(e.start))) / 2);
    const lanes = stackMarks(xs, MARK_SIZE, 2);
    const laneCount = Math.min(MAX_LANES, lanes.reduce((m, l) => Math.max(m, l + 1), 1));
    const overflow = overflowCounts(xs, lanes, MAX_LANES, OVERFLOW_BUCKET_PX);
    const marksH = laneCount * LANE + (overflow.size > 0 ? LANE : 0);
    this.height = TOP + marksH + AXIS_H + 4;
    this.svg.setAttribute('width', String(this.width));
    this.svg.setAttribute('height', String(this.height));
    this.svg.setAttribute('viewBox', `0 0 ${this.width} ${this.height}`);
    const highlighted = highlightedEvents(this.model, s.selection);
    const shown = new Set(visible);
    visible.forEach((e, i) => {
      const node = this.markNodes.get(e.id)!;
      const cx = xs[i];
      const cy = TOP + marksH - lanes[i] * LANE - LANE / 2;
      const inRange = e.end >= s.from && e.start <= s.to;
      const outside = cx < MARGIN_X - MARK_SIZE || cx > this.width - MARGIN_X + MARK_SIZE;
      node.setAttribute('transform', `translate(${cx.toFixed(1)},${cy})`);
      node.setAttribute('display', outside || lanes[i] >= MAX_LANES ? 'none' : 'inline');
      node.classList.toggle('out-of-range', !inRange);
      node.classList.toggle('hl', highlighted.has(e));
      node.classList.toggle('dim', highlighted.size > 0 && !highlighted.has(e));
      node.setAttribute('aria-label', `${eventDateLabel(e, i18n)}: ${(i18n.lang !== 'en' && e.titleZh) || e.title}`);
      node.setAttribute('aria-current', String(s.selection?.kind === 'event' && s.selection.id === e.id));
    });
    for (const [id, node] of this.markNodes) {
      if (!shown.has(this.model.eventById.get(id)!)) node.setAttribute('display', 'none');
    }
    this.updateRovingFocus(visible);
    this.overflowGroup.replaceChildren(
      ...[...overflow].map(([bucketX, n]) =>
        svgEl('text', { x: bucketX.toFixed(1), y: TOP + 8, 'text-anchor': 'middle', class: 'overflow-count' }, [`+${n}`]),
      ),
    );

    // Axis
    const axis = axisBottom(x).ticks(Math.max(2, Math.floor(this.width / 110))).tickSizeOuter(0);
    axis.tickFormat((d) => axisLabel(d as Date, x, i18n.lang));
    const axisSel = select(this.axisGroup) as unknown as Selection<SVGGElement, unknown, null, undefined>;
    axisSel.attr('transform', `translate(0,${TOP + marksH + 2})`).call(axis);

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

/** For marks above the lane limit: how many fall in each bucket, keyed by the bucket's centre x. */
export function overflowCounts(xs: readonly number[], lanes: readonly number[], maxLanes: number, bucketPx: number): Map<number, number> {
  const counts = new Map<number, number>();
  xs.forEach((x, i) => {
    if (lanes[i] < maxLanes) return;
    const centre = (Math.floor(x / bucketPx) + 0.5) * bucketPx;
    counts.set(centre, (counts.get(centre) ?? 0) + 1);
  });
  return counts;
}

function setAttrs(node: Element, attrs: Readonly<Record<string, number>>): void {
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v.toFixed(1));
}

export function eventDateLabel(e: { date: string; start: Day; precision: string }, i18n: I18n): string {
  if (e.precision === 'year') return `${e.date} ${i18n.t('precisionYear')}`;
  if (e.precision === 'month') {
    return new Intl.DateTimeFormat(i18n.lang, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(dayToDate(e.start));
  }
  return i18n.date(e.start);
}

function axisLabel(d: Date, x: ScaleTime<number, number>, lang: string): string {
  const [a, b] = x.domain();
  const spanDays = (b.getTime() - a.getTime()) / 86_400_000;
  const opts: Intl.DateTimeFormatOptions =
    d.getUTCMonth() === 0 && d.getUTCDate() === 1 && spanDays > 400
      ? { year: 'numeric', timeZone: 'UTC' }
      : spanDays > 60
        ? d.getUTCDate() === 1 && d.getUTCMonth() === 0
          ? { year: 'numeric', timeZone: 'UTC' }
          : { month: 'short', timeZone: 'UTC' }
        : { day: 'numeric', month: 'short', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(lang, opts).format(d);
}
