// The page's static chrome written into index.html by the build, in every language the story
// offers: its title and standfirst, the controls' labels, the legend and the counts line of the
// default view. CSS shows the language the inline boot script (src/boot.js) reads from the URL,
// so the first paint is already the final layout (no shift when the app's script arrives), the
// largest text paints with the HTML, and a reader without JavaScript still reads the story's
// frame. The app then only adds behaviour, and writes the text of another state.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Config, Shape } from '../../src/model/schema.ts';
import type { Model } from '../../src/model/model.ts';
import { countModelEvents } from '../../src/model/model.ts';
import { i18n, LANGUAGES, setMessageOverrides, type I18n } from '../../src/i18n/index.ts';
import type { MessageKey } from '../../src/i18n/en.ts';
import { isHollow, shapePath } from '../../src/shapes.ts';
import { typesByFamily } from '../../src/model/vocabulary.ts';
import { countsLine, summarize } from '../../src/panel/summary.ts';
import { defaultState } from '../../src/state/state.ts';
import { stateContext } from '../../src/state/context.ts';
import { FALLBACK_TEXT } from '../../src/embed/fallback-text.ts';
import { escapeHtml } from '../../src/escape-html.ts';

const BOOT = readFileSync(new URL('../../src/boot.js', import.meta.url), 'utf8');

/** The inline boot script and its CSP hash ('sha256-…'), for the page's policy. */
export const bootScript = { source: BOOT, hash: `'sha256-${createHash('sha256').update(BOOT).digest('base64')}'` };

interface Context {
  readonly config: Config;
  readonly model: Model;
  readonly languages: readonly string[];
}

/** One text per language, each in a span CSS shows for its language; one bare text if all agree. */
function perLanguage(ctx: Context, text: (t: I18n) => string): string {
  const texts = ctx.languages.map((lang) => ({ lang, text: text(i18n(lang)) }));
  if (texts.every((t) => t.text === texts[0].text)) return escapeHtml(texts[0].text);
  return texts.map((t) => `<span class="l" lang="${t.lang}">${escapeHtml(t.text)}</span>`).join('');
}

/** A shape in each theme's colour: CSS shows the theme's own. */
function shapeIcon(shape: Shape, light: string, dark: string, hollow = false): string {
  const ring = hollow || isHollow(shape);
  const d = shapePath(shape, 90);
  const one = (color: string, theme: string) =>
    `<svg class="legend-shape only-${theme}" width="16" height="16" viewBox="-8 -8 16 16" aria-hidden="true"><path d="${d}" fill="${ring ? 'none' : color}"${ring ? ` stroke="${color}" stroke-width="2.2"` : ' class="outlined"'}/></svg>`;
  return light === dark ? one(light, 'any') : one(light, 'light') + one(dark, 'dark');
}

function swatch(light: string, dark: string): string {
  const one = (color: string, theme: string) => `<svg class="swatch only-${theme}" width="14" height="11" aria-hidden="true"><rect x="0.5" y="0.5" width="13" height="10" rx="2" fill="${color}"/></svg>`;
  return one(light, 'light') + one(dark, 'dark');
}

/** The legend, as src/panel/legend-view.ts finds it and makes its switches work. */
function legend(ctx: Context): string {
  const { config, model } = ctx;
  const t = (key: MessageKey) => perLanguage(ctx, (l) => l.t(key));
  const present = new Set(model.events.map((e) => e.type));
  return [
    `<h2 class="visually-hidden">${t('legend')}</h2>`,
    `<div class="legend-group"><h3>${t('stationStatus')}</h3><ul>`,
    ...config.statuses.map((s) => `<li>${shapeIcon(s.shape, s.color, s.darkColor)}${perLanguage(ctx, (l) => l.pick(s.label))}</li>`),
    `<li>${shapeIcon('circle', 'currentColor', 'currentColor', true)}${t('locationCountryOnly')}</li></ul></div>`,
    `<div class="legend-group"><h3>${t('countryResponse')}</h3><ul>`,
    ...config.responses.map((r) => `<li>${swatch(r.color, r.darkColor)}${perLanguage(ctx, (l) => l.pick(r.label))}</li>`),
    `</ul></div>`,
    // Event types by family: one hue a family, shapes within it; a family's switch shows or hides
    // all its types, each type's its own.
    `<div class="legend-group legend-events"><h3>${t('eventTypes')}</h3><ul class="families">`,
    ...typesByFamily(config)
      .map(({ family, types }) => ({ family, types: types.filter((type) => present.has(type.id)) }))
      .filter(({ types }) => types.length > 0)
      .map(
        ({ family, types }) =>
          `<li class="family"><button type="button" class="type-toggle family-toggle" aria-pressed="true" data-family="${escapeHtml(family.id)}">${swatch(family.color, family.darkColor)}${perLanguage(ctx, (l) => l.pick(family.label))}</button>` +
          `<ul class="type-toggles">${types
            .map((type) => `<li><button type="button" class="type-toggle" aria-pressed="true" data-type="${escapeHtml(type.id)}">${shapeIcon(type.shape, family.color, family.darkColor)}${perLanguage(ctx, (l) => l.pick(type.label))}</button></li>`)
            .join('')}</ul></li>`,
      ),
    `</ul><p class="legend-note">${t('countsFromEnd')}</p></div>`,
  ].join('');
}

/** The inner HTML of each `data-pre` placeholder of index.html. */
function fill(ctx: Context, key: string): string | null {
  const [kind, name] = key.split(':');
  if (kind === 't') return perLanguage(ctx, (l) => l.t(name as MessageKey));
  if (kind === 'story' && (name === 'title' || name === 'standfirst' || name === 'credit')) return perLanguage(ctx, (l) => l.pick(ctx.config[name]));
  if (key === 'play') return perLanguage(ctx, (l) => `▶ ${l.t('play')}`);
  if (key === 'legend') return legend(ctx);
  if (key === 'counts') return perLanguage(ctx, (l) => defaultCounts(ctx, l));
  if (kind === 'fallback' && (name === 'noscript' || name === 'scripts')) return perLanguage(ctx, (l) => l.pick(FALLBACK_TEXT[name]));
  return null;
}

/** The default view's counts line. */
function defaultCounts(ctx: Context, l: I18n): string {
  const { model } = ctx;
  const state = defaultState(stateContext(model, model.eventById, ctx.languages));
  return countsLine(summarize(model, state, countModelEvents(model)), state, l);
}

/** index.html with every `data-pre="…"` element filled, and the languages for the boot script. */
export function prerender(html: string, config: Config, model: Model, options: { readonly story?: boolean } = {}): string {
  setMessageOverrides(config.messages);
  const languages = config.languages.filter((l) => l in LANGUAGES);
  const ctx: Context = { config, model, languages };
  // The guided tour's button is in the first paint when there is a tour (no shift when it comes).
  const withStory = options.story ? html.replace(/(<button[^>]*id="story-button"[^>]*?)\shidden(?=[\s>])/, '$1') : html;
  return withStory
    .replace(/<(\w+)([^>]*?)\sdata-pre="([^"]+)"([^>]*)>([\s\S]*?)<\/\1>/g, (whole, tag: string, before: string, key: string, after: string) => {
      const inner = fill(ctx, key);
      return inner === null ? whole : `<${tag}${before}${after}>${inner}</${tag}>`;
    })
    .replace('<meta name="chronomap-languages" content="en" />', `<meta name="chronomap-languages" content="${languages.join(' ')}" />`)
    // The fallback's preview image (the default view), described in the story's first language.
    .replace(/(<img id="fallback-image"[^>]*\salt=")[^"]*"/, (_whole, head: string) => {
      const l = i18n(languages[0] ?? 'en');
      return `${head}${escapeHtml(`${l.pick(config.title)}: ${defaultCounts(ctx, l)}`)}"`;
    });
}
