// Embed mode: compact chrome, the full view's link, and the scrollytelling API. The height
// messages are host-protocols.ts's.
import { el } from '../dom';
import { isAllowedOrigin, parseSetMessage } from './messages';
import { stateToPlain } from '../state/url';
import type { AppState } from '../state/state';
import type { Store } from '../state/store';
import type { Camera } from '../map/camera';

/** Parameters that belong to the embedding, not to the view; kept in the URL as they came. */
export const EMBED_PARAMS = ['embed', 'title', 'storycard', 'childId', 'embedId', 'parentUrl', 'parentTitle', 'initialWidth'] as const;

export const isEmbedded = (params: URLSearchParams) => params.get('embed') === '1';
export const inFrame = (): boolean => window.parent !== window;

/** Parent origins the API obeys, set at build time (VITE_CHRONOMAP_PARENT_ORIGINS); any by default. */
const ALLOWED = (import.meta.env.VITE_CHRONOMAP_PARENT_ORIGINS as string | undefined) ?? '*';

export function embedExtras(params: URLSearchParams): Record<string, string> {
  const extra: Record<string, string> = {};
  for (const key of EMBED_PARAMS) {
    const v = params.get(key);
    if (v !== null) extra[key] = v;
  }
  return extra;
}

export function setupEmbedChrome(params: URLSearchParams): void {
  document.documentElement.classList.add('embed');
  if (params.get('title') === '0') document.documentElement.classList.add('no-title');
  // A host page that tells the story itself (scrollytelling) drives the steps without the card.
  if (params.get('storycard') === '0') document.documentElement.classList.add('no-story-card');
}

/**
 * The same view without the embed parameters, for the "Open full view" link; `base`: where the
 * app is (this page's folder by default).
 */
export function fullViewUrl(query: string, base: URL = new URL(location.href)): string {
  const params = new URLSearchParams(query);
  for (const key of EMBED_PARAMS) params.delete(key);
  const q = params.toString();
  const url = new URL(base.href);
  url.search = q ? `?${q}` : '';
  url.hash = '';
  return url.href;
}

export function fullViewLink(label: string, query: string): HTMLAnchorElement {
  return el('a', { href: fullViewUrl(query), target: '_blank', rel: 'noopener', class: 'full-view' }, [label]);
}

/** Messages to the embedding page; `camera` is where the map is (framed, or moved by the reader). */
export interface EmbedApi {
  stateChanged(state: AppState, camera: Camera): void;
  rendered(state: AppState, camera: Camera): void;
}

export function startMessageApi(store: Store): EmbedApi {
  const post = (type: string, state: AppState, camera: Camera) => {
    if (inFrame()) window.parent.postMessage({ type, state: stateToPlain(state, camera) }, '*');
  };
  window.addEventListener('message', (event: MessageEvent) => {
    if (!inFrame() || event.source !== window.parent || !isAllowedOrigin(event.origin, ALLOWED)) return;
    const patch = parseSetMessage(event.data);
    if (patch) store.dispatch({ type: 'patch', patch });
  });
  let ready = false;
  return {
    stateChanged: (state, camera) => post('chronomap:state', state, camera),
    rendered: (state, camera) => {
      if (!ready) {
        ready = true;
        post('chronomap:ready', state, camera);
      }
      post('chronomap:rendered', state, camera);
    },
  };
}
