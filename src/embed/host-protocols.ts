// Tells the page that frames the embed how tall it is, in each protocol a newsroom's page may
// speak: ours, Datawrapper's, AMP's and Pym.js's (posted unasked), WordPress's (when its secret is
// in the URL) and iframe-resizer's (once its parent has sent its init). Heights are posted from
// the first paint on: the layout reserves every part's room, so the first height is the last.
import { AMP_READY, heightMessages, IFRAME_RESIZER_CHILD_READY, iframeResizerSize, isWordpressReady, parseIframeResizer, wordpressHeight, wordpressLink, wordpressSecret } from './messages';

export interface HostProtocols {
  /** The embed has drawn, or shows its fallback: AMP takes down its placeholder. */
  ready(): void;
}

interface Size {
  readonly height: number;
  readonly width: number;
}

const measure = (): Size => ({ height: Math.ceil(document.body.getBoundingClientRect().height), width: Math.ceil(document.documentElement.scrollWidth) });

export function startHostProtocols(params: URLSearchParams): HostProtocols {
  const parent = window.parent;
  const post = (message: unknown) => parent.postMessage(message, '*');
  const secret = wordpressSecret(location.hash);
  /** iframe-resizer's name for this frame, once its parent has sent its init. */
  let resizerId: string | null = null;
  let posted = -1;

  const postHeight = () => {
    const size = measure();
    if (size.height === posted) return;
    posted = size.height;
    for (const m of heightMessages(size.height, params)) post(m);
    if (secret) post(wordpressHeight(secret, size.height));
    if (resizerId !== null) post(iframeResizerSize(resizerId, size.height, size.width, 'resizeObserver'));
  };

  window.addEventListener('message', (event: MessageEvent) => {
    if (event.source !== parent) return;
    const request = parseIframeResizer(event.data);
    if (request) {
      if (request.kind === 'init') resizerId = request.id;
      if (resizerId === null) return;
      const size = measure();
      post(iframeResizerSize(resizerId, size.height, size.width, request.kind === 'init' ? 'init' : 'resizeParent'));
    } else if (secret && isWordpressReady(event.data, secret)) {
      post(wordpressHeight(secret, measure().height));
    }
  });
  if (secret) openLinksInWordpress(secret, post);
  // An iframe-resizer parent that sent its init before this listener existed sends it again.
  post(IFRAME_RESIZER_CHILD_READY);
  new ResizeObserver(postHeight).observe(document.body);

  let isReady = false;
  return {
    ready() {
      if (isReady) return;
      isReady = true;
      postHeight();
      post(AMP_READY);
    },
  };
}

/**
 * WordPress sandboxes the frame without `allow-popups`, so a link to a new tab would be blocked;
 * instead it navigates its own page to a link of the embed's host when asked.
 */
function openLinksInWordpress(secret: string, post: (message: unknown) => void): void {
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.target instanceof Element ? event.target.closest('a[href][target="_blank"]') : null;
    if (!(link instanceof HTMLAnchorElement) || new URL(link.href).host !== location.host) return;
    event.preventDefault();
    post(wordpressLink(secret, link.href));
  });
}
