import { html, nothing, render as renderTemplate, type TemplateResult } from 'lit-html';
import type { CookieEntry } from '../consent/cookie-table.js';
export { pickerOptions } from '../i18n/names.js';
import { listPatterns, loadLanguage as loadStrings, translator } from '../i18n/translator.js';
import { formatList } from '../i18n/list.js';
import type { TextTree } from '../i18n/texts.js';
import { lastCall } from '../internal/memo.js';
import type { Warnings } from '../internal/warn.js';
import { bannerStyles } from '../cookie-consent-banner.styles.js';

export { applyTexts } from '../i18n/translator.js';
/** The view's stylesheet as text; the UI adopts it once (lit's `unsafeCSS`). */
export const styles: string = bannerStyles;

/**
 * What the view takes from the element at run time. The view is part of the UI chunk, which is built on its own
 * (scripts/build.mjs) and so has its own copy of any module it shares with the entry; what must be one per page
 * (the warnings already said, the language chunks loading) comes from the entry through these.
 */
export interface HostServices extends Warnings {
  /** `ltr` or `rtl` for a language code. */
  directionOf(language: string): 'ltr' | 'rtl';
  /** The id of the category that is always on. */
  necessary: string;
  /** A language's strings from its chunk, whose load the element started (`undefined`: no chunk). */
  loadStrings(language: string): Promise<TextTree> | undefined;
}

let services!: HostServices;

/** Called by the element once the view is loaded, before anything else here. */
export function connect(host: HostServices): void {
  services = host;
}

/** Makes sure a language's strings are in memory; resolves to the language that can be shown (see translator). */
export function loadLanguage(language: string): Promise<string> {
  return loadStrings(
    language,
    (message) => services.warn(message),
    (code) => services.loadStrings(code),
  );
}

/** What the visitor can do; the element decides what each means. */
export interface ViewActions {
  acceptAll(source: 'banner' | 'preferences'): void;
  rejectAll(source: 'banner' | 'preferences'): void;
  /** The X, or Escape with focus in the banner: a refusal. */
  close(): void;
  openPreferences(): void;
  closePreferences(): void;
  toggle(id: string, on: boolean): void;
  save(): void;
  /** The dialog closed, whatever closed it (Escape, the X, a choice). */
  preferencesClosed(): void;
  pickLanguage(code: string): void;
  /** The visitor is about to use a picker (focus, pointer down): every option must be there. */
  wantLanguages(): void;
}

/** A language the picker offers, named in its own language. */
export interface LanguageOption {
  code: string;
  name: string;
}

/** Everything the templates show. */
export interface ViewModel {
  position: string;
  headingLevel: number;
  language: string;
  /** What the language picker offers; no picker when there is only one. */
  languages: readonly LanguageOption[];
  /**
   * Whether the pickers hold every option, or only the shown language's: the first render leaves the others out
   * (the banner shows sooner) and they come in an idle moment, or at once when the visitor reaches for a picker.
   */
  allLanguages: boolean;
  open: boolean;
  offered: readonly string[];
  draft: Readonly<Record<string, boolean>>;
  policyUrl: string | null;
  /** Locale key under `status.` of the last status message, or empty. */
  status: string;
  /** Whether the browser's Global Privacy Control signal is honoured, and the categories it keeps off. */
  gpc: boolean;
  saleOrShare: readonly string[];
  /** Whether the site asked for the floating launcher, and whether it is hidden now (banner or preferences open). */
  launcher: boolean;
  launcherHidden: boolean;
  /**
   * Whether the preferences dialog is in the DOM: it is left out of the first render (the banner shows sooner) and
   * added in the next idle moment, or at once when preferences open.
   */
  withPreferences: boolean;
  /** The site's cookies per category. */
  cookies: Readonly<Record<string, readonly CookieEntry[]>>;
  actions: ViewActions;
}

const cookieIcon = html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
  <path
    d="M12 3a9 9 0 1 0 9 9 3 3 0 0 1-3.5-3A3 3 0 0 1 14 5.5 3 3 0 0 1 12 3Z"
    stroke="currentColor"
    stroke-width="2"
    fill="none"
    stroke-linejoin="round"
  />
  <circle cx="8.5" cy="10" r="1.3" fill="currentColor" />
  <circle cx="12" cy="15.5" r="1.3" fill="currentColor" />
  <circle cx="16" cy="13" r="1.1" fill="currentColor" />
</svg>`;

function gpcNotice(m: ViewModel, t: ReturnType<typeof translator>): TemplateResult | typeof nothing {
  if (!m.gpc || m.saleOrShare.length === 0) return nothing;
  return html`<p part="gpc-notice" class="gpc"><strong>${t('gpc.honored')}</strong> ${t('gpc.explanation')}</p>`;
}

function cookieTable(id: string, m: ViewModel, t: ReturnType<typeof translator>): TemplateResult | typeof nothing {
  const entries = m.cookies[id] ?? [];
  if (entries.length === 0) return nothing;
  return html`<details class="cookies">
    <summary>${t('inventory.show', { count: entries.length })}</summary>
    <table part="cookie-table">
      <thead>
        <tr>
          <th scope="col">${t('inventory.name')}</th>
          <th scope="col">${t('inventory.provider')}</th>
          <th scope="col">${t('inventory.purpose')}</th>
          <th scope="col">${t('inventory.duration')}</th>
          <th scope="col">${t('inventory.country')}</th>
        </tr>
      </thead>
      <tbody>
        ${entries.map(
          (e) =>
            html`<tr>
              <th scope="row">
                <bdi><code>${e.name}</code></bdi>
              </th>
              <td><bdi>${e.provider ?? '—'}</bdi></td>
              <td>${e.purpose ?? '—'}</td>
              <td>${e.duration ?? '—'}</td>
              <td><bdi>${e.country ?? '—'}</bdi></td>
            </tr>`,
        )}
      </tbody>
    </table>
  </details>`;
}

const closeIcon = html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
  <path d="M5 5l14 14M19 5L5 19" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" fill="none" />
</svg>`;

/** `aria-level` only when the site asked for another level than the `h2` itself says. */
function level(m: ViewModel): string | typeof nothing {
  return m.headingLevel === 2 ? nothing : String(m.headingLevel);
}

/** The first layer's short list of purposes: the optional categories' names. */
function purposes(m: ViewModel, t: ReturnType<typeof translator>): TemplateResult | typeof nothing {
  const names = m.offered.filter((id) => id !== services.necessary).map((id) => t(`categories.${id}.name`));
  if (names.length === 0) return nothing;
  const list = formatNames(names, m.language);
  return html`<p part="purposes">${t('banner.purposes')} ${list}.</p>`;
}

const listFormats = new Map<string, Intl.ListFormat | undefined>();

/**
 * A list of names as the language writes it: from the language's own patterns (every shipped language has them),
 * else, for a site-added language, with Intl.ListFormat if Intl knows it, else with commas.
 */
export function formatNames(names: readonly string[], language: string): string {
  const patterns = listPatterns(language);
  if (patterns) return formatList(names, language, patterns);
  if (!listFormats.has(language)) {
    let format: Intl.ListFormat | undefined;
    try {
      format = new Intl.ListFormat(language, { type: 'conjunction' });
    } catch {
      format = undefined;
    }
    listFormats.set(language, format);
  }
  return listFormats.get(language)?.format(names) ?? names.join(', ');
}

function picker(m: ViewModel, t: ReturnType<typeof translator>, where: string): TemplateResult | typeof nothing {
  if (m.languages.length < 2) return nothing;
  const id = `cc-language-${where}`;
  return html`<div part="language-picker" class="picker">
    <label for=${id}>${t('language.label')}</label>
    <select
      id=${id}
      @change=${(event: Event) => m.actions.pickLanguage((event.target as HTMLSelectElement).value)}
      @focus=${m.actions.wantLanguages}
      @pointerdown=${m.actions.wantLanguages}
    >
      ${options(m.allLanguages ? m.languages : current(m.languages, m.language), m.language)}
    </select>
  </div>`;
}

/** The shown language's option alone, for the first render. */
const current = lastCall((languages: readonly LanguageOption[], language: string) =>
  languages.filter(({ code }) => code === language),
);

/**
 * The picker's options, made again only when the list or the selected language changes: every update renders
 * the banner and the dialog, and 36 options in two pickers were the largest part of an update that changes
 * neither (the click that closes the banner).
 */
const options = lastCall((languages: readonly LanguageOption[], language: string) =>
  languages.map(
    ({ code, name }) =>
      html`<option value=${code} lang=${code} dir=${services.directionOf(code)} ?selected=${code === language}>
        ${name}
      </option>`,
  ),
);

function banner(m: ViewModel, t: ReturnType<typeof translator>, dir: string): TemplateResult {
  const a = m.actions;
  const onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      a.close();
    }
  };
  return html`<section
    part="base"
    class="banner ${m.position}"
    role="region"
    aria-labelledby="cc-heading"
    lang=${m.language}
    dir=${dir}
    ?hidden=${!m.open}
    @keydown=${onKeydown}
  >
    <div class="inner">
      <div class="head">
        <div class="title">
          <slot name="logo"></slot>
          <h2 id="cc-heading" part="heading" aria-level=${level(m)}>${t('banner.heading')}</h2>
        </div>
        <div class="tools">
          ${picker(m, t, 'banner')}
          <button part="close-button" class="close" type="button" aria-label=${t('banner.close')} @click=${a.close}>
            ${closeIcon}
          </button>
        </div>
      </div>
      <div class="body">
        <div part="notice" class="notice">
          <p>${t('banner.notice1')}</p>
          <details part="more">
            <summary>${t('banner.more')}</summary>
            <p>${t('banner.notice2')}</p>
            <p>${t('banner.notice3')}</p>
            <p>${t('banner.notice4')}</p>
          </details>
        </div>
        ${purposes(m, t)}
        <p>
          ${t('banner.withdraw')}
          ${m.policyUrl ? html`<a part="policy-link" href=${m.policyUrl}>${t('banner.policyLink')}</a>` : nothing}
        </p>
        <slot name="extra"></slot>
        ${gpcNotice(m, t)}
      </div>
      <div part="actions" class="actions">
        <button part="reject-button" class="button" type="button" @click=${() => a.rejectAll('banner')}>
          ${t('banner.rejectAll')}
        </button>
        <button part="accept-button" class="button" type="button" @click=${() => a.acceptAll('banner')}>
          ${t('banner.acceptAll')}
        </button>
        <button part="preferences-button" class="button" type="button" @click=${a.openPreferences}>
          ${t('banner.preferences')}
        </button>
      </div>
    </div>
  </section>`;
}

function category(id: string, m: ViewModel, t: ReturnType<typeof translator>): TemplateResult {
  const necessary = id === services.necessary;
  const on = necessary || m.draft[id] === true;
  const switchId = `cc-switch-${id}`;
  const descriptionId = `cc-description-${id}`;
  return html`<li part="category" class="category">
    <label part="category-name" for=${switchId}>${t(`categories.${id}.name`)}</label>
    <input
      part="switch"
      class="switch"
      type="checkbox"
      role="switch"
      id=${switchId}
      aria-describedby=${descriptionId}
      .checked=${on}
      ?checked=${on}
      ?disabled=${necessary}
      @change=${(event: Event) => m.actions.toggle(id, (event.target as HTMLInputElement).checked)}
    />
    <p part="category-description" class="description" id=${descriptionId}>${t(`categories.${id}.description`)}</p>
    ${necessary ? html`<p class="always-on">${t('preferences.alwaysOn')}</p>` : nothing}
    ${m.gpc && m.saleOrShare.includes(id) && !on ? html`<p class="always-on">${t('gpc.honored')}</p>` : nothing}
    ${cookieTable(id, m, t)}
  </li>`;
}

const TABBABLE = 'button:not([disabled]), input:not([disabled]), select:not([disabled]), summary, a[href]';

/** Whether an element is rendered; `checkVisibility()` is missing before Safari 17.4, so fall back to its boxes. */
function isRendered(el: HTMLElement): boolean {
  return typeof el.checkVisibility === 'function' ? el.checkVisibility() : el.getClientRects().length > 0;
}

/** Tab and Shift+Tab cycle within the dialog (the APG modal pattern), rather than leaving for the browser's UI. */
function keepFocusInside(event: KeyboardEvent): void {
  if (event.key !== 'Tab') return;
  const dialog = event.currentTarget as HTMLDialogElement;
  const items = [...dialog.querySelectorAll<HTMLElement>(TABBABLE)].filter(isRendered);
  const first = items[0];
  const last = items.at(-1);
  const active = (dialog.getRootNode() as ShadowRoot).activeElement;
  if (!first || !last) return;
  if (event.shiftKey && (active === first || active === dialog.querySelector('h2'))) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}

function preferences(m: ViewModel, t: ReturnType<typeof translator>, dir: string): TemplateResult {
  const a = m.actions;
  const allowed = m.offered.filter((id) => id === services.necessary || m.draft[id] === true).length;
  return html`<dialog
    part="preferences"
    aria-labelledby="cc-preferences-heading"
    lang=${m.language}
    dir=${dir}
    @close=${a.preferencesClosed}
    @keydown=${keepFocusInside}
  >
    <div class="inner">
      <div class="head">
        <h2 id="cc-preferences-heading" part="preferences-heading" tabindex="-1" aria-level=${level(m)}>
          ${t('preferences.heading')}
        </h2>
        <button
          part="preferences-close-button"
          class="close"
          type="button"
          aria-label=${t('preferences.close')}
          @click=${a.closePreferences}
        >
          ${closeIcon}
        </button>
      </div>
      <div class="body">
        ${picker(m, t, 'preferences')}
        <p>${t('preferences.intro')}</p>
        ${gpcNotice(m, t)}
        <ul part="categories" class="categories">
          ${m.offered.map((id) => category(id, m, t))}
        </ul>
      </div>
      <p part="summary" class="summary">${t('preferences.allowed', { count: allowed })}</p>
      <div part="preferences-actions" class="dialog-actions">
        <button
          part="preferences-reject-button"
          class="button"
          type="button"
          @click=${() => a.rejectAll('preferences')}
        >
          ${t('banner.rejectAll')}
        </button>
        <button
          part="preferences-accept-button"
          class="button"
          type="button"
          @click=${() => a.acceptAll('preferences')}
        >
          ${t('banner.acceptAll')}
        </button>
        <button part="save-button" class="button" type="button" @click=${a.save}>${t('preferences.save')}</button>
      </div>
    </div>
  </dialog>`;
}

/** Renders the banner, the preferences dialog (once wanted) and the status region into the element's shadow root. */
export function renderInto(root: ShadowRoot, host: HTMLElement, m: ViewModel): void {
  renderTemplate(view(m), root, { host });
}

/** The banner, the preferences dialog and the status region, in the language of the model. */
function view(m: ViewModel): TemplateResult {
  const t = translator(m.language);
  const dir = services.directionOf(m.language);
  return html`${banner(m, t, dir)}${m.withPreferences ? preferences(m, t, dir) : nothing}
    ${
      m.launcher
        ? html`<button
            part="launcher"
            class="launcher"
            type="button"
            lang=${m.language}
            dir=${dir}
            aria-label=${t('launcher.label')}
            title=${t('launcher.label')}
            ?hidden=${m.launcherHidden}
            @click=${m.actions.openPreferences}
          >
            ${cookieIcon}
          </button>`
        : nothing
    }
    <div role="status" class="visually-hidden" lang=${m.language} dir=${dir}>
      ${m.status ? t(`status.${m.status}`) : ''}
    </div>`;
}

/** The rendered elements the element's controllers work with (focus, scroll padding); found here, beside the templates. */
export interface RenderedParts {
  /** The first layer. */
  banner: HTMLElement | null;
  /** The launcher, when it is shown. */
  launcher: HTMLElement | null;
  dialog: HTMLDialogElement | null;
  dialogHeading: HTMLElement | null;
}

export function renderedParts(root: ShadowRoot): RenderedParts {
  return {
    banner: root.querySelector<HTMLElement>('[part="base"]'),
    launcher: root.querySelector<HTMLElement>('[part="launcher"]:not([hidden])'),
    dialog: root.querySelector('dialog'),
    dialogHeading: root.querySelector<HTMLElement>('[part="preferences-heading"]'),
  };
}
