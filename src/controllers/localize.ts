import type { ReactiveController, ReactiveControllerHost } from '@lit/reactive-element';
import { SHIPPED_LANGUAGES, SOURCE_LANGUAGE, matchLanguage, resolveLanguage } from '../i18n/languages.js';
import type { TextTree, Texts } from '../i18n/texts.js';
import { lastCall } from '../internal/memo.js';
import { warn } from '../internal/warn.js';

export type View = typeof import('../view/banner-view.js');

/** How long the banner waits for a language's strings before it shows Turkish instead. */
const LANGUAGE_TIMEOUT = 5000;

/** What the controller reads from its element. */
export interface LocalizeHost extends ReactiveControllerHost, HTMLElement {
  /** `languages`: the site's limit on the languages offered, space-separated; empty for all. */
  readonly languages: string | null;
}

/**
 * The banner's language: which one to show (the visitor's pick, then `lang` on the element, `<html lang>`, the
 * browser's languages, then Turkish), loading its strings before it shows (never a flash of another language),
 * falling back to Turkish when they do not arrive, and saying so when the language switches.
 */
export class LocalizeController implements ReactiveController {
  /** The language in effect: shown, or to be shown once the banner opens. */
  language = '';
  /** The view, once it is loaded with the strings of `language`: the element renders through it. */
  view: View | undefined;
  /** The language the visitor picked, on this page or (from the cookie) an earlier one. */
  private pickedLanguage: string | undefined;
  /** Say "language changed" once the picked language is shown. */
  private announce = false;
  /** Languages whose strings did not load on this page. */
  private readonly failedLanguages = new Set<string>();
  /** The language being loaded now, if any. */
  private loadingLanguage: string | undefined;
  private observer: MutationObserver | undefined;
  private readonly onLanguageChange = (): void => this.host.requestUpdate();

  constructor(
    private readonly host: LocalizeHost,
    /** The view, which comes with this controller (the banner's UI chunk). */
    private readonly loaded: View,
    /** Starts loading a language's strings: the element's, which requested the first ones with the UI chunk. */
    private readonly loadStrings: (language: string) => Promise<TextTree> | undefined,
    /** The language whose strings the element requested with the UI chunk, and when: its wait counts from then. */
    private requested: { readonly language: string | undefined; readonly at: number } | undefined,
    /** The site's texts, cleaned: their languages are offered too. */
    private readonly texts: () => Texts,
    /** The language switched; `announce` when the visitor picked it (the live region says so). */
    private readonly switched: (language: string, previous: string, announce: boolean) => void,
  ) {
    host.addController(this);
  }

  /** The language the visitor picked, if any: stored with their choice. */
  get picked(): string | undefined {
    return this.pickedLanguage;
  }

  hostConnected(): void {
    addEventListener('languagechange', this.onLanguageChange);
    this.observer = new MutationObserver(() => {
      // The page switched its own language: that wins over an earlier pick.
      this.pickedLanguage = undefined;
      this.host.requestUpdate();
    });
    this.observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  }

  hostDisconnected(): void {
    removeEventListener('languagechange', this.onLanguageChange);
    this.observer?.disconnect();
    this.observer = undefined;
  }

  /** The element's `lang` changed: it wins over an earlier pick. */
  langChanged(): void {
    this.pickedLanguage = undefined;
    this.host.requestUpdate();
  }

  /** The stored choice was read: the language the visitor picked with it, if any, and the one in effect now. */
  restore(picked: string | undefined): void {
    this.pickedLanguage = picked;
    this.language = this.resolve();
  }

  /**
   * The languages the banner may use: shipped and site-added, limited by `languages`; the same list while the texts,
   * the limit and the failed languages stay the same (each update asks for it, and the picker renders it).
   */
  available(): readonly string[] {
    return this.availableFor(this.texts(), this.host.languages, this.failedLanguages.size);
  }

  private readonly availableFor = lastCall((texts: Texts, limit: string | null, _failed: number): string[] => {
    const all = [...new Set([...SHIPPED_LANGUAGES, ...Object.keys(texts)])].filter(
      (code) => !this.failedLanguages.has(code),
    );
    if (limit == null || limit.trim() === '') return all;
    const wanted = limit.split(/\s+/).filter(Boolean);
    const allowed = [...new Set(wanted.map((code) => matchLanguage(code, all)).filter((c): c is string => !!c))];
    for (const code of wanted) {
      if (!matchLanguage(code, all)) warn(`languages: "${code.slice(0, 20)}" is not an available language; skipped.`);
    }
    return allowed.length > 0 ? allowed : all;
  });

  /**
   * The language to show: the visitor's own pick, then `lang` on the element, the page's `<html lang>`, the
   * browser's languages in order, then Turkish.
   */
  resolve(): string {
    const available = this.available();
    const attribute = this.host.getAttribute('lang');
    if (attribute && !matchLanguage(attribute, available)) {
      warn(`lang: "${attribute.slice(0, 20)}" is not an available language; the next candidate is used.`);
    }
    return this.resolveFor(
      available,
      this.pickedLanguage,
      attribute,
      document.documentElement.lang,
      (navigator.languages ?? []).join(' '),
    );
  }

  /** The resolution, made again only when one of its inputs changes (every update, and the click, asks for it). */
  private readonly resolveFor = lastCall(
    (
      available: readonly string[],
      picked: string | undefined,
      attribute: string | null,
      page: string,
      browser: string,
    ) => resolveLanguage([picked, attribute, page, ...browser.split(' ')], available),
  );

  /** The visitor picked a language in the picker; returns it when it is a change (the element stores it). */
  pick(code: string): string | undefined {
    const language = matchLanguage(code, this.available());
    if (!language || language === this.language) return undefined;
    this.pickedLanguage = language;
    this.announce = true;
    this.host.requestUpdate();
    return language;
  }

  /**
   * After each update: with the view shown or wanted, load the language to show and switch once its strings are
   * in; with nothing shown, just follow the language.
   */
  sync(showing: boolean): void {
    const wanted = this.resolve();
    if (showing || this.view) {
      if (!this.view || wanted !== this.language) void this.load(wanted);
      return;
    }
    // Nothing shows (the UI came to store a choice): a later load's wait counts from its own start.
    this.requested = undefined;
    if (wanted !== this.language) this.switchTo(wanted);
  }

  private switchTo(language: string): void {
    const previous = this.language;
    if (previous === language) return;
    this.language = language;
    const announce = this.announce;
    this.announce = false;
    this.switched(language, previous, announce);
    this.host.requestUpdate();
  }

  /** Loads the view and the language's strings, then shows them at once: never a flash of another language. */
  private async load(language: string): Promise<void> {
    if (this.loadingLanguage === language) return;
    this.loadingLanguage = language;
    // A language chunk that never settles must not keep the visitor from choosing: Turkish is bundled. The time
    // counts from the moment the banner needs the language, the view's own load included.
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The wait for the language whose strings the element requested beside the UI chunk counts from that request;
    // any other language's (or a later load's) from now.
    const requested = this.requested;
    this.requested = undefined;
    const wait =
      requested?.language === language ? Math.max(0, LANGUAGE_TIMEOUT - (Date.now() - requested.at)) : LANGUAGE_TIMEOUT;
    const timedOut = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), wait)));
    try {
      void this.loadStrings(language);
      const view = this.loaded;
      // The chunk's evaluation and the first render are separate tasks: neither holds the main thread for both.
      await new Promise((resolve) => setTimeout(resolve, 0));
      view.applyTexts(this.texts());
      let shown = await Promise.race([view.loadLanguage(language), timedOut]);
      if (shown === false) {
        warn(`the "${language}" strings did not load in ${LANGUAGE_TIMEOUT / 1000} s; Turkish is shown.`);
        shown = await view.loadLanguage(SOURCE_LANGUAGE);
      }
      if (shown !== language) this.failedLanguages.add(language);
      if (language !== this.resolve() && shown === language) return;
      const first = this.view === undefined;
      this.view = view;
      this.switchTo(shown);
      if (first) this.host.requestUpdate();
    } finally {
      clearTimeout(timer);
      if (this.loadingLanguage === language) this.loadingLanguage = undefined;
    }
  }
}
