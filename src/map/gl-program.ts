// Shader programs for the map's own GPU layers (stations, country fills), with their attribute
// and uniform locations looked up once.

export type GL = WebGLRenderingContext | WebGL2RenderingContext;

export interface Program<A extends string, U extends string> {
  readonly program: WebGLProgram;
  readonly attrib: Readonly<Record<A, number>>;
  readonly uniform: Readonly<Record<U, WebGLUniformLocation | null>>;
}

/** Compiles and links; `attribs[0]` is bound to location 0, which WebGL 1 needs to be an array. */
export function compileProgram<A extends string, U extends string>(
  gl: GL,
  name: string,
  source: { readonly vertex: string; readonly fragment: string },
  attribs: readonly [A, ...A[]],
  uniforms: readonly U[],
): Program<A, U> {
  const shader = (type: number, text: string) => {
    const s = gl.createShader(type);
    if (!s) throw new Error(`${name}: no shader`);
    gl.shaderSource(s, text);
    gl.compileShader(s);
    if (!gl.getShaderParameter(s, gl.COMPILE_STATUS)) throw new Error(`${name}: ${gl.getShaderInfoLog(s) ?? 'shader failed'}`);
    return s;
  };
  const program = gl.createProgram();
  if (!program) throw new Error(`${name}: no program`);
  gl.attachShader(program, shader(gl.VERTEX_SHADER, source.vertex));
  gl.attachShader(program, shader(gl.FRAGMENT_SHADER, source.fragment));
  gl.bindAttribLocation(program, 0, attribs[0]);
  gl.linkProgram(program);
  if (!gl.getProgramParameter(program, gl.LINK_STATUS)) throw new Error(`${name}: ${gl.getProgramInfoLog(program) ?? 'link failed'}`);
  return {
    program,
    attrib: Object.fromEntries(attribs.map((n) => [n, gl.getAttribLocation(program, n)])) as Record<A, number>,
    uniform: Object.fromEntries(uniforms.map((n) => [n, gl.getUniformLocation(program, n)])) as Record<U, WebGLUniformLocation | null>,
  };
}

export function makeBuffer(gl: GL, name: string): WebGLBuffer {
  const b = gl.createBuffer();
  if (!b) throw new Error(`${name}: no WebGL buffer`);
  return b;
}

export function makeTexture(gl: GL, name: string): WebGLTexture {
  const t = gl.createTexture();
  if (!t) throw new Error(`${name}: no WebGL texture`);
  return t;
}

/** '#rrggbb' as bytes. */
export function rgbBytes(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1, 7), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
