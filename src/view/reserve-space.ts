/**
 * Keeps focused page elements out from under a banner fixed to the viewport (WCAG 2.4.11): while the banner
 * shows at the bottom, the page gets `scroll-padding-block-end` (so focus scrolls clear of it) and as much
 * `padding-block-end` (so the last elements can scroll clear too: space added after the content moves
 * nothing, so it is no layout shift). A banner at the top only gets scroll padding. Inline styles the page
 * had are restored when the banner hides.
 */
export class SpaceReserver {
  private observer: ResizeObserver | undefined;
  private saved: { scroll: string; padding: string; top: string } | undefined;
  private target: Element | undefined;
  private edge: 'start' | 'end' = 'end';

  reserve(banner: Element, edge: 'start' | 'end'): void {
    if (this.target === banner && this.edge === edge) return;
    this.release();
    const html = document.documentElement;
    this.saved = {
      scroll: html.style.scrollPaddingBlockEnd,
      padding: html.style.paddingBlockEnd,
      top: html.style.scrollPaddingBlockStart,
    };
    this.target = banner;
    this.edge = edge;
    this.observer = new ResizeObserver(() => this.measure());
    this.observer.observe(banner);
    addEventListener('resize', this.onResize);
    this.measure();
  }

  private readonly onResize = (): void => this.measure();

  release(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.target = undefined;
    removeEventListener('resize', this.onResize);
    if (!this.saved) return;
    const html = document.documentElement;
    html.style.scrollPaddingBlockEnd = this.saved.scroll;
    html.style.paddingBlockEnd = this.saved.padding;
    html.style.scrollPaddingBlockStart = this.saved.top;
    this.saved = undefined;
  }

  /** Measured from the layout box (offsetTop of a fixed element is from the viewport), not the painted one: an entrance animation's translate must not count. */
  private measure(): void {
    const target = this.target;
    if (!(target instanceof HTMLElement)) return;
    const html = document.documentElement;
    const viewport = html.clientHeight;
    if (this.edge === 'end') {
      const covered = `${Math.ceil(Math.max(0, viewport - target.offsetTop))}px`;
      html.style.scrollPaddingBlockEnd = covered;
      html.style.paddingBlockEnd = covered;
    } else {
      html.style.scrollPaddingBlockStart = `${Math.ceil(Math.max(0, target.offsetTop + target.offsetHeight))}px`;
    }
  }
}
