// A marker shape as a small inline SVG icon, for the legend and the panel's status labels. Beside
// shapes.ts rather than in a view, so that views need not import each other for it.
import { svgEl } from './dom';
import { isHollow, shapePath } from './shapes';
import type { Shape } from './model/schema';

export function legendShape(shape: Shape, color: string, hollow: boolean): SVGSVGElement {
  const ring = hollow || isHollow(shape);
  return svgEl('svg', { class: 'legend-shape', width: 16, height: 16, viewBox: '-8 -8 16 16', 'aria-hidden': 'true' }, [
    svgEl('path', {
      d: shapePath(shape, 90),
      fill: ring ? 'none' : color,
      stroke: ring ? color : 'var(--mark-outline)',
      'stroke-width': ring ? 2.2 : 1,
    }),
  ]);
}
