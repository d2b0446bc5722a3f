// "Share / Embed": the link to the current view and an embed snippet, each with a copy button.
import { el, replaceChildren } from '../dom';
import { embedSnippet } from './messages';
import { fullViewUrl } from './embed-mode';
import type { I18n } from '../i18n';

export class ShareDialog {
  private readonly dialog: HTMLDialogElement;
  private opener: HTMLElement | null = null;

  constructor(private readonly currentQuery: () => string, private readonly title: () => string) {
    this.dialog = el('dialog', { class: 'share-dialog', 'aria-labelledby': 'share-heading' });
    document.body.append(this.dialog);
    this.dialog.addEventListener('close', () => this.opener?.focus());
  }

  open(i18n: I18n, opener: HTMLElement): void {
    this.opener = opener;
    const query = this.currentQuery();
    const base = publicBase();
    const full = fullViewUrl(query, base);
    const embedParams = new URLSearchParams(new URL(full).search);
    embedParams.set('embed', '1');
    const snippet = embedSnippet({
      embedUrl: `${full.split('?')[0]}?${embedParams.toString()}`,
      fullUrl: full,
      scriptUrl: new URL('embed.js', base).href,
      imageUrl: new URL('preview.png', base).href,
      title: this.title(),
    });
    const status = el('p', { class: 'copy-status', role: 'status', 'aria-live': 'polite' });
    const field = (id: string, label: string, value: string, multiline: boolean) => {
      const input = multiline
        ? el('textarea', { id, readonly: true, rows: 6, spellcheck: 'false' })
        : el('input', { id, type: 'text', readonly: true, spellcheck: 'false' });
      input.value = value;
      const copy = el('button', { type: 'button', class: 'button', 'data-copy': id }, [i18n.t('copy')]);
      copy.addEventListener('click', () => void copyText(input, status, i18n));
      return el('div', { class: 'share-field' }, [el('label', { for: id }, [label]), input, copy]);
    };
    const close = el('button', { type: 'button', class: 'close', 'aria-label': i18n.t('close') }, ['×']);
    close.addEventListener('click', () => this.dialog.close());
    replaceChildren(this.dialog, [
      el('div', { class: 'panel-head' }, [el('h2', { id: 'share-heading' }, [i18n.t('shareEmbed')]), close]),
      field('share-link', i18n.t('linkToView'), full, false),
      field('share-snippet', i18n.t('embedCode'), snippet, true),
      el('p', { class: 'note' }, [i18n.t('embedHelp')]),
      status,
    ]);
    this.dialog.showModal();
  }
}

/**
 * Where the app is published: the canonical link, which the build writes when it knows its public
 * URL (CHRONOMAP_PUBLIC_URL), so that code copied from a preview or a mirror points there; else
 * this page's own folder.
 */
function publicBase(): URL {
  const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]');
  return new URL('.', canonical?.href || location.href);
}

async function copyText(input: HTMLInputElement | HTMLTextAreaElement, status: HTMLElement, i18n: I18n): Promise<void> {
  input.focus();
  input.select();
  try {
    await navigator.clipboard.writeText(input.value);
    status.textContent = i18n.t('copied');
  } catch {
    // Clipboard access can be refused (an iframe without permission): the text stays selected.
    status.textContent = document.execCommand('copy') ? i18n.t('copied') : i18n.t('copyFailed');
  }
}
