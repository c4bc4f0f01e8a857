/**
 * Another window of the site may have stored a choice while this one was in the background: the banner looks again
 * (reads the cookie) when this window becomes visible, gets focus, or is restored from the back/forward cache (a
 * fresh load has just read it). The session's channel tells windows open side by side at once; these cover the rest:
 * a browser without `BroadcastChannel`, a window that was frozen or cached. Only the page's owner banner listens.
 */
export class LookAgain {
  constructor(private readonly look: () => void) {}

  private readonly onVisible = (): void => {
    if (document.visibilityState === 'visible') this.look();
  };

  private readonly onPageShow = (event: PageTransitionEvent): void => {
    if (event.persisted) this.look();
  };

  private readonly onFocus = (): void => this.look();

  start(): void {
    addEventListener('pageshow', this.onPageShow);
    addEventListener('focus', this.onFocus);
    document.addEventListener('visibilitychange', this.onVisible);
  }

  stop(): void {
    removeEventListener('pageshow', this.onPageShow);
    removeEventListener('focus', this.onFocus);
    document.removeEventListener('visibilitychange', this.onVisible);
  }
}
