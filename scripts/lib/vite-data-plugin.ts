// Serves the story's data files and the basemap from our own origin (dev) and copies them
// into dist/ (build), so the app never asks another host for anything.
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import type { Topology } from 'topojson-specification';
import { Resvg } from '@resvg/resvg-js';
import { readDataDir, readDataTexts, validateTexts } from './read-data.ts';
import { overviewJson, overviewJsonOf } from './overview-file.ts';
import { defaultFileNames } from '../../src/model/validate.ts';
import { buildModel } from '../../src/model/model.ts';
import { staticMapSvg } from '../../src/map/static-map.ts';
import { countriesFromTopology } from '../../src/map/basemap.ts';
import { bootScript, prerender } from './prerender.ts';
import { escapeHtml } from '../../src/escape-html.ts';
import { oembedJson } from '../../src/embed/oembed.ts';
import { demoFileName, readStory, storyDemoHtml } from './story-build.ts';
import type { Model } from '../../src/model/model.ts';

/** The scrollytelling demo's pages (file name to HTML), one per language; none without story steps. */
function demoPages(dataDir: string, model: Model, warn: (message: string) => void): Map<string, string> {
  const { steps, problems } = readStory(dataDir, model);
  for (const p of problems) warn(`${p.file}: ${p.index !== undefined ? `steps[${p.index}]${p.id ? ` id=${p.id}` : ''}: ` : ''}${p.field ? `${p.field} ` : ''}${p.message}`);
  const pages = new Map<string, string>();
  if (steps.length === 0) return pages;
  const { config } = model;
  for (const lang of config.languages) pages.set(demoFileName(lang, config.languages), storyDemoHtml({ config, steps, lang }));
  return pages;
}

// story.json (the guided tour) is optional: copied when the story has one.
const DATA_FILES = ['config.json', 'stations.geojson', 'events.json', 'sources.json', 'story.json'] as const;
/** Derived from the data files at every request (dev) and at build: never older than they are. */
const OVERVIEW = 'data/overview.json';
/** The default view's oEmbed answer, written when the build knows its public URL. */
const OEMBED = 'oembed.json';

export interface DataPluginOptions {
  /**
   * The app's public URL (CHRONOMAP_PUBLIC_URL), ending in "/": social cards and the canonical
   * link need absolute URLs, and oEmbed a file to point at.
   */
  readonly publicUrl?: string | null;
}

/** CHRONOMAP_PUBLIC_URL as the build uses it: an http(s) URL ending in "/"; null when unset. */
export function publicUrlFrom(value: string | undefined): string | null {
  if (!value) return null;
  const url = new URL(value);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`CHRONOMAP_PUBLIC_URL must be an http(s) URL: ${value}`);
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

export function dataPlugin(dataDir: string, { publicUrl = null }: DataPluginOptions = {}): Plugin {
  const require = createRequire(import.meta.url);
  const absolute = (path: string) => (publicUrl ? new URL(path, publicUrl).href : path);
  const files = (): Map<string, string> => {
    const map = new Map<string, string>();
    for (const name of DATA_FILES) {
      const path = resolve(dataDir, name);
      if (existsSync(path)) map.set(`data/${name}`, path);
    }
    map.set('basemap/countries-110m.json', require.resolve('world-atlas/countries-110m.json'));
    // Finer borders for the zoomed-in map, fetched only when a reader zooms in.
    map.set('basemap/countries-50m.json', require.resolve('world-atlas/countries-50m.json'));
    return map;
  };
  return {
    name: 'chronomap-data',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = (req.url ?? '').split('?')[0].replace(/^\/+/, '');
        if (url === OVERVIEW) {
          const json = overviewJson(readDataTexts(dataDir));
          if (json === null) return next();
          res.setHeader('Content-Type', 'application/json');
          res.setHeader('Cache-Control', 'no-cache');
          res.end(json);
          return;
        }
        if (/^embed-demo(\.[\w-]+)?\.html$/.test(url)) {
          const { result } = readDataDir(dataDir);
          const page = result ? demoPages(dataDir, buildModel(result.dataset), (m) => server.config.logger.warn(m)).get(url) : undefined;
          if (page === undefined) return next();
          res.setHeader('Content-Type', 'text/html; charset=utf-8');
          res.end(page);
          return;
        }
        const path = files().get(url);
        if (!path) return next();
        res.setHeader('Content-Type', url.endsWith('json') || url.endsWith('geojson') ? 'application/json' : 'application/octet-stream');
        res.setHeader('Cache-Control', 'no-cache');
        res.end(readFileSync(path));
      });
    },
    generateBundle() {
      for (const [fileName, path] of files()) {
        this.emitFile({ type: 'asset', fileName, source: readFileSync(path) });
      }
      // The data validated and modelled once, for the overview and the preview images.
      const texts = readDataTexts(dataDir);
      const { result } = validateTexts(texts, defaultFileNames(dataDir));
      if (!result) return;
      const model = buildModel(result.dataset);
      this.emitFile({ type: 'asset', fileName: OVERVIEW, source: overviewJsonOf(texts, result, model) });
      if (publicUrl) this.emitFile({ type: 'asset', fileName: OEMBED, source: oembedJson({ publicUrl, title: result.dataset.config.title.en }) });
      else this.warn('CHRONOMAP_PUBLIC_URL is not set: no oEmbed (oembed.json and its discovery link) and no canonical link; og:image and twitter:image are relative, which social networks do not resolve');
      // The no-JS fallback and social-card image of the default view.
      const topology = JSON.parse(readFileSync(files().get('basemap/countries-110m.json')!, 'utf8')) as Topology;
      const svg = staticMapSvg(model, countriesFromTopology(topology));
      this.emitFile({ type: 'asset', fileName: 'preview.svg', source: svg });
      this.emitFile({ type: 'asset', fileName: 'preview.png', source: new Resvg(svg, { fitTo: { mode: 'width', value: 1200 } }).render().asPng() });
      for (const [fileName, html] of demoPages(dataDir, model, (m) => this.warn(m))) this.emitFile({ type: 'asset', fileName, source: html });
    },
    transformIndexHtml(html) {
      // What the first map paint needs starts downloading while the HTML is parsed, not once the
      // entry script has run. The other data files are fetched by a worker (src/fetch-worker.ts),
      // which cannot use the page's preloads.
      const tags = [
        // Before the first paint: the page's language, theme and embed layout (src/boot.js).
        { tag: 'script', children: bootScript.source, injectTo: 'head' as const },
        ...[OVERVIEW, 'data/config.json', 'basemap/countries-110m.json'].map((href) => ({ tag: 'link', attrs: { rel: 'preload', href, as: 'fetch', crossorigin: 'anonymous' }, injectTo: 'head' as const })),
      ];
      const { result } = readDataDir(dataDir);
      if (!result) return { html, tags };
      const config = result.dataset.config;
      const model = buildModel(result.dataset);
      // Social cards: title and description from the story's config.
      const meta = [
        `<meta property="og:type" content="website" />`,
        `<meta property="og:title" content="${escapeHtml(config.title.en)}" />`,
        `<meta property="og:description" content="${escapeHtml(config.standfirst.en)}" />`,
        `<meta property="og:image" content="${escapeHtml(absolute('preview.png'))}" />`,
        `<meta property="og:image:width" content="1200" />`,
        `<meta property="og:image:height" content="630" />`,
        `<meta name="twitter:card" content="summary_large_image" />`,
        `<meta name="twitter:title" content="${escapeHtml(config.title.en)}" />`,
        `<meta name="twitter:description" content="${escapeHtml(config.standfirst.en)}" />`,
        `<meta name="twitter:image" content="${escapeHtml(absolute('preview.png'))}" />`,
        ...(publicUrl
          ? [
              `<meta property="og:url" content="${escapeHtml(publicUrl)}" />`,
              `<link rel="canonical" href="${escapeHtml(publicUrl)}" />`,
              // Discovery for WordPress and other oEmbed consumers (the default view: see oembed.ts).
              `<link rel="alternate" type="application/json+oembed" href="${escapeHtml(absolute(OEMBED))}" title="${escapeHtml(config.title.en)}" />`,
            ]
          : []),
      ].join('\n    ');
      return {
        html: prerender(html, config, model, { story: readStory(dataDir, model).steps.length > 0 })
          .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(config.title.en)}</title>`)
          .replace(/<meta name="description" content="[^"]*" \/>/, `<meta name="description" content="${escapeHtml(config.standfirst.en)}" />\n    ${meta}`),
        tags,
      };
    },
  };
}

