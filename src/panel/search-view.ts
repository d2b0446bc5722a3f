// Find a station, city or country: a combobox with a keyboard-operable list of matches. Names
// match in every language of the story: a Chinese name is found in either script (米兰 finds
// 米蘭 on a Traditional Chinese page), and English names on any page. Results read in the
// reader's language.
import { el, replaceChildren } from '../dom';
import type { Model, Station } from '../model/model';
import type { Dispatch } from '../state/store';
import type { Selection } from '../state/state';
import { i18n as i18nFor, type I18n } from '../i18n';
import { langAttr } from './texts';

interface Match {
  readonly label: string;
  /** The label's language, when it fell back to English. */
  readonly lang?: string;
  readonly detail: string;
  readonly selection: Selection;
}

const MAX_MATCHES = 8;

/** What a query is matched against: every name of a record, normalized, one per line. */
interface Indexed<T> {
  readonly item: T;
  readonly names: string;
}

interface SearchIndex {
  readonly countries: readonly Indexed<string>[];
  readonly stations: readonly Indexed<Station>[];
}

const indexes = new WeakMap<Model, SearchIndex>();

/** Built once per model: normalizing every name of 10,000 stations on each keystroke is wasted work. */
function searchIndex(model: Model): SearchIndex {
  let index = indexes.get(model);
  if (index) return index;
  const languages = model.config.languages;
  const joined = (names: readonly string[]) => [...new Set(names.map(normalize))].join('\n');
  index = {
    countries: model.countries.map((iso) => ({ item: iso, names: joined([iso, ...languages.map((lang) => i18nFor(lang).countryName(iso))]) })),
    stations: model.stations.map((s) => {
      const { name, city, operator } = s.props;
      return { item: s, names: joined([name, city ?? {}, operator].flatMap((texts) => Object.values(texts))) };
    }),
  };
  indexes.set(model, index);
  return index;
}

export function searchMatches(model: Model, query: string, i18n: I18n): Match[] {
  const q = normalize(query);
  if (q === '') return [];
  const index = searchIndex(model);
  const out: Match[] = [];
  for (const { item: iso, names } of index.countries) {
    if (names.includes(q)) out.push({ label: i18n.countryName(iso), detail: i18n.t('country'), selection: { kind: 'country', id: iso } });
  }
  for (const { item: s, names } of index.stations) {
    if (!names.includes(q)) continue;
    const name = i18n.textLang(s.props.name);
    out.push({ label: name.text, lang: langAttr(i18n, name.lang), detail: `${i18n.t('station')} · ${i18n.countryName(s.props.country)}`, selection: { kind: 'station', id: s.id } });
  }
  const starts = (m: Match) => (normalize(m.label).startsWith(q) ? 0 : 1);
  return out.sort((a, b) => starts(a) - starts(b)).slice(0, MAX_MATCHES);
}

function normalize(s: string): string {
  return s.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().trim();
}

export class SearchView {
  private readonly input: HTMLInputElement;
  private readonly list: HTMLUListElement;
  private matches: Match[] = [];
  private active = -1;
  private i18n: I18n | null = null;

  constructor(root: HTMLElement, private readonly model: Model, private readonly dispatch: Dispatch) {
    this.input = el('input', {
      type: 'search',
      id: 'search-input',
      role: 'combobox',
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': 'search-list',
      autocomplete: 'off',
      spellcheck: 'false',
    });
    this.list = el('ul', { id: 'search-list', role: 'listbox', class: 'search-list', hidden: true });
    const label = el('label', { for: 'search-input', class: 'visually-hidden' });
    root.append(label, this.input, this.list);
    this.input.addEventListener('input', () => this.update());
    this.input.addEventListener('keydown', (e) => this.onKey(e));
    this.input.addEventListener('blur', () => setTimeout(() => this.close(), 150));
  }

  render(i18n: I18n): void {
    if (this.i18n?.lang === i18n.lang) return;
    this.i18n = i18n;
    this.input.placeholder = i18n.t('searchPlaceholder');
    (this.input.previousElementSibling as HTMLElement).textContent = i18n.t('search');
    if (!this.list.hidden) this.update();
  }

  private update(): void {
    if (!this.i18n) return;
    this.matches = searchMatches(this.model, this.input.value, this.i18n);
    this.active = this.matches.length > 0 ? 0 : -1;
    this.draw();
  }

  private draw(): void {
    const i18n = this.i18n!;
    const open = this.input.value.trim() !== '';
    this.list.hidden = !open;
    this.input.setAttribute('aria-expanded', String(open));
    if (!open) return;
    if (this.matches.length === 0) {
      replaceChildren(this.list, [el('li', { class: 'muted', role: 'option', 'aria-disabled': 'true' }, [i18n.t('noMatches')])]);
      this.input.removeAttribute('aria-activedescendant');
      return;
    }
    replaceChildren(
      this.list,
      this.matches.map((m, i) => {
        const li = el('li', { id: `search-opt-${i}`, role: 'option', 'aria-selected': String(i === this.active) }, [el('span', { lang: m.lang }, [m.label]), el('small', {}, [m.detail])]);
        li.addEventListener('mousedown', (e) => {
          e.preventDefault();
          this.choose(i);
        });
        return li;
      }),
    );
    if (this.active >= 0) this.input.setAttribute('aria-activedescendant', `search-opt-${this.active}`);
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (this.matches.length === 0) return;
      e.preventDefault();
      const d = e.key === 'ArrowDown' ? 1 : -1;
      this.active = (this.active + d + this.matches.length) % this.matches.length;
      this.draw();
    } else if (e.key === 'Enter') {
      if (this.active >= 0) {
        e.preventDefault();
        this.choose(this.active);
      }
    } else if (e.key === 'Escape') {
      if (this.input.value !== '') {
        e.stopPropagation();
        this.input.value = '';
        this.close();
      }
    }
  }

  private choose(i: number): void {
    const m = this.matches[i];
    if (!m) return;
    this.dispatch({ type: 'select', selection: m.selection });
    this.input.value = '';
    this.close();
  }

  private close(): void {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
  }
}
