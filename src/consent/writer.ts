import { sendReceipt } from './receipt.js';
import { createConsent, encodeConsent, type Consent, type ConsentMethod } from './record.js';
import type { ChangeSource, ConsentSession, SessionWriter } from './session.js';
import { removeCookie, writeCookie } from './cookie-write.js';

/**
 * Stores the visitor's choices for a `ConsentSession`: makes the record, writes the cookie (js-cookie), tells the
 * site's other windows and sends the receipt. It loads with the banner's UI, or when the page calls a method that
 * stores: a returning visit that only reads never loads it.
 */
export class ConsentWriter implements SessionWriter {
  constructor(private readonly session: ConsentSession) {}

  choose(method: ConsentMethod, source: ChangeSource, allowed: (id: string) => boolean): void {
    const { session } = this;
    // Another window may have changed the choice since this one read it.
    session.reread('sync', false);
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
    // The write leaves exactly one cookie of the name: copies at other scopes are removed.
    const stored = this.write(consent, encodeConsent(consent, host.picked()));
    const later = session.commit(previous, consent, source, stored);
    if (!stored) return;
    // The site's other windows hear of a grant clicked in the banner with its effects, after the frame that
    // hides the banner; of a withdrawal or a page's call at once.
    if (later) env.afterNextPaint(() => session.broadcast());
    else session.broadcast();
    if (receipts) env.afterNextPaint(() => sendReceipt(receipts, consent, env.location));
  }

  reset(): void {
    const { session } = this;
    const previous = session.consent;
    removeCookie(session.settings.cookie());
    session.broadcast();
    session.commit(previous, null, 'api');
  }

  writeLanguage(language: string): void {
    const { session } = this;
    // Another window may have changed the choice: read it first, so that only the language is written.
    session.reread('sync');
    const consent = session.consent;
    if (consent && this.write(consent, encodeConsent(consent, language))) session.broadcast();
  }

  persist(consent: Consent): void {
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
    const kept = writeCookie(session.cookieFor(consent), value, session.env.location);
    if (!kept) {
      session.host.error(
        'cookie-not-stored',
        'the browser did not keep the consent cookie; the choice holds for this page only.',
      );
    }
    return kept;
  }
}
