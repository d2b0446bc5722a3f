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
 * many icons (the SVG map draws thousands). d3's symbols write absolute M, L and A commands and
 * relative h and v ones; only the absolute points move.
 */
export function shapeAt(shape: Shape, area: number): (x: number, y: number) => string {
  const commands = [...shapePath(shape, area).matchAll(/([A-Za-z])([^A-Za-z]*)/g)].map(([, command, args]) => ({
    command,
    args: args.split(',').filter((a) => a !== '').map(Number),
  }));
  const at = (n: number, offset: number) => (n + offset).toFixed(1);
  return (x, y) =>
    commands
      .map(({ command, args }) => {
        if (command === 'M' || command === 'L') return `${command}${at(args[0], x)},${at(args[1], y)}`;
        if (command === 'A') return `A${args.slice(0, 5).join(',')},${at(args[5], x)},${at(args[6], y)}`;
        return `${command}${args.join(',')}`;
      })
      .join('');
}
