// What the host asks of a map renderer (the SVG map, or MapLibre with our layers), so that the
// camera, the tooltips, the keys and the hand-over between them work the same on either.
import type { Camera, Size } from './camera';
import type { MapContent } from './map-content';
import type { Palette } from './palette';

/**
 * Above this many stations the SVG map does not serve: WebGL starts at load. Set by measurement
 * (bench/README.md).
 */
export const SVG_MAX_STATIONS = 2000;

export interface Highlight {
  /** Station indexes. */
  readonly stations: ReadonlySet<number>;
  readonly country: string | null;
  /** A badge, by its id at the current zoom level (hover and keyboard focus only). */
  readonly cluster?: number;
}

/** Everything a renderer draws, but the camera. */
export interface MapFrame {
  readonly content: MapContent;
  readonly palette: Palette;
  readonly selected: Highlight;
  readonly hovered: Highlight;
  /** A station's city in the reader's language (or English, marked so), or null. */
  readonly cityLabel: (station: number) => { readonly text: string; readonly lang: string } | null;
  /** Country names in the reader's language, by ISO code. */
  readonly countryName: (iso: string) => string;
  readonly lang: string;
}

export type MoveListener = (camera: Camera, byUser: boolean, ended: boolean) => void;

export interface MapRenderer {
  readonly kind: 'svg' | 'webgl';
  readonly element: Element;
  size(): Size;
  camera(): Camera;
  /** Moves the camera, at once or animated; listeners hear every step and the end. */
  setCamera(camera: Camera, options?: { animate?: boolean; byUser?: boolean; ended?: boolean }): void;
  isMoving(): boolean;
  onMove(listener: MoveListener): () => void;
  render(frame: MapFrame): void | Promise<void>;
  remove(): void;
}
