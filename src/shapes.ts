// One definition of the marker shapes, used by the map icons, the timeline marks and the legend,
// so a shape means the same thing everywhere.
import { symbol, symbolCircle, symbolCross, symbolDiamond, symbolSquare, symbolStar, symbolTriangle, type SymbolType } from 'd3';
import type { Shape } from './model/schema';

const triangleDown: SymbolType = {
  draw(context, size) {
    const y = -Math.sqrt(size / (3 * Math.sqrt(3)));
    context.moveTo(0, -y * 2);
    context.lineTo(-Math.sqrt(3) * y, y);
    context.lineTo(Math.sqrt(3) * y, y);
    context.closePath();
  },
};

const SYMBOLS: Readonly<Record<Shape, SymbolType>> = {
  circle: symbolCircle,
  ring: symbolCircle,
  square: symbolSquare,
  diamond: symbolDiamond,
  triangle: symbolTriangle,
  'triangle-down': triangleDown,
  cross: symbolCross,
  star: symbolStar,
};

/** SVG path data for a shape of the given area in square pixels, centred on 0,0. */
export function shapePath(shape: Shape, area: number): string {
  return symbol(SYMBOLS[shape], area)() ?? '';
}

/** Draws a shape on a 2D canvas (used for map icons and the canvas timeline). */
export function drawShape(ctx: CanvasRenderingContext2D, shape: Shape, area: number): void {
  ctx.beginPath();
  symbol(SYMBOLS[shape], area).context(ctx)();
}

export const isHollow = (shape: Shape) => shape === 'ring';

/**
 * A shape's path data as a function of where its centre goes, so that one path element can draw
 * many icons (the SVG map draws thousands). Only the first point is absolute; the rest of the
 * shape is written once, relative to it, so each icon costs two numbers.
 */
export function shapeAt(shape: Shape, area: number): (x: number, y: number) => string {
  return pathAt(shapePath(shape, area));
}

/** Path data centred on 0,0 (M, L, A, h, v and Z commands, as d3 writes them) as a function of its centre. */
export function pathAt(path: string): (x: number, y: number) => string {
  const commands = [...path.matchAll(/([A-Za-z])([^A-Za-z]*)/g)].map(([, command, args]) => ({
    command,
    args: args.split(',').filter((a) => a !== '').map(Number),
  }));
  const [first, ...rest] = commands;
  if (first?.command !== 'M') throw new Error(`${path}: path data does not begin with M`);
  const [x0, y0] = first.args;
  let [cx, cy] = [x0, y0];
  let [sx, sy] = [x0, y0];
  const round = (n: number) => Number(n.toFixed(3));
  const tail = rest
    .map(({ command, args }) => {
      const d = (x: number, y: number) => {
        const out = `${round(x - cx)},${round(y - cy)}`;
        [cx, cy] = [x, y];
        return out;
      };
      switch (command) {
        case 'M': {
          const out = `m${d(args[0], args[1])}`;
          [sx, sy] = [cx, cy];
          return out;
        }
        case 'L':
          return `l${d(args[0], args[1])}`;
        case 'A':
          return `a${args.slice(0, 5).join(',')},${d(args[5], args[6])}`;
        case 'h':
          cx += args[0];
          return `h${args[0]}`;
        case 'v':
          cy += args[0];
          return `v${args[0]}`;
        case 'Z':
        case 'z':
          [cx, cy] = [sx, sy];
          return 'Z';
        default:
          throw new Error(`${path}: path command ${command} is not handled`);
      }
    })
    .join('');
  return (x, y) => `M${(x + x0).toFixed(1)},${(y + y0).toFixed(1)}${tail}`;
}
