// The page's own text around the views: the story's title and about text, the controls' labels,
// the counts line, the notices. Written with the first paint, so nothing moves when the
// controls start working.
import type { Config } from './model/schema';
import type { Loaded } from './load';
import { dateSpan } from './model/dates';
import { formatProblem } from './model/problems';
import { i18n, type I18n } from './i18n';
import { byId as $, el, replaceChildren, safeLink } from './dom';

/** The page's language (the boot script's choice), before the config is known: for the loading and error notices. */
const pageLang = () => i18n(document.documentElement.lang || 'en');

export function showLoading(): void {
  const notice = $('notice');
  notice.hidden = false;
  notice.className = 'notice loading';
  replaceChildren(notice, [pageLang().t('loading')]);
}

export function hideNotice(): void {
  $('notice').hidden = true;
}

export function showFatal(message: string, retry: () => void): void {
  const t = pageLang();
  const notice = $('notice');
  notice.hidden = false;
  notice.className = 'notice error';
  notice.setAttribute('role', 'alert');
  const button = el('button', { type: 'button', class: 'button', id: 'retry' }, [t.t('retry')]);
  button.addEventListener('click', () => {
    notice.removeAttribute('role');
    retry();
  });
  replaceChildren(notice, [el('strong', {}, [t.t('loadError')]), ' ', el('span', { class: 'detail' }, [message]), ' ', button]);
}

/** What could not be loaded or shown, and whether the map is the simplified one. */
export function showProblems(loaded: Loaded, t: I18n, mapNotice: string | null): void {
  const notice = $('notice');
  const skipped = loaded.problems.filter((p) => p.skipsRecord);
  const records = new Set(skipped.map((p) => `${p.file}#${p.index}`));
  const errors = loaded.problems.filter((p) => p.severity === 'error');
  if (errors.length === 0 && loaded.missing.length === 0 && !mapNotice) {
    notice.hidden = true;
    replaceChildren(notice, []);
    return;
  }
  notice.hidden = false;
  notice.className = 'notice warning';
  notice.removeAttribute('role');
  replaceChildren(notice, [
    mapNotice ? el('p', { class: 'map-unavailable' }, [mapNotice]) : null,
    loaded.missing.length > 0 ? el('p', { role: 'alert' }, [t.t('missingFiles', { files: loaded.missing.join(', ') })]) : null,
    records.size > 0 ? el('p', {}, [t.t('skippedRecords', { n: records.size })]) : null,
    errors.length > 0 ? el('details', {}, [el('summary', {}, [t.t('details')]), el('ul', {}, errors.map((p) => el('li', {}, [formatProblem(p)])))]) : null,
  ]);
}

/** The languages the story offers (its config's), in its order, that the interface speaks. */
export function storyLanguages(config: Config, known: readonly string[]): string[] {
  return config.languages.filter((l) => known.includes(l));
}

/**
 * The text that depends only on the story's config and the language, the controls' labels
 * included. The build writes the same into index.html (prerender.ts), so the first paint already
 * has it and this changes nothing unless the language is not the page's default.
 */
export function renderStoryText(config: Config, t: I18n, embedded: boolean, languages: readonly { code: string; name: string }[]): void {
  document.documentElement.lang = t.lang;
  // The build's text in every language (prerender.ts) follows: CSS shows this one.
  document.documentElement.dataset.lang = t.lang;
  setText('view-map', t.t('mapView'));
  setText('view-list', t.t('listView'));
  setText('theme-label', t.t('theme'));
  setText('share', t.t('shareEmbed'));
  const themeSelect = $<HTMLSelectElement>('theme-select');
  const theme = themeSelect.value || 'auto';
  replaceChildren(themeSelect, [
    el('option', { value: 'auto' }, [t.t('themeAuto')]),
    el('option', { value: 'light' }, [t.t('themeLight')]),
    el('option', { value: 'dark' }, [t.t('themeDark')]),
  ]);
  themeSelect.value = theme;
  const langSelect = $<HTMLSelectElement>('lang-select');
  if (langSelect.options.length !== languages.length) replaceChildren(langSelect, languages.map((l) => el('option', { value: l.code, lang: l.code }, [l.name])));
  langSelect.value = t.lang;
  document.title = t.pick(config.title);
  setText('title', t.pick(config.title));
  setText('standfirst', t.pick(config.standfirst));
  setText('skip-link', t.t('skipToTimeline'));
  setText('lang-label', t.t('language'));
  setText('map-heading', t.t('mapLabel'));
  setText('legend-toggle', t.t('legend'));
  const sourcesHref = embedded ? `${location.origin}${location.pathname}#about` : '#about';
  replaceChildren($('credit'), [t.pick(config.credit), ' ', el('a', { href: sourcesHref, id: 'sources-link', ...(embedded ? { target: '_blank', rel: 'noopener' } : {}) }, [t.t('sourcesLink')])]);
  setText('about-summary', t.t('about'));
  const corrections = config.corrections ?? [];
  replaceChildren($('about-body'), [
    ...config.about.map((p) => el('p', {}, [t.pick(p)])),
    corrections.length > 0 ? el('h3', { class: 'corrections-heading' }, [t.t('corrections')]) : null,
    corrections.length > 0 ? el('ul', { class: 'corrections' }, corrections.map((c) => el('li', {}, [el('span', { class: 'when' }, [t.date(dateSpan(c.date).start, 'long')]), ' ', t.pick(c.text)]))) : null,
    el('p', {}, [t.pick(config.license)]),
    el('p', {}, [t.t('dataUpdated', { date: t.date(dateSpan(config.dataUpdated).start, 'long') })]),
    el('p', {}, [safeLink('https://github.com/topojson/world-atlas', ['Basemap: Natural Earth via world-atlas'])]),
  ]);
}

/** Text is written only when it differs: an unchanged node is not laid out again. */
function setText(id: string, text: string): void {
  const node = $(id);
  if (node.textContent !== text) node.textContent = text;
}

// The counts line is a polite live region: it changes on every frame of a drag or of Play, but
// aria-busy holds the announcement until the change has settled, so it is read once.
let settle: ReturnType<typeof setTimeout> | null = null;
export function announceCounts(text: string): void {
  const counts = $('counts');
  if (counts.textContent === text) return;
  counts.setAttribute('aria-busy', 'true');
  counts.textContent = text;
  if (settle !== null) clearTimeout(settle);
  settle = setTimeout(() => {
    settle = null;
    counts.setAttribute('aria-busy', 'false');
  }, 500);
}
