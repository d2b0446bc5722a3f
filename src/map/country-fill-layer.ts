// The countries filled by their response as of the date: one static mesh, coloured through a
// one-row texture with a texel per country, so a date change uploads a few hundred bytes and
// redraws only the countries it recoloured (their triangles cover exactly the pixels they did).
import type { CountryMesh } from './country-mesh';
import type { GlLayer, GlView } from './layer-canvas';
import { compileProgram, makeBuffer, makeTexture, rgbBytes, type GL, type Program } from './gl-program';

const NAME = 'country fill layer';

const VERTEX = `
attribute vec2 a_pos;
attribute float a_country;
uniform mat4 u_matrix;
uniform float u_wrap;
varying float v_country;
void main() {
  v_country = a_country;
  gl_Position = u_matrix * vec4(a_pos.x + u_wrap, a_pos.y, 0.0, 1.0);
}`;

const FRAGMENT = `
precision mediump float;
uniform sampler2D u_colors;
uniform float u_count;
varying float v_country;
void main() {
  gl_FragColor = texture2D(u_colors, vec2((floor(v_country + 0.5) + 0.5) / u_count, 0.5));
}`;

const ATTRIBS = ['a_pos', 'a_country'] as const;
const UNIFORMS = ['u_matrix', 'u_wrap', 'u_colors', 'u_count'] as const;
type Attrib = (typeof ATTRIBS)[number];
type Uniform = (typeof UNIFORMS)[number];

interface Resources {
  readonly program: Program<Attrib, Uniform>;
  readonly positions: WebGLBuffer;
  readonly country: WebGLBuffer;
  readonly colors: WebGLTexture;
}

export class CountryFillLayer implements GlLayer {
  private resources: Resources | null = null;
  /** RGBA per country, in the mesh's order. */
  private readonly texels: Uint8Array;
  private colorsDirty = true;
  /** Countries whose colour changed since they were last drawn. */
  private readonly changed = new Set<number>();

  constructor(private readonly mesh: CountryMesh) {
    this.texels = new Uint8Array(mesh.isos.length * 4);
  }

  /** Each country's colour ('#rrggbb', in the mesh's order); returns whether any changed. */
  setColors(colors: readonly string[]): boolean {
    let changed = false;
    colors.forEach((hex, i) => {
      const [r, g, b] = rgbBytes(hex);
      const t = this.texels;
      if (t[4 * i] === r && t[4 * i + 1] === g && t[4 * i + 2] === b && t[4 * i + 3] === 255) return;
      t.set([r, g, b, 255], 4 * i);
      this.changed.add(i);
      changed = true;
    });
    if (changed) this.colorsDirty = true;
    return changed;
  }

  private ensureResources(gl: GL): Resources {
    if (this.resources) return this.resources;
    const program = compileProgram(gl, NAME, { vertex: VERTEX, fragment: FRAGMENT }, ATTRIBS, UNIFORMS);
    const positions = makeBuffer(gl, NAME);
    gl.bindBuffer(gl.ARRAY_BUFFER, positions);
    gl.bufferData(gl.ARRAY_BUFFER, this.mesh.positions, gl.STATIC_DRAW);
    const country = makeBuffer(gl, NAME);
    gl.bindBuffer(gl.ARRAY_BUFFER, country);
    gl.bufferData(gl.ARRAY_BUFFER, this.mesh.country, gl.STATIC_DRAW);
    const colors = makeTexture(gl, NAME);
    gl.bindTexture(gl.TEXTURE_2D, colors);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
    this.resources = { program, positions, country, colors };
    this.colorsDirty = true;
    return this.resources;
  }

  draw(gl: GL, view: GlView): void {
    this.changed.clear();
    this.drawRanges(gl, view, [[0, this.mesh.country.length]]);
  }

  /** Redraws only the countries whose colour changed, over what the canvas kept. */
  drawChanges(gl: GL, view: GlView): void {
    const { offsets } = this.mesh;
    const ranges = [...this.changed].map((i): [number, number] => [offsets[i], offsets[i + 1] - offsets[i]]);
    this.changed.clear();
    if (ranges.length > 0) this.drawRanges(gl, view, ranges);
  }

  /** Draws vertex ranges ([first, count]) in every world copy in view. */
  private drawRanges(gl: GL, view: GlView, ranges: readonly (readonly [number, number])[]): void {
    const count = this.mesh.isos.length;
    if (count === 0) return;
    const { program, positions, country, colors } = this.ensureResources(gl);
    gl.activeTexture(gl.TEXTURE0);
    gl.bindTexture(gl.TEXTURE_2D, colors);
    if (this.colorsDirty) {
      gl.pixelStorei(gl.UNPACK_ALIGNMENT, 4);
      gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, count, 1, 0, gl.RGBA, gl.UNSIGNED_BYTE, this.texels);
      this.colorsDirty = false;
    }
    const { attrib: a, uniform: u } = program;
    gl.useProgram(program.program);
    gl.uniformMatrix4fv(u.u_matrix, false, view.matrix);
    gl.uniform1i(u.u_colors, 0);
    gl.uniform1f(u.u_count, count);
    gl.bindBuffer(gl.ARRAY_BUFFER, positions);
    gl.enableVertexAttribArray(a.a_pos);
    gl.vertexAttribPointer(a.a_pos, 2, gl.FLOAT, false, 0, 0);
    gl.bindBuffer(gl.ARRAY_BUFFER, country);
    gl.enableVertexAttribArray(a.a_country);
    gl.vertexAttribPointer(a.a_country, 1, gl.FLOAT, false, 0, 0);
    for (const w of view.wraps) {
      gl.uniform1f(u.u_wrap, w);
      for (const [first, n] of ranges) gl.drawArrays(gl.TRIANGLES, first, n);
    }
    gl.disableVertexAttribArray(a.a_pos);
    gl.disableVertexAttribArray(a.a_country);
  }
}
