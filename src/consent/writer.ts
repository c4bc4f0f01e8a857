import { sendReceipt } from './receipt.js';
import {
  changedCategories,
  createConsent,
  encodeConsent,
  refuses,
  type Consent,
  type ConsentMethod,
} from './record.js';
import type { ChangeSource, ConsentSession, SessionWriter } from './session.js';
import type { CookieSettings } from './store.js';
import { removeCookie, startCookie, writeCookie } from './cookie-write.js';

/**
 * Whether a new choice is told and takes effect only after the next paint: one clicked in the banner or
 * preferences that withdraws nothing (a grant, or a first refusal). A heavy tag behind "Accept all", or a page's
 * heavy `consent-change` listener, then never delays the frame that hides the banner. A withdrawal, and a page's
 * own call, act at once.
 */
export function defers(previous: Consent | null, consent: Consent, source: ChangeSource): boolean {
  return (
    (source === 'banner' || source === 'preferences') &&
    !changedCategories(previous, consent).some((id) => previous?.categories[id] === true)
  );
}

/**
 * Stores the visitor's choices for a `ConsentSession`: makes the record, writes the cookie (js-cookie), puts it in
 * effect through the session, tells the site's other windows and sends the receipt. It loads with the banner's UI,
 * or when the page calls a method that stores: a returning visit that only reads never loads it.
 */
export class ConsentWriter implements SessionWriter {
  /** The rest of a clicked choice, due after the next paint: run first by anything else that stores. */
  private pending: (() => void) | undefined;

  constructor(private readonly session: ConsentSession) {}

  /**
   * Makes and stores a new choice (for a page's call, another window's choice is read first). One clicked in the
   * banner or preferences that withdraws nothing is in effect at once and its cookie written, and it is told and
   * takes effect after the next paint (`defers`); a withdrawal, and a page's call, at once.
   */
  choose(method: ConsentMethod, source: ChangeSource, allowed: (id: string) => boolean): void {
    this.flush();
    const { session } = this;
    // Another window may have changed the choice since this one read it, unseen: a page's call reads it first. A
    // visitor's click comes in a window that has just looked (on focus, on becoming visible, on the other window's
    // message), and what they chose is what they saw: reading first would run the other window's grant here for
    // the moment before the click's own choice replaces it.
    if (source === 'api') session.reread('sync', false);
    const { settings, env, host } = session;
    const previous = session.consent;
    const receipts = settings.receiptUrl();
    const consent = createConsent({
      offered: settings.offered(),
      allowed,
      revision: settings.revision(),
      language: host.language(),
      method,
      gpc: session.gpc(),
      now: env.now(),
      receipts: receipts !== null,
    });
    const value = encodeConsent(consent, host.picked());
    // `painted`: the frame after the choice is already on screen, so the receipt goes now.
    const tell = (stored: boolean, painted: boolean): void => {
      session.commit(previous, consent, source, stored);
      if (!stored) return;
      session.broadcast();
      if (!receipts) return;
      const send = (): void => sendReceipt(receipts, consent, env.location);
      if (painted) send();
      else env.afterNextPaint(send);
    };
    if (!defers(previous, consent, source)) {
      // The write leaves exactly one cookie of the name: copies at other scopes are removed.
      tell(this.write(consent, value), false);
      return;
    }
    // Clicked, and withdrawing nothing: the cookie is written and the choice in effect before the click returns;
    // the check that the browser kept it (a read of document.cookie), the change's effects and its telling come
    // after the paint.
    const kept = startCookie(this.cookieFor(consent), value, env.location);
    session.hold(consent);
    const rest = (): void => tell(this.checked(kept()), true);
    this.pending = rest;
    env.afterNextPaint(() => {
      if (this.pending === rest) this.flush();
    });
  }

  /** Runs the rest of a clicked choice now, if it is still due: before anything else stores one. */
  flush(): void {
    const rest = this.pending;
    this.pending = undefined;
    rest?.();
  }

  /** Forgets the stored choice: removes the cookie and tells the other windows. */
  reset(): void {
    this.flush();
    const { session } = this;
    const previous = session.consent;
    removeCookie(session.settings.cookie());
    session.broadcast();
    session.commit(previous, null, 'api');
  }

  /** The visitor picked the banner's language: stores it with their choice (never before one). */
  writeLanguage(language: string): void {
    this.flush();
    const { session } = this;
    // Another window may have changed the choice: read it first, so that only the language is written.
    session.reread('sync');
    const consent = session.consent;
    if (consent && this.write(consent, encodeConsent(consent, language))) session.broadcast();
  }

  persist(consent: Consent): void {
    this.flush();
    const { session } = this;
    if (!this.write(consent, encodeConsent(consent, session.host.picked()))) return;
    session.broadcast();
    const receipts = session.settings.receiptUrl();
    if (receipts) sendReceipt(receipts, consent, session.env.location);
  }

  /**
   * Writes the consent cookie. When the browser does not keep it (cookies blocked, a full jar, a sandboxed
   * frame), the choice holds for this page only: the store logs why, and the host hears `cookie-not-stored`.
   * A refusal of every optional category lasts `refusal-expires`, any other choice `cookie-expires`.
   */
  private write(consent: Consent, value: string): boolean {
    const { session } = this;
    return this.checked(writeCookie(this.cookieFor(consent), value, session.env.location));
  }

  /** The cookie settings to store a choice with: a refusal of every optional category lasts `refusal-expires`. */
  private cookieFor(consent: Consent): CookieSettings {
    const { settings } = this.session;
    const cookie = settings.cookie();
    return refuses(consent.categories) ? { ...cookie, expires: settings.refusalExpires() } : cookie;
  }

  /** Whether the cookie was kept; when not, the host hears `cookie-not-stored`. */
  private checked(kept: boolean): boolean {
    if (!kept) {
      const { session } = this;
      session.host.error(
        'cookie-not-stored',
        'the browser did not keep the consent cookie; the choice holds for this page only.',
      );
    }
    return kept;
  }
}
