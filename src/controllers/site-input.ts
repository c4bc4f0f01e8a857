import type { ReactiveController, ReactiveControllerHost } from '@lit/reactive-element';
import {
  checkNecessary,
  cleanCookieTable,
  declarativeCookieTable,
  mergeCookieTables,
  type CookieTable,
} from '../consent/cookie-table.js';
import { cleanTexts, declarativeTexts, mergeTexts, type Texts } from '../i18n/texts.js';

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
  /** The site's cookie table, cleaned; no prototype, so a polluted `Object.prototype` is never a category's list. */
  cookies: CookieTable = Object.create(null) as CookieTable;
  private dirty = true;
  private observer: MutationObserver | undefined;

  constructor(
    private readonly host: SiteInputHost,
    /** The categories offered, read after the texts are cleaned (a site may describe its own). */
    private readonly offered: () => readonly string[],
    /** The texts changed: the loaded view takes them. */
    private readonly changed: (texts: Texts) => void,
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
    this.cookies = Object.assign(
      Object.create(null) as CookieTable,
      checkNecessary(
        mergeCookieTables(declarativeCookieTable(this.host), cleanCookieTable(this.host.cookies)),
        this.offered(),
      ),
    );
    this.changed(this.texts);
  }
}
