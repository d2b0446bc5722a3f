// Start-up, in phases, each waiting for the frame of the one before so that its work does not
// hold back what the reader already sees:
//   1. first paint: the map, the counts line and the page's text, from the overview (a summary
//      the build derives from the data) and the basemap;
//   2. controls: the timeline, player, legend and switches, working on the overview, once the
//      stations file has arrived and matches it;
//   3. model: the events are read, and the panel, search, list, URL and embed messages start;
//   4. WebGL, on demand: when the reader zooms, pans or selects something that moves the camera
//      (or at once, where the data is too big for the SVG map). See map/map-host.ts.
import type { Topology } from 'topojson-specification';
import { startLoading, type Loaded, type StoryFile } from './load';
import { DATA_BASE } from './data-files';
import { buildModel } from './model/model';
import { overviewMatches } from './model/overview';
import { setMessageOverrides } from './i18n';
import { byId as $ } from './dom';
import { afterNextFrame, nextTask } from './frame';
import { countriesFromTopology } from './map/basemap';
import { fetchText } from './fetch-text';
import { App, modelStage, previewStage, type Story } from './app';
import { showFatal, showLoading } from './page';
import { inFrame, isEmbedded } from './embed/embed-mode';
import { startHostProtocols } from './embed/host-protocols';
import { showFallback } from './embed/fallback';

const BASEMAP = 'basemap/countries-110m.json';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

export async function start(): Promise<void> {
  // Only in the test build (the production build drops this line and the module).
  const hooks = import.meta.env.VITE_CHRONOMAP_TEST_HOOKS === '1' ? import('./test-hooks') : null;
  // Set by the boot script already, unless a host's policy refused it: no fallback over the app.
  document.documentElement.classList.add('js');
  // The embed tells its host page its height from the first paint on (and its fallback's, should
  // it fail): the layout reserves every part's room, so the host does not move again.
  const query = new URLSearchParams(location.search);
  const embedded = isEmbedded(query);
  const host = embedded && inFrame() ? startHostProtocols(query) : null;
  showLoading();
  const painted = deferred();
  const controlsPainted = deferred();
  const loading = startLoading(DATA_BASE, painted.promise, controlsPainted.promise);
  const topology = fetchText(BASEMAP).then((text) => countriesFromTopology(JSON.parse(text) as Topology));
  // A link to a story step paints that step from the first frame: it waits for the (small) story
  // file and its check; any other load takes the story after the first paint.
  const withCheck = (file: StoryFile | null): Promise<Story | null> =>
    file
      ? import('./model/story').then(
          ({ validateStory }) => ({ file, check: validateStory }),
          () => null, // Not loaded: the page goes on without its tour.
        )
      : Promise.resolve(null);
  const stepLink = query.has('step');
  const story = stepLink ? loading.story.then(withCheck) : Promise.resolve(null);
  const laterStory = (a: App) => {
    // The check's module (zod) is evaluated in one task, the steps read in the next: not one long task.
    if (!stepLink)
      void Promise.all([loading.story, painted.promise])
        .then(([file]) => withCheck(file))
        .then(async (s) => {
          await nextTask();
          a.useStory(s);
        });
  };
  let app: App | null = null;

  // 1. First paint, from the overview. Without one (or one of other data) the map waits for the model.
  const paint = Promise.all([loading.preview, topology, story])
    .then(async ([preview, countries, firstStory]) => {
      if (!preview) {
        // The build's counts line came with the overview it wrote: without one, it is not shown.
        $('counts').textContent = '';
        return;
      }
      app = new App(previewStage(preview), countries, firstStory);
      laterStory(app);
      await afterNextFrame();
    })
    .catch(() => undefined)
    .finally(() => {
      painted.resolve();
      if (app) host?.ready();
    });

  // 2. Controls, once the stations are known to be the overview's.
  void loading.previewStationsMatch.then(async (match) => {
    await paint;
    if (app && match) await app.mountControls().catch(() => undefined);
    // Drawn from other stations: the map waits for the model rather than show what is not so.
    else if (app && !match) app.previewIsStale();
    controlsPainted.resolve();
  });

  // 3. The model.
  let loaded: Loaded;
  let countries: Awaited<typeof topology>;
  try {
    [loaded, countries] = await Promise.all([loading.loaded, topology]);
  } catch (err) {
    // An embed shows its fallback (the preview image, a link, the reason) in its own space.
    if (embedded) {
      showFallback('data');
      host?.ready();
    } else showFatal(err instanceof Error ? err.message : String(err), () => location.reload());
    return;
  }
  setMessageOverrides(loaded.dataset.config.messages);
  const model = buildModel(loaded.dataset);
  await paint;
  const current: App = app ?? new App(modelStage(model), countries, await story);
  if (!app) laterStory(current);
  app = current;
  await current.mountControls();
  const preview = await loading.preview;
  if (hooks) (await hooks).exposeForTests(current);
  current.useModel(model, loaded);
  host?.ready();
  if (preview && !overviewMatches(preview, model)) {
    console.warn('data/overview.json does not match the data files: rebuild (npm run build) so that the first map paint shows the current data');
  }
}
