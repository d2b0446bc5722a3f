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
