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
  // willReadFrequently keeps the canvas in memory: a GPU canvas would pay a read-back per icon.
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
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

/** The selection ring drawn around a highlighted station. */
export function makeHalo(color: string): ImageData {
  const size = 56;
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  // willReadFrequently keeps the canvas in memory: a GPU canvas would pay a read-back per icon.
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.beginPath();
  ctx.arc(size / 2, size / 2, size / 2 - 4, 0, Math.PI * 2);
  ctx.lineWidth = 5;
  ctx.strokeStyle = color;
  ctx.stroke();
  return ctx.getImageData(0, 0, size, size);
}
