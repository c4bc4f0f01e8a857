import type { ReactiveController, ReactiveControllerHost } from '@lit/reactive-element';
import type { CookieTable } from '../consent/cookie-table.js';
import { cleanTexts, declarativeTexts, mergeTexts, type Texts } from '../i18n/texts.js';
import { report, warn } from '../internal/warn.js';

/** The `data-cookies` children that give a cookie table in markup (the cookie table's module has it too). */
const COOKIE_SCRIPTS = ':scope > script[type="application/json"][data-cookies]';

/**
 * Whether an element has a cookie table to clean: a `cookies` property other than an empty plain object, or a
 * `data-cookies` child. Without one, the table is empty and its module (a chunk of its own) never loads.
 */
function hasCookieTable(host: Element, property: unknown): boolean {
  const empty =
    typeof property === 'object' &&
    property !== null &&
    Object.getPrototypeOf(property) === Object.prototype &&
    Object.keys(property).length === 0;
  return (!empty && property != null) || host.querySelector(COOKIE_SCRIPTS) !== null;
}

/** What the controller reads from its element. */
export interface SiteInputHost extends ReactiveControllerHost, HTMLElement {
  readonly texts: Texts;
  readonly cookies: CookieTable;
}

/**
 * The site's own input: texts and the cookie table, from the `texts` and `cookies` properties and from
 * `<script type="application/json">` children, cleaned once per change (a child edited later counts too).
 */
export class SiteInput implements ReactiveController {
  /** The site's texts, cleaned and merged (properties over markup). */
  texts: Texts = {};
  /**
   * The site's cookie table, cleaned; no prototype, so a polluted `Object.prototype` is never a category's list.
   * Its module is a chunk, loaded only for a page that has a table: the cleaned table comes a moment after the
   * change, and `cookiesChanged` says when.
   */
  cookies: CookieTable = Object.create(null) as CookieTable;
  private dirty = true;
  /** Counts the cleanings: a table cleaned for an earlier one, arriving late, is dropped. */
  private round = 0;
  private observer: MutationObserver | undefined;

  constructor(
    private readonly host: SiteInputHost,
    /** The categories offered, read after the texts are cleaned (a site may describe its own). */
    private readonly offered: () => readonly string[],
    /** The texts changed: the loaded view takes them. */
    private readonly changed: (texts: Texts) => void,
    /** The cleaned cookie table changed (it comes a moment after the input did). */
    private readonly cookiesChanged: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observer = new MutationObserver(() => {
      this.dirty = true;
      this.host.requestUpdate();
    });
    this.observer.observe(this.host, { childList: true, subtree: true, characterData: true });
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }

  /** `texts`, `cookies` or `categories` changed. */
  invalidate(): void {
    this.dirty = true;
  }

  /** Cleans the input again if it changed since the last time. */
  refresh(): void {
    if (!this.dirty) return;
    this.dirty = false;
    this.texts = mergeTexts(declarativeTexts(this.host), cleanTexts(this.host.texts));
    this.changed(this.texts);
    const round = ++this.round;
    const property: unknown = this.host.cookies;
    if (!hasCookieTable(this.host, property)) {
      if (Object.keys(this.cookies).length === 0) return;
      this.cookies = Object.create(null) as CookieTable;
      this.cookiesChanged();
      return;
    }
    import('../consent/cookie-table.js').then(
      (module) => {
        if (round !== this.round) return;
        this.cookies = module.siteCookieTable(this.host, property, this.offered(), report);
        this.cookiesChanged();
      },
      (error: unknown) => warn(`could not load the cookie table's code (${String(error)}); no cookie is listed.`),
    );
  }
}
