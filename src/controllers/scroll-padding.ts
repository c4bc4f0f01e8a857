import type { ReactiveController, ReactiveControllerHost } from '@lit/reactive-element';

/**
 * Where the banner sits: along the viewport's end (bottom bar, corner box, launcher), its start (top bar), or in
 * the middle.
 */
export type Edge = 'start' | 'end' | 'middle';

/** Room between a focused element and the banner when one has to be moved clear of the other, in px. */
const MARGIN = 8;

/**
 * Keeps focused page elements out from under a banner fixed to the viewport (WCAG 2.4.11).
 *
 * - Along the end: the page gets `scroll-padding-block-end` (so focus scrolls clear of it) and as much
 *   `padding-block-end` (so the last elements can scroll clear too: space added after the content moves
 *   nothing, so it is no layout shift).
 * - At the start: `scroll-padding-block-start`; and when a focused element still sits under the bar (at the
 *   very top of the page, which cannot scroll further up), the page gets as much `padding-block-start`. That
 *   moves the page down only in answer to the visitor's own key press, which layout-shift scoring excludes.
 * - In the middle: room at the page's end, and a focused element under the box is scrolled clear of it.
 *
 * Inline styles the page had are restored when the banner hides.
 */
class ScrollPadding {
  private observer: ResizeObserver | undefined;
  private saved: Record<'scrollEnd' | 'paddingEnd' | 'scrollStart' | 'paddingStart', string> | undefined;
  private target: HTMLElement | undefined;
  private edge: Edge = 'end';

  reserve(banner: Element, edge: Edge): void {
    if (!(banner instanceof HTMLElement) || (this.target === banner && this.edge === edge)) return;
    this.release();
    const style = document.documentElement.style;
    this.saved = {
      scrollEnd: style.scrollPaddingBlockEnd,
      paddingEnd: style.paddingBlockEnd,
      scrollStart: style.scrollPaddingBlockStart,
      paddingStart: style.paddingBlockStart,
    };
    this.target = banner;
    this.edge = edge;
    this.observer = new ResizeObserver(() => this.measure());
    this.observer.observe(banner);
    addEventListener('resize', this.onResize);
    document.addEventListener('focusin', this.onFocus);
    // No measuring here: that would force a layout inside the update's task. The observer's first call comes in
    // the frame's own layout step, before the banner is first painted.
  }

  release(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.target = undefined;
    removeEventListener('resize', this.onResize);
    document.removeEventListener('focusin', this.onFocus);
    if (!this.saved) return;
    const style = document.documentElement.style;
    style.scrollPaddingBlockEnd = this.saved.scrollEnd;
    style.paddingBlockEnd = this.saved.paddingEnd;
    style.scrollPaddingBlockStart = this.saved.scrollStart;
    style.paddingBlockStart = this.saved.paddingStart;
    this.saved = undefined;
  }

  private readonly onResize = (): void => this.measure();

  /**
   * Measured from the layout box (offsetTop of a fixed element is from the viewport), not the painted one: an
   * entrance animation's translate must not count.
   */
  private measure(): void {
    const target = this.target;
    if (!target) return;
    const style = document.documentElement.style;
    const viewport = document.documentElement.clientHeight;
    if (this.edge === 'start') {
      style.scrollPaddingBlockStart = `${Math.ceil(Math.max(0, target.offsetTop + target.offsetHeight))}px`;
    } else {
      const covered = `${Math.ceil(Math.max(0, viewport - target.offsetTop))}px`;
      if (this.edge === 'end') style.scrollPaddingBlockEnd = covered;
      style.paddingBlockEnd = covered;
    }
  }

  /** A page element took focus: if it is under the banner all the same, move the page so that it is not. */
  private readonly onFocus = (event: FocusEvent): void => {
    const target = this.target;
    const element = event.target;
    if (!target || !(element instanceof Element) || (target.getRootNode() as ShadowRoot).host?.contains(element)) {
      return;
    }
    const box = target.getBoundingClientRect();
    const rect = element.getBoundingClientRect();
    const under = rect.bottom > box.top && rect.top < box.bottom && rect.right > box.left && rect.left < box.right;
    if (!under) return;
    if (this.edge === 'start') {
      const up = box.bottom - rect.top + MARGIN;
      if (scrollY >= up) {
        scrollBy({ top: -up, behavior: 'instant' });
      } else {
        document.documentElement.style.paddingBlockStart = `${Math.ceil(box.bottom)}px`;
        scrollTo({ top: 0, behavior: 'instant' });
      }
    } else {
      // Above the box if the page can scroll that far, else below it.
      const down = rect.bottom - box.top + MARGIN;
      const maxScroll = document.documentElement.scrollHeight - document.documentElement.clientHeight;
      if (scrollY + down <= maxScroll) scrollBy({ top: down, behavior: 'instant' });
      else scrollBy({ top: rect.top - box.bottom - MARGIN, behavior: 'instant' });
    }
  };
}

/** What the element tells the controller after each update. */
export interface ScrollPaddingState {
  /** `no-scroll-padding`: the site handles it. */
  off: boolean;
  /** The first layer, when it is shown. */
  banner: Element | null;
  /** The launcher, when it is shown and preferences are not. */
  launcher: Element | null;
  /** Which edge the first layer sits on. */
  edge: Edge;
}

/**
 * Keeps room for the banner (or the launcher) at the page's edge after every update, and gives the page its own
 * styles back when neither shows or the element leaves (`hostDisconnected`).
 */
export class ScrollPaddingController implements ReactiveController {
  private readonly padding = new ScrollPadding();

  constructor(
    host: ReactiveControllerHost,
    private readonly state: () => ScrollPaddingState,
  ) {
    host.addController(this);
  }

  /** After each update (the element calls it, before focus moves): reserve or release the room. */
  sync(): void {
    const { off, banner, launcher, edge } = this.state();
    if (off) this.padding.release();
    else if (banner) this.padding.reserve(banner, edge);
    // The launcher floats over the page's end too: focus must not hide behind it either.
    else if (launcher) this.padding.reserve(launcher, 'end');
    else this.padding.release();
  }

  hostDisconnected(): void {
    this.padding.release();
  }

  /** Gives the page its styles back now (the element stopped owning the page). */
  release(): void {
    this.padding.release();
  }
}
