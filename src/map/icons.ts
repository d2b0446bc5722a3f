// Map icons drawn on a canvas at start-up: one per status and location precision, so no sprite
// file is fetched. Country-only stations are hollow (outline in the status colour).
import type { Shape } from '../model/schema';
import { drawShape } from '../shapes';

const SIZE = 40; // device pixels; the map draws them at pixelRatio 2 (20 CSS px)
const AREA = 300;

function makeIcon(shape: Shape, color: string, outline: string, hollow: boolean): ImageData {
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

/**
 * The ring drawn around a selected (width 5) or hovered (3) station, over a casing of the other
 * theme's colour, so that it stands out on any fill.
 */
function makeRing(color: string, casing: string, width: number): ImageData {
  const size = 56;
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  // willReadFrequently keeps the canvas in memory: a GPU canvas would pay a read-back per icon.
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.beginPath();
  ctx.arc(size / 2, size / 2, size / 2 - 6, 0, Math.PI * 2);
  ctx.lineWidth = width + 4;
  ctx.strokeStyle = casing;
  ctx.stroke();
  ctx.lineWidth = width;
  ctx.strokeStyle = color;
  ctx.stroke();
  return ctx.getImageData(0, 0, size, size);
}

export const ATLAS_CELL = 56;

export interface Atlas {
  readonly image: ImageData;
  readonly cell: number;
  readonly cells: number;
  readonly haloCell: number;
  readonly hoverCell: number;
  readonly clusterCell: number;
  /** Cells of the digits 0-9, in order, for the counts on clusters. */
  readonly digitCell: number;
}

/**
 * Every sprite of the GPU layer in one image: for status k, cell 2k is the city-level icon and
 * 2k+1 the hollow country-level one; then the selection halo, the hover ring, the cluster disc
 * and ten digits.
 */
export function makeAtlas(statuses: readonly { shape: Shape; color: string }[], outline: string, highlight: string, casing: string, cluster: { fill: string; text: string }): Atlas {
  const haloCell = statuses.length * 2;
  const hoverCell = haloCell + 1;
  const clusterCell = hoverCell + 1;
  const digitCell = clusterCell + 1;
  const cells = digitCell + 10;
  const canvas = document.createElement('canvas');
  canvas.width = ATLAS_CELL * cells;
  canvas.height = ATLAS_CELL;
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  const inset = (ATLAS_CELL - SIZE) / 2;
  statuses.forEach((s, k) => {
    ctx.putImageData(makeIcon(s.shape, s.color, outline, false), 2 * k * ATLAS_CELL + inset, inset);
    ctx.putImageData(makeIcon(s.shape, s.color, outline, true), (2 * k + 1) * ATLAS_CELL + inset, inset);
  });
  ctx.putImageData(makeRing(highlight, casing, 5), haloCell * ATLAS_CELL, 0);
  ctx.putImageData(makeRing(highlight, casing, 3), hoverCell * ATLAS_CELL, 0);
  const c = ATLAS_CELL / 2;
  ctx.beginPath();
  ctx.arc(clusterCell * ATLAS_CELL + c, c, c - 3, 0, Math.PI * 2);
  ctx.fillStyle = cluster.fill;
  ctx.fill();
  ctx.lineWidth = 3;
  ctx.strokeStyle = outline;
  ctx.stroke();
  ctx.fillStyle = cluster.text;
  ctx.font = `bold ${ATLAS_CELL - 8}px sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (let d = 0; d < 10; d++) ctx.fillText(String(d), (digitCell + d) * ATLAS_CELL + c, c + 2);
  return { image: ctx.getImageData(0, 0, canvas.width, canvas.height), cell: ATLAS_CELL, cells, haloCell, hoverCell, clusterCell, digitCell };
}
