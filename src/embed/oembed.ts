// The oEmbed answer for the default view, written by the build when it knows its public URL
// (CHRONOMAP_PUBLIC_URL). A static file answers every request alike, so it cannot follow a pasted
// deep link: a view is embedded with the Share / Embed code instead.
import { EMBED_INITIAL_HEIGHT } from './messages.ts';
import { escapeHtml } from '../escape-html.ts';

export interface OembedInput {
  /** The app's public URL, ending in "/". */
  readonly publicUrl: string;
  readonly title: string;
}

/** The width the oEmbed answer asks for: a common article column. */
const WIDTH = 640;

/**
 * A blockquote with a link, then the iframe: the shape WordPress keeps of a rich answer (it drops
 * anything else, scripts included, sandboxes the iframe, and shows the blockquote until the frame
 * posts its height).
 */
export function oembedHtml({ publicUrl, title }: OembedInput): string {
  const t = escapeHtml(title);
  return (
    `<blockquote><a href="${escapeHtml(publicUrl)}">${t}</a></blockquote>` +
    `<iframe src="${escapeHtml(`${publicUrl}?embed=1`)}" title="${t}" width="${WIDTH}" height="${EMBED_INITIAL_HEIGHT}" frameborder="0" scrolling="no"></iframe>`
  );
}

/** The rich oEmbed JSON (oEmbed 1.0, section 2.3.4). */
export function oembedJson(input: OembedInput): string {
  const { publicUrl, title } = input;
  return JSON.stringify(
    {
      version: '1.0',
      type: 'rich',
      title,
      provider_name: new URL(publicUrl).host,
      provider_url: publicUrl,
      html: oembedHtml(input),
      width: WIDTH,
      height: EMBED_INITIAL_HEIGHT,
      thumbnail_url: `${publicUrl}preview.png`,
      thumbnail_width: 1200,
      thumbnail_height: 630,
    },
    null,
    2,
  );
}
