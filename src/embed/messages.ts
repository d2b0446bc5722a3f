// The embed's message formats, pure: what it posts to a parent page and what it accepts from one.
import { patchFromFields } from '../state/fields.ts';
import type { StatePatch } from '../state/state';
import { escapeHtml } from '../escape-html.ts';

/**
 * Height messages in the formats newsroom embed scripts already listen for: ours, Datawrapper's,
 * AMP's (amp-iframe with `resizable`), and Pym.js's when the URL has its childId.
 */
export function heightMessages(height: number, params: URLSearchParams): unknown[] {
  const px = Math.ceil(height);
  const messages: unknown[] = [
    { type: 'chronomap:height', height: px },
    { 'datawrapper-height': { [params.get('embedId') || 'chronomap']: px } },
    { sentinel: 'amp', type: 'embed-size', height: px },
  ];
  const childId = params.get('childId');
  // Pym.js parents add childId to the iframe URL and expect this exact string protocol.
  if (childId) messages.push(`pymxPYMx${childId}xPYMxheightxPYMx${px}`);
  return messages;
}

/** AMP takes down an amp-iframe's placeholder on this. */
export const AMP_READY = { sentinel: 'amp', type: 'embed-ready' } as const;

/**
 * WordPress's secret, from the `#?secret=…` it appends to the URL of an embed it frames; null
 * when there is none. WordPress ignores a secret that is not alphanumeric, and so do we.
 */
export function wordpressSecret(hash: string): string | null {
  if (!hash.startsWith('#?')) return null;
  const secret = new URLSearchParams(hash.slice(2)).get('secret');
  return secret !== null && /^[A-Za-z0-9]{1,64}$/.test(secret) ? secret : null;
}

/** WordPress shows the frame on the first of these, at the height given (clamped to 200–1,000). */
export const wordpressHeight = (secret: string, height: number) => ({ secret, message: 'height', value: Math.ceil(height) }) as const;

/** A link to open in the host page: WordPress navigates its top window to it (same host only). */
export const wordpressLink = (secret: string, url: string) => ({ secret, message: 'link', value: url }) as const;

/** WordPress's host script posts this when it starts, in case the frame spoke before it listened. */
export function isWordpressReady(data: unknown, secret: string): boolean {
  if (typeof data !== 'object' || data === null) return false;
  const msg = data as Record<string, unknown>;
  return msg.message === 'ready' && msg.secret === secret;
}

// iframe-resizer's wire format (v4; v5 keeps it): string messages behind this header.
const IFRAME_SIZER = '[iFrameSizer]';
/** What its child script posts on starting late, so that the parent sends its init again. */
export const IFRAME_RESIZER_CHILD_READY = '[iFrameResizerChild]Ready';

/** What an iframe-resizer parent asks: `init` names the frame; `size` asks for the size again. */
export type IframeResizerRequest = { readonly kind: 'init'; readonly id: string } | { readonly kind: 'size' };

/**
 * Reads a parent's message: `[iFrameSizer]<id>:<bodyMargin>:<sizeWidth>:<log>:…` is the init
 * (its third field, sizeWidth, is "true" or "false": the library's own test); `[iFrameSizer]resize`
 * and `[iFrameSizer]reset` ask for the size. Anything else is null.
 */
export function parseIframeResizer(data: unknown): IframeResizerRequest | null {
  if (typeof data !== 'string' || !data.startsWith(IFRAME_SIZER) || data.length > 2000) return null;
  const fields = data.slice(IFRAME_SIZER.length).split(':');
  if (fields.length >= 3 && (fields[2] === 'true' || fields[2] === 'false')) {
    const id = fields[0];
    // The parent finds its frame by this id and splits our answer on ':'.
    return /^[^:\]\s]{1,200}$/.test(id) ? { kind: 'init', id } : null;
  }
  return fields[0] === 'resize' || fields[0] === 'reset' ? { kind: 'size' } : null;
}

/** The child's answer: `[iFrameSizer]<id>:<height>:<width>:<type>` (type `init` first). */
export function iframeResizerSize(id: string, height: number, width: number, type: 'init' | 'resizeObserver' | 'resizeParent'): string {
  return `${IFRAME_SIZER}${id}:${Math.ceil(height)}:${Math.ceil(width)}:${type}`;
}

/**
 * Reads `{type: "chronomap:set", state: {...}}`. Anything else is null (ignored). The fields are
 * the URL's, read as story steps read theirs (state/fields.ts); `step` moves to a story step (null
 * leaves the tour).
 */
export function parseSetMessage(data: unknown): StatePatch | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const msg = data as Record<string, unknown>;
  if (msg.type !== 'chronomap:set') return null;
  const state = msg.state;
  if (typeof state !== 'object' || state === null || Array.isArray(state)) return null;
  return patchFromFields(state as Record<string, unknown>);
}

/** `allowed` is a comma-separated list of origins, or "*" for any (the default: the data is public). */
export function isAllowedOrigin(origin: string, allowed: string): boolean {
  const list = allowed.split(',').map((s) => s.trim()).filter(Boolean);
  return list.length === 0 || list.includes('*') || list.includes(origin);
}

/**
 * The iframe's height before its first height message: about what the embed measures at a
 * common article width (it is 1,000 px at most from 360 px up), so that the host page barely moves
 * when the real height arrives.
 */
export const EMBED_INITIAL_HEIGHT = 940;

/** The embed code for a view: a lazy iframe, the resizer script and a no-JS fallback image. */
export function embedSnippet(opts: { embedUrl: string; fullUrl: string; scriptUrl: string; imageUrl: string; title: string }): string {
  const attr = escapeHtml;
  return [
    `<iframe src="${attr(opts.embedUrl)}" title="${attr(opts.title)}" loading="lazy" width="100%" height="${EMBED_INITIAL_HEIGHT}" style="width:100%;border:0" data-chronomap></iframe>`,
    `<script src="${attr(opts.scriptUrl)}" async></script>`,
    `<noscript><a href="${attr(opts.fullUrl)}"><img src="${attr(opts.imageUrl)}" alt="${attr(opts.title)}" width="1200" height="630" style="max-width:100%;height:auto"></a></noscript>`,
  ].join('\n');
}
