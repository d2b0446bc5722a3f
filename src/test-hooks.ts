// Only in the test build (VITE_CHRONOMAP_TEST_HOOKS=1, tests and the benchmark): a handle on the
// app for tests that need more than the page and the message API give. The production build
// leaves this module out (a test checks that `window.__chronomap` is absent there).
import type { App } from './app';
import { patchFromParams } from './state/url';
import { parseSetMessage } from './embed/messages';

/** MapLibre's frames so far, counted from its draw calls (our own canvases have other contexts). */
let mapFrames = 0;
let counting = false;
function countMapFrames(): void {
  if (counting || typeof WebGL2RenderingContext === 'undefined') return;
  counting = true;
  for (const proto of [WebGL2RenderingContext.prototype, WebGLRenderingContext.prototype]) {
    const clear = proto.clear;
    proto.clear = function (this: WebGLRenderingContext, mask: number) {
      // MapLibre clears its canvas once at the start of every frame.
      if ((this.canvas as HTMLCanvasElement).classList?.contains('maplibregl-canvas')) mapFrames++;
      return clear.call(this, mask);
    };
  }
}

export function exposeForTests(app: App): void {
  countMapFrames();
  const { store } = app;
  (window as unknown as { __chronomap: unknown }).__chronomap = {
    getState: store.getState,
    dispatch: store.dispatch,
    applyQuery: (search: string) => {
      const params = new URLSearchParams(search);
      store.dispatch({ type: 'patch', patch: patchFromParams((k) => params.get(k)) });
    },
    applyMessage: (data: unknown) => {
      const patch = parseSetMessage(data);
      if (patch) store.dispatch({ type: 'patch', patch });
    },
    stationsShown: () => app.shownStations(),
    camera: () => app.camera(),
    mapKind: () => document.documentElement.dataset.map,
    mapZoom: () => app.camera().zoom,
    mapFrames: () => (document.documentElement.dataset.map === 'webgl' ? mapFrames : null),
    stationIds: () => app.stationIds(),
    /** The map's marks in view, in pixels within the map: stations and badges. */
    marks: () => app.mapMarks(),
  };
}
