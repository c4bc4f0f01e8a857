/**
 * `data-consent-open` anywhere on the page opens preferences. The listener is on `window` in the capture phase, so
 * a theme that cancels or stops every click on `href="#"` links cannot swallow an opener; only the page's owner
 * banner listens.
 */
export class PageLinks {
  private listening = false;

  constructor(private readonly open: (opener: Element) => void) {}

  private readonly onClick = (event: MouseEvent): void => {
    const opener = event
      .composedPath()
      .find((node): node is Element => node instanceof Element && node.hasAttribute('data-consent-open'));
    if (!opener) return;
    event.preventDefault();
    this.open(opener);
  };

  start(): void {
    if (this.listening) return;
    this.listening = true;
    addEventListener('click', this.onClick, true);
  }

  stop(): void {
    this.listening = false;
    removeEventListener('click', this.onClick, true);
  }
}
