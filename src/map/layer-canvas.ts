// A canvas of the map's own, stacked with MapLibre's (under it or over it) and drawn with the
// same camera. What changes with the date (country fills, stations) is drawn here, so a scrub
// step repaints these small layers instead of a whole MapLibre frame: under software GL that
// frame costs several vsyncs even when nothing in it changed.
import { type GL } from './gl-program';

/** The camera, as MapLibre last drew it. */
export interface GlView {
  /** World units (Web Mercator, 0..1) to clip space, for the world copy at 0. */
  readonly matrix: Float32Array;
  readonly zoom: number;
  readonly pixelRatio: number;
  /** The map's size in CSS pixels. */
  readonly width: number;
  readonly height: number;
  /** Every world copy in view (the map repeats horizontally when zoomed out). */
  readonly wraps: readonly number[];
}

export interface GlLayer {
  draw(gl: GL, view: GlView): void;
  /** Draws only what changed since the last draw, over the canvas's kept pixels (see `incremental`). */
  drawChanges?(gl: GL, view: GlView): void;
}

export function sameView(a: GlView, b: GlView): boolean {
  return a.zoom === b.zoom && a.pixelRatio === b.pixelRatio && a.width === b.width && a.height === b.height && a.wraps.join() === b.wraps.join() && a.matrix.every((v, i) => v === b.matrix[i]);
}

export class LayerCanvas {
  private readonly canvas: HTMLCanvasElement;
  private readonly gl: GL;
  private lost = false;
  private lastView: GlView | null = null;
  private clearColor: readonly [number, number, number, number] = [0, 0, 0, 0];
  private readonly incremental: boolean;

  /**
   * Throws when WebGL is unavailable, so the app keeps its SVG map. An `incremental` canvas keeps
   * its pixels from frame to frame (preserveDrawingBuffer: a copy of the canvas when it is shown),
   * so its layers can redraw only what changed. A lost context is not waited for: Chrome takes
   * the oldest away when a page holds too many (six embeds of this map), and gives it back only
   * by taking another's; `onLost` lets the map give its contexts up for the SVG map.
   */
  constructor(
    mapCanvas: HTMLCanvasElement,
    place: 'under' | 'over',
    private readonly layers: readonly GlLayer[],
    onLost: () => void,
    { incremental = false } = {},
  ) {
    this.incremental = incremental;
    const canvas = document.createElement('canvas');
    canvas.className = `chronomap-gl-${place}`;
    canvas.setAttribute('aria-hidden', 'true');
    // Clicks and drags belong to MapLibre's canvas.
    canvas.style.cssText = 'position:absolute;left:0;top:0;pointer-events:none';
    const gl = canvas.getContext('webgl', { alpha: true, premultipliedAlpha: true, antialias: false, depth: false, stencil: false, preserveDrawingBuffer: incremental });
    if (!gl) throw new Error(`the map's ${place} layer has no WebGL context`);
    this.canvas = canvas;
    this.gl = gl;
    canvas.addEventListener('webglcontextlost', () => {
      this.lost = true;
      onLost();
    });
    mapCanvas.parentElement?.insertBefore(canvas, place === 'under' ? mapCanvas : mapCanvas.nextSibling);
  }

  /** The colour behind every layer (premultiplied), as 0..1. A new one is drawn whole, not patched. */
  setClearColor(rgba: readonly [number, number, number, number]): void {
    if (rgba.every((v, i) => v === this.clearColor[i])) return;
    this.clearColor = rgba;
    this.lastView = null;
  }

  /** Whether drawing `view` would repeat what is on screen (a MapLibre frame that did not move). */
  shows(view: GlView): boolean {
    return this.lastView !== null && sameView(this.lastView, view);
  }

  /** Redraws what changed, or everything when the view moved or a layer cannot say what changed. */
  drawChanges(view: GlView): void {
    if (this.lost) return;
    if (!this.incremental || !this.shows(view) || this.layers.some((l) => !l.drawChanges)) {
      this.draw(view);
      return;
    }
    this.prepare();
    for (const layer of this.layers) layer.drawChanges?.(this.gl, view);
  }

  private prepare(): void {
    const { gl, canvas } = this;
    gl.viewport(0, 0, canvas.width, canvas.height);
    gl.enable(gl.BLEND);
    gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
  }

  /** Gives the context back at once (not when the canvas is collected) and leaves the page. */
  remove(): void {
    if (!this.lost) this.gl.getExtension('WEBGL_lose_context')?.loseContext();
    this.lost = true;
    this.canvas.remove();
  }

  draw(view: GlView): void {
    if (this.lost) return;
    const { gl, canvas } = this;
    const width = Math.round(view.width * view.pixelRatio);
    const height = Math.round(view.height * view.pixelRatio);
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
      canvas.style.width = `${view.width}px`;
      canvas.style.height = `${view.height}px`;
    }
    this.prepare();
    gl.clearColor(...this.clearColor);
    gl.clear(gl.COLOR_BUFFER_BIT);
    for (const layer of this.layers) layer.draw(gl, view);
    this.lastView = view;
  }
}
