import { sendReceipt } from './receipt.js';
import { createConsent, encodeConsent, type Consent, type ConsentMethod } from './record.js';
import type { ChangeSource, ConsentSession, SessionWriter } from './session.js';
import { removeCookie, startCookie, writeCookie } from './cookie-write.js';

/**
 * Stores the visitor's choices for a `ConsentSession`: makes the record, writes the cookie (js-cookie), tells the
 * site's other windows and sends the receipt. It loads with the banner's UI, or when the page calls a method that
 * stores: a returning visit that only reads never loads it.
 */
export class ConsentWriter implements SessionWriter {
  /** The rest of a clicked choice, due after the next paint: run first by anything else that stores. */
  private pending: (() => void) | undefined;

  constructor(private readonly session: ConsentSession) {}

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
    if (!session.defers(previous, consent, source)) {
      // The write leaves exactly one cookie of the name: copies at other scopes are removed.
      tell(this.write(consent, value), false);
      return;
    }
    // Clicked, and withdrawing nothing: the cookie is written and the choice in effect before the click returns;
    // the check that the browser kept it (a read of document.cookie), the change's effects and its telling come
    // after the paint.
    const kept = startCookie(session.cookieFor(consent), value, env.location);
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

  reset(): void {
    this.flush();
    const { session } = this;
    const previous = session.consent;
    removeCookie(session.settings.cookie());
    session.broadcast();
    session.commit(previous, null, 'api');
  }

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
    return this.checked(writeCookie(session.cookieFor(consent), value, session.env.location));
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
