// The embed's message formats, pure: what it posts to a parent page and what it accepts from one.
import { patchFromParams } from '../state/url';
import type { StatePatch } from '../state/state';
import { parseCamera, validCamera } from '../map/camera';

/** Height messages in the formats newsroom embed scripts already listen for. */
export function heightMessages(height: number, params: URLSearchParams): unknown[] {
  const px = Math.ceil(height);
  const messages: unknown[] = [{ type: 'chronomap:height', height: px }, { 'datawrapper-height': { [params.get('embedId') || 'chronomap']: px } }];
  const childId = params.get('childId');
  // Pym.js parents add childId to the iframe URL and expect this exact string protocol.
  if (childId) messages.push(`pymxPYMx${childId}xPYMxheightxPYMx${px}`);
  return messages;
}

const SET_KEYS = ['from', 'to', 'station', 'country', 'event', 'types', 'lang'] as const;

/**
 * Reads `{type: "chronomap:set", state: {...}}`. Anything else is null (ignored). Field values
 * have the same meaning as the URL's; types may be an array or a comma list. Invalid fields are
 * dropped here or by the state's own validation, never thrown.
 */
export function parseSetMessage(data: unknown): StatePatch | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const msg = data as Record<string, unknown>;
  if (msg.type !== 'chronomap:set') return null;
  const state = msg.state;
  if (typeof state !== 'object' || state === null || Array.isArray(state)) return null;
  const fields = state as Record<string, unknown>;
  const get = (key: string): string | null => {
    if (!(SET_KEYS as readonly string[]).includes(key) || !Object.hasOwn(fields, key)) return null;
    const v = fields[key];
    if (key === 'types' && Array.isArray(v)) return v.filter((t): t is string => typeof t === 'string').join(',');
    if (key === 'types' && v === null) return null;
    return typeof v === 'string' && v.length <= 200 ? v : null;
  };
  const patch: { -readonly [K in keyof StatePatch]: StatePatch[K] } = { ...patchFromParams(get) };
  // An explicit null clears the selection, as a reader's Escape would.
  if ((['station', 'country', 'event'] as const).some((k) => Object.hasOwn(fields, k) && fields[k] === null) && patch.selection === undefined) {
    patch.selection = null;
  }
  // `camera`: {lon, lat, zoom} (or the URL's "zoom/lat/lon"); null goes back to framing the selection.
  if (Object.hasOwn(fields, 'camera')) {
    const c = fields.camera;
    const camera = c === null ? null : typeof c === 'string' && c.length <= 100 ? parseCamera(c) : typeof c === 'object' && !Array.isArray(c) ? validCamera(c as Record<string, unknown> as { lon: unknown; lat: unknown; zoom: unknown }) : undefined;
    if (camera !== undefined && (camera !== null || c === null)) patch.camera = camera;
  }
  return patch;
}

/** `allowed` is a comma-separated list of origins, or "*" for any (the default: the data is public). */
export function isAllowedOrigin(origin: string, allowed: string): boolean {
  const list = allowed.split(',').map((s) => s.trim()).filter(Boolean);
  return list.length === 0 || list.includes('*') || list.includes(origin);
}

/** The embed code for a view: a lazy iframe, the resizer script and a no-JS fallback image. */
export function embedSnippet(opts: { embedUrl: string; fullUrl: string; scriptUrl: string; imageUrl: string; title: string }): string {
  const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return [
    `<iframe src="${attr(opts.embedUrl)}" title="${attr(opts.title)}" loading="lazy" width="100%" height="640" style="width:100%;border:0" data-chronomap></iframe>`,
    `<script src="${attr(opts.scriptUrl)}" async></script>`,
    `<noscript><a href="${attr(opts.fullUrl)}"><img src="${attr(opts.imageUrl)}" alt="${attr(opts.title)}" width="1200" height="630" style="max-width:100%;height:auto"></a></noscript>`,
  ].join('\n');
}
