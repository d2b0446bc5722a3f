// Map icons drawn on a canvas at start-up: one per status and location precision, so no sprite
// file is fetched. Country-only stations are hollow (outline in the status colour).
import type { Shape } from '../model/schema';
import { drawShape } from '../shapes';

const SIZE = 40; // device pixels; the map draws them at pixelRatio 2 (20 CSS px)
const AREA = 300;

export function makeIcon(shape: Shape, color: string, outline: string, hollow: boolean): ImageData {
  const canvas = document.createElement('canvas');
  canvas.width = SIZE;
  canvas.height = SIZE;
  const ctx = canvas.getContext('2d')!;
  ctx.translate(SIZE / 2, SIZE / 2);
  drawShape(ctx, shape, AREA);
  ctx.lineJoin = 'round';
  if (hollow) {
    ctx.lineWidth = 7;
    ctx.strokeStyle = outline;
    ctx.stroke();
    ctx.lineWidth = 4;
    ctx.strokeStyle = color;
    ctx.stroke();
  } else {
    ctx.lineWidth = 3;
    ctx.strokeStyle = outline;
    ctx.stroke();
    ctx.fillStyle = color;
    ctx.fill();
  }
  return ctx.getImageData(0, 0, SIZE, SIZE);
}
