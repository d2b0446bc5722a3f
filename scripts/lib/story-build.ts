// The story's steps at build: read and checked against the data as the app checks them, and the
// scrollytelling demo made from them, one page per language: an article with a sticky embed and a
// section per step; as a section scrolls into view, the page sends the embed `chronomap:set {step}`
// (public/embed-demo.js).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config, StoryStep } from '../../src/model/schema.ts';
import type { Model } from '../../src/model/model.ts';
import type { Problem } from '../../src/model/problems.ts';
import { parseJsonText } from '../../src/model/parse-json.ts';
import { STORY_FILE, validateStory } from '../../src/model/story.ts';
import { stateContext } from '../../src/state/context.ts';
import { escapeHtml } from '../../src/escape-html.ts';

/** The demo page's file name for a language: the story's first language gets the plain name. */
export function demoFileName(lang: string, languages: readonly string[]): string {
  return lang === languages[0] ? 'embed-demo.html' : `embed-demo.${lang}.html`;
}

const pick = (texts: Readonly<Record<string, string>>, lang: string): { text: string; lang: string } =>
  Object.hasOwn(texts, lang) ? { text: texts[lang], lang } : { text: texts.en, lang: 'en' };

/** Text in an element, marked with its language where it fell back to English. */
function tagged(tag: string, texts: Readonly<Record<string, string>>, lang: string, attrs = ''): string {
  const t = pick(texts, lang);
  return `<${tag}${attrs}${t.lang === lang ? '' : ` lang="${t.lang}"`}>${escapeHtml(t.text)}</${tag}>`;
}

const WORDS: Readonly<Record<string, { readonly byline: string; readonly languages: string; readonly frame: string }>> = {
  en: { byline: 'A demo article: the map is an embed, and scrolling through the steps drives it with the chronomap:set message API.', languages: 'Languages', frame: 'Map and timeline' },
  'zh-Hans': { byline: '示范文章：地图为嵌入内容，滚动浏览各个步骤时，页面通过 chronomap:set 消息接口驱动地图。', languages: '语言', frame: '地图与时间轴' },
  'zh-Hant': { byline: '示範文章：地圖為嵌入內容，捲動瀏覽各個步驟時，頁面透過 chronomap:set 訊息介面驅動地圖。', languages: '語言', frame: '地圖與時間軸' },
};

const LANGUAGE_NAMES: Readonly<Record<string, string>> = { en: 'English', 'zh-Hans': '简体中文', 'zh-Hant': '繁體中文' };

export function storyDemoHtml(opts: { readonly config: Config; readonly steps: readonly StoryStep[]; readonly lang: string }): string {
  const { config, steps, lang } = opts;
  const words = WORDS[lang] ?? WORDS.en;
  const first = steps[0]?.id;
  // The embed opens at the first step, without its own step card: the article tells the story.
  const src = `./?embed=1&title=0&storycard=0&lang=${encodeURIComponent(lang)}${first ? `&step=${encodeURIComponent(first)}` : ''}`;
  const others = config.languages
    .map((l) => (l === lang ? `<span aria-current="page">${escapeHtml(LANGUAGE_NAMES[l] ?? l)}</span>` : `<a href="${demoFileName(l, config.languages)}" hreflang="${l}" lang="${l}">${escapeHtml(LANGUAGE_NAMES[l] ?? l)}</a>`))
    .join(' · ');
  const sections = steps.map(
    (s, i) => `          <section class="step" data-step="${escapeHtml(s.id)}" aria-label="${i + 1} / ${steps.length}">
            ${tagged('h2', s.title, lang)}
            ${tagged('p', s.text, lang)}
          </section>`,
  );
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="referrer" content="no-referrer" />
    <title>${escapeHtml(pick(config.title, lang).text)}</title>
    <link rel="stylesheet" href="embed-demo.css" />
  </head>
  <body>
    <article>
      ${tagged('h1', config.title, lang)}
      <p class="byline">${escapeHtml(words.byline)}</p>
      <p class="languages">${escapeHtml(words.languages)}: ${others}</p>
      <!-- The graphic stays in view, a fixed height (it scrolls inside if it must); the steps pass beside it on wide screens, over it on narrow ones. -->
      <div class="scrolly">
        <div class="figure">
          <iframe id="map" src="${escapeHtml(src)}" title="${escapeHtml(`${words.frame}: ${pick(config.title, lang).text}`)}"></iframe>
        </div>
        <div class="steps">
${sections.join('\n')}
        </div>
      </div>
    </article>
    <script src="embed-demo.js"></script>
  </body>
</html>
`;
}

/**
 * The valid steps of a data folder's story.json (none without one), checked against its model as
 * the app checks them; problems are the build's to print.
 */
export function readStory(dataDir: string, model: Model, shownAs = dataDir): { steps: readonly StoryStep[]; raw: unknown; problems: readonly Problem[] } {
  const path = join(dataDir, STORY_FILE);
  const file = `${shownAs}/${STORY_FILE}`;
  if (!existsSync(path)) return { steps: [], raw: undefined, problems: [] };
  const parsed = parseJsonText(readFileSync(path, 'utf8'), file);
  if (parsed.value === undefined) return { steps: [], raw: undefined, problems: parsed.problems };
  const languages = model.config.languages;
  const { story, problems } = validateStory(parsed.value, stateContext(model, model.eventById, languages), languages, file);
  return { steps: story.steps, raw: parsed.value, problems: [...parsed.problems, ...problems] };
}
