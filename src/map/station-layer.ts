// The stations as one GPU layer on the map's own canvas (layer-canvas.ts): every station is a
// point sprite cut from an icon atlas, drawn in one call. A date change rewrites one small
// attribute buffer (which icon each station shows, or none) and redraws this canvas alone: no
// GeoJSON source, no worker re-tiling, no symbol placement, no MapLibre frame. Where stations
// would run into each other, the layout (station-layout.ts) fans them out or draws a badge.
import { iconScale, mercatorX, mercatorY } from './projection';
import type { StationLayout } from './station-layout';
import type { Atlas } from './icons';
import type { GlLayer, GlView } from './layer-canvas';
import { compileProgram, makeBuffer, makeTexture, type GL, type Program } from './gl-program';

const NAME = 'station layer';
const HIDDEN = -1;
/** Cluster discs and their digits, relative to a station icon's size. */
const DISC_SIZE = 1.15;
const DIGIT_SIZE = 0.42;
const DIGIT_STEP_PX = 6.5;

const VERTEX = `
attribute vec2 a_pos;
attribute vec2 a_offset;
attribute float a_cell;
attribute float a_hl;
attribute float a_size;
uniform mat4 u_matrix;
uniform float u_wrap;
uniform vec2 u_viewport;
uniform float u_scale;
uniform float u_size;
uniform float u_halo_pass;
uniform float u_halo_cell;
uniform float u_hover_cell;
varying float v_cell;
void main() {
  // a_hl: 1 selected (a halo), 2 hovered or focused (a thinner ring).
  float ring = a_hl > 1.5 ? u_hover_cell : u_halo_cell;
  float cell = u_halo_pass > 0.5 ? (a_hl > 0.5 && a_cell >= 0.0 ? ring : -1.0) : a_cell;
  v_cell = cell;
  if (cell < 0.0) {
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
    gl_PointSize = 0.0;
    return;
  }
  vec4 p = u_matrix * vec4(a_pos.x + u_wrap, a_pos.y, 0.0, 1.0);
  p.xy += a_offset * u_scale * vec2(2.0, -2.0) / u_viewport * p.w;
  gl_Position = p;
  gl_PointSize = u_size * a_size;
}`;

const FRAGMENT = `
precision mediump float;
uniform sampler2D u_atlas;
uniform float u_cells;
varying float v_cell;
void main() {
  vec4 c = texture2D(u_atlas, vec2((v_cell + gl_PointCoord.x) / u_cells, gl_PointCoord.y));
  if (c.a < 0.02) discard;
  gl_FragColor = vec4(c.rgb * c.a, c.a);
}`;

const ATTRIBS = ['a_pos', 'a_offset', 'a_cell', 'a_hl', 'a_size'] as const;
const UNIFORMS = ['u_matrix', 'u_wrap', 'u_viewport', 'u_scale', 'u_size', 'u_halo_pass', 'u_halo_cell', 'u_hover_cell', 'u_atlas', 'u_cells'] as const;
type Attrib = (typeof ATTRIBS)[number];
type Uniform = (typeof UNIFORMS)[number];

interface Buffers {
  readonly static: WebGLBuffer;
  readonly cells: WebGLBuffer;
  readonly halo: WebGLBuffer;
  /** Discs and digits: x, y, dx, dy, cell, size per sprite. */
  readonly clusters: WebGLBuffer;
}

export class StationLayer implements GlLayer {
  private program: Program<Attrib, Uniform> | null = null;
  private buffers: Buffers | null = null;
  private texture: WebGLTexture | null = null;
  private readonly xs: Float64Array;
  private readonly ys: Float64Array;
  private readonly staticData: Float32Array;
  /** The icon each station shows as of the date (HIDDEN: none). */
  private readonly cells: Float32Array;
  /** What is drawn: `cells`, minus the stations inside a cluster. */
  private readonly drawn: Float32Array;
  private readonly halo: Float32Array;
  private clusterData = new Float32Array(0);
  private groupedAt: number | null = null;
  /** The badge under the pointer or the keyboard's focus, by id. */
  private hoveredCluster: number | undefined;
  private atlas: Atlas;
  private atlasDirty = true;
  private cellsDirty = true;
  private haloDirty = true;
  /** Stations with a halo: with none, the halo pass is skipped. */
  private haloCount = 0;

  private readonly count: number;

  constructor(
    points: readonly { readonly lon: number; readonly lat: number }[],
    private readonly layout: StationLayout,
    atlas: Atlas,
  ) {
    this.atlas = atlas;
    this.count = points.length;
    this.xs = Float64Array.from(points, (p) => mercatorX(p.lon));
    this.ys = Float64Array.from(points, (p) => mercatorY(p.lat));
    this.staticData = new Float32Array(points.length * 4);
    points.forEach((_, i) => this.staticData.set([this.xs[i], this.ys[i], layout.offsets[2 * i], layout.offsets[2 * i + 1]], i * 4));
    this.cells = new Float32Array(points.length).fill(HIDDEN);
    this.drawn = new Float32Array(points.length).fill(HIDDEN);
    this.halo = new Float32Array(points.length);
  }

  /** Which atlas cell each station shows (`null`: not shown). Returns whether anything changed. */
  setCells(cells: readonly (number | null)[]): boolean {
    const changed = assign(this.cells, (i) => cells[i] ?? HIDDEN);
    if (changed) this.cellsDirty = true;
    return changed;
  }

  /** Selected stations get a halo, hovered or focused ones a thinner ring; returns whether anything changed. */
  setHighlighted(selected: ReadonlySet<number>, hovered: ReadonlySet<number>, hoveredCluster: number | undefined): boolean {
    let changed = assign(this.halo, (i) => (selected.has(i) ? 1 : hovered.has(i) ? 2 : 0));
    if (changed) this.haloDirty = true;
    this.haloCount = selected.size + hovered.size;
    this.selected = selected;
    this.hovered = hovered;
    if (hoveredCluster !== this.hoveredCluster || (changed && this.clusterData.length > 0)) {
      // Badges' rings are sprites of their own: regroup to redraw them.
      this.hoveredCluster = hoveredCluster;
      // Badges' rings are sprites of their own: regroup to redraw them.
      this.groupedAt = null;
      changed = true;
    }
    return changed;
  }

  private selected: ReadonlySet<number> = new Set();
  private hovered: ReadonlySet<number> = new Set();

  setAtlas(atlas: Atlas): void {
    this.atlas = atlas;
    this.atlasDirty = true;
    // Cluster sprites name atlas cells too.
    this.groupedAt = null;
  }

  /** Regroups when the shown stations or the whole zoom level changed. */
  private regroup(zoom: number): void {
    const level = Math.floor(zoom);
    if (!this.cellsDirty && this.groupedAt === level) return;
    this.groupedAt = level;
    const { single, clusters } = this.layout.marks(level, (i) => this.cells[i] !== HIDDEN);
    for (let i = 0; i < this.cells.length; i++) this.drawn[i] = single[i] ? this.cells[i] : HIDDEN;
    const sprites: number[] = [];
    const { clusterCell, digitCell, haloCell, hoverCell } = this.atlas;
    for (const c of clusters) {
      const digits = String(Math.min(9999, c.members.length));
      const disc = DISC_SIZE + 0.15 * Math.max(0, digits.length - 2);
      const picked = c.members.some((i) => this.selected.has(i));
      // A badge is lit for a station inside it, as the station would be.
      const lit = c.id === this.hoveredCluster || c.members.some((i) => this.hovered.has(i));
      if (picked || lit) sprites.push(c.x, c.y, 0, 0, picked ? haloCell : hoverCell, disc * 1.25);
      sprites.push(c.x, c.y, 0, 0, clusterCell, disc);
      [...digits].forEach((d, k) => sprites.push(c.x, c.y, (k - (digits.length - 1) / 2) * DIGIT_STEP_PX, 0, digitCell + Number(d), DIGIT_SIZE));
    }
    this.clusterData = Float32Array.from(sprites);
    this.cellsDirty = true;
  }

  private ensureResources(gl: GL): { program: Program<Attrib, Uniform>; buffers: Buffers; texture: WebGLTexture } {
    if (this.program && this.buffers && this.texture) return { program: this.program, buffers: this.buffers, texture: this.texture };
    const buffers: Buffers = { static: makeBuffer(gl, NAME), cells: makeBuffer(gl, NAME), halo: makeBuffer(gl, NAME), clusters: makeBuffer(gl, NAME) };
    gl.bindBuffer(gl.ARRAY_BUFFER, buffers.static);
    gl.bufferData(gl.ARRAY_BUFFER, this.staticData, gl.STATIC_DRAW);
    gl.bindBuffer(gl.ARRAY_BUFFER, buffers.cells);
    gl.bufferData(gl.ARRAY_BUFFER, this.drawn.byteLength, gl.DYNAMIC_DRAW);
    gl.bindBuffer(gl.ARRAY_BUFFER, buffers.halo);
    gl.bufferData(gl.ARRAY_BUFFER, this.halo.byteLength, gl.DYNAMIC_DRAW);
    const texture = makeTexture(gl, NAME);
    this.program = compileProgram(gl, NAME, { vertex: VERTEX, fragment: FRAGMENT }, ATTRIBS, UNIFORMS);
    this.buffers = buffers;
    this.texture = texture;
    this.cellsDirty = true;
    this.haloDirty = true;
    this.atlasDirty = true;
    return { program: this.program, buffers, texture };
  }

  draw(gl: GL, view: GlView): void {
    if (this.count === 0) return;
    const { program, buffers, texture } = this.ensureResources(gl);
    const { zoom, pixelRatio: ratio } = view;
    this.regroup(zoom);
    gl.activeTexture(gl.TEXTURE0);
    gl.bindTexture(gl.TEXTURE_2D, texture);
    if (this.atlasDirty) {
      gl.pixelStorei(gl.UNPACK_FLIP_Y_WEBGL, false);
      gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, false);
      gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, this.atlas.image);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
      this.atlasDirty = false;
    }
    if (this.cellsDirty) {
      gl.bindBuffer(gl.ARRAY_BUFFER, buffers.cells);
      gl.bufferSubData(gl.ARRAY_BUFFER, 0, this.drawn);
      gl.bindBuffer(gl.ARRAY_BUFFER, buffers.clusters);
      gl.bufferData(gl.ARRAY_BUFFER, this.clusterData, gl.DYNAMIC_DRAW);
      this.cellsDirty = false;
    }
    if (this.haloDirty) {
      gl.bindBuffer(gl.ARRAY_BUFFER, buffers.halo);
      gl.bufferSubData(gl.ARRAY_BUFFER, 0, this.halo);
      this.haloDirty = false;
    }
    gl.useProgram(program.program);
    const { attrib: a, uniform: u } = program;
    const scale = iconScale(zoom);
    gl.uniformMatrix4fv(u.u_matrix, false, view.matrix);
    gl.uniform2f(u.u_viewport, view.width, view.height);
    gl.uniform1f(u.u_scale, scale);
    // The atlas is drawn at pixelRatio 2: one cell is cell/2 CSS pixels at scale 1.
    gl.uniform1f(u.u_size, (this.atlas.cell / 2) * scale * ratio);
    gl.uniform1f(u.u_halo_cell, this.atlas.haloCell);
    gl.uniform1f(u.u_hover_cell, this.atlas.hoverCell);
    gl.uniform1f(u.u_cells, this.atlas.cells);
    gl.uniform1i(u.u_atlas, 0);
    const drawAll = (count: number) => {
      for (const w of view.wraps) {
        gl.uniform1f(u.u_wrap, w);
        gl.drawArrays(gl.POINTS, 0, count);
      }
    };

    // Stations: halos first, then icons.
    gl.bindBuffer(gl.ARRAY_BUFFER, buffers.static);
    gl.enableVertexAttribArray(a.a_pos);
    gl.vertexAttribPointer(a.a_pos, 2, gl.FLOAT, false, 16, 0);
    gl.enableVertexAttribArray(a.a_offset);
    gl.vertexAttribPointer(a.a_offset, 2, gl.FLOAT, false, 16, 8);
    gl.bindBuffer(gl.ARRAY_BUFFER, buffers.cells);
    gl.enableVertexAttribArray(a.a_cell);
    gl.vertexAttribPointer(a.a_cell, 1, gl.FLOAT, false, 4, 0);
    gl.bindBuffer(gl.ARRAY_BUFFER, buffers.halo);
    gl.enableVertexAttribArray(a.a_hl);
    gl.vertexAttribPointer(a.a_hl, 1, gl.FLOAT, false, 4, 0);
    gl.disableVertexAttribArray(a.a_size);
    gl.vertexAttrib1f(a.a_size, 1);
    if (this.haloCount > 0) {
      gl.uniform1f(u.u_halo_pass, 1);
      drawAll(this.count);
    }
    gl.uniform1f(u.u_halo_pass, 0);
    drawAll(this.count);

    // Clusters: discs and the digits of their counts, from one interleaved buffer.
    const sprites = this.clusterData.length / 6;
    if (sprites > 0) {
      gl.bindBuffer(gl.ARRAY_BUFFER, buffers.clusters);
      gl.vertexAttribPointer(a.a_pos, 2, gl.FLOAT, false, 24, 0);
      gl.vertexAttribPointer(a.a_offset, 2, gl.FLOAT, false, 24, 8);
      gl.vertexAttribPointer(a.a_cell, 1, gl.FLOAT, false, 24, 16);
      gl.enableVertexAttribArray(a.a_size);
      gl.vertexAttribPointer(a.a_size, 1, gl.FLOAT, false, 24, 20);
      gl.disableVertexAttribArray(a.a_hl);
      gl.vertexAttrib1f(a.a_hl, 0);
      drawAll(sprites);
    }
    for (const loc of Object.values(a)) gl.disableVertexAttribArray(loc);
  }
}

/** Writes value(i) into each slot; returns whether any slot changed. */
function assign(target: Float32Array, value: (i: number) => number): boolean {
  let changed = false;
  for (let i = 0; i < target.length; i++) {
    const v = value(i);
    if (target[i] !== v) {
      target[i] = v;
      changed = true;
    }
  }
  return changed;
}
