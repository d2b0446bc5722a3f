// A MapLibre custom layer that draws nothing: in each MapLibre frame it reads the camera (the
// same matrix MapLibre's own layers use) and hands it to the map's own canvases, which then draw
// in that same frame, so they never lag a pan or a zoom.
import type { CustomLayerInterface, CustomRenderMethodInput, Map as MapLibreMap } from 'maplibre-gl';
import type { GlView } from './layer-canvas';

export class ViewProbe implements CustomLayerInterface {
  readonly type = 'custom' as const;
  readonly renderingMode = '2d' as const;
  private map: MapLibreMap | null = null;

  constructor(
    readonly id: string,
    private readonly onFrame: (view: GlView) => void,
  ) {}

  onAdd(map: MapLibreMap): void {
    this.map = map;
  }

  onRemove(): void {
    this.map = null;
  }

  render(_gl: WebGLRenderingContext | WebGL2RenderingContext, options: CustomRenderMethodInput): void {
    const map = this.map;
    if (!map) return;
    const canvas = map.getCanvas();
    const pixelRatio = map.getPixelRatio();
    const bounds = map.getBounds();
    const wraps: number[] = [];
    for (let w = Math.floor((bounds.getWest() + 180) / 360); w <= Math.floor((bounds.getEast() + 180) / 360); w++) wraps.push(w);
    this.onFrame({
      matrix: Float32Array.from(options.defaultProjectionData.mainMatrix),
      zoom: map.getZoom(),
      pixelRatio,
      width: canvas.width / pixelRatio,
      height: canvas.height / pixelRatio,
      wraps,
    });
  }
}
