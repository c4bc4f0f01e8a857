import { ReactiveElement, adoptStyles, unsafeCSS, type CSSResult } from '@lit/reactive-element';
import type { HostServices } from '../view/banner-view.js';

export type View = typeof import('../view/banner-view.js');

/** The view's stylesheet, made once for every banner on the page. */
let viewStyles: CSSResult | undefined;

/**
 * Loads the view chunk (templates, styles, i18next) once, when the banner, preferences or the launcher must show,
 * and adopts its styles beside the element's own. A page whose visitor has chosen never loads it.
 */
export class ViewLoader {
  private loading: Promise<View | undefined> | undefined;

  constructor(
    private readonly host: ReactiveElement,
    private readonly services: HostServices,
    /** The view did not load: the element reports it (console error and `consent-error`). */
    private readonly failed: (error: unknown) => void,
  ) {}

  load(): Promise<View | undefined> {
    this.loading ??= import('../view/banner-view.js').then(
      (view) => {
        view.connect(this.services);
        viewStyles ??= unsafeCSS(view.styles);
        // The element's styles as its class (or a subclass) declares them, then the view's: lit adopts only
        // `static styles` by itself, and those must stay tiny because they ship on every page view.
        const own = (this.host.constructor as typeof ReactiveElement).elementStyles;
        adoptStyles(this.host.renderRoot as ShadowRoot, [...own, viewStyles]);
        return view;
      },
      (error: unknown) => {
        this.loading = undefined;
        this.failed(error);
        return undefined;
      },
    );
    return this.loading;
  }
}
