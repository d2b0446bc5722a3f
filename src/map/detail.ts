// The finer borders (world-atlas 1:50m) for the zoomed-in WebGL map, read and triangulated off
// the main thread: about a hundred milliseconds of work on a desktop, several times that on a
// phone. Where no worker can start (a policy without worker-src, an opaque origin), the main
// thread does it.
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Topology } from 'topojson-specification';
import type { CountryProps } from './basemap';
import type { CountryMesh } from './country-mesh';

export const DETAIL_URL = 'basemap/countries-50m.json';

export interface Detail {
  readonly countries: FeatureCollection<Polygon | MultiPolygon, CountryProps>;
  readonly mesh: CountryMesh;
}

export type DetailReply = { readonly detail: Detail } | { readonly error: string };

export async function buildDetail(url: string): Promise<Detail> {
  const [{ countriesFromTopology }, { countryMesh }, { fetchText }] = await Promise.all([import('./basemap'), import('./country-mesh'), import('../fetch-text')]);
  const countries = countriesFromTopology(JSON.parse(await fetchText(url)) as Topology);
  return { countries, mesh: countryMesh(countries) };
}

let loading: Promise<Detail> | null = null;

/** Loads once, however many times it is asked. */
export function loadDetail(): Promise<Detail> {
  loading ??= (async () => {
    const url = new URL(DETAIL_URL, document.baseURI).href;
    try {
      return await inWorker(url);
    } catch {
      return buildDetail(url);
    }
  })();
  return loading;
}

function inWorker(url: string): Promise<Detail> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./detail-worker.ts', import.meta.url), { type: 'module' });
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
      return;
    }
    worker.addEventListener('message', (e: MessageEvent<DetailReply>) => {
      worker.terminate();
      if ('detail' in e.data) resolve(e.data.detail);
      else reject(new Error(e.data.error));
    });
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      worker.terminate();
      reject(new Error('the detail worker did not start'));
    });
    worker.postMessage(url);
  });
}
