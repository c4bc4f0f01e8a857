import { firstLanguage, loadStrings } from '../i18n/locale-chunks.js';
import { nextTask } from '../internal/dom.js';
import { fail } from '../internal/warn.js';
import type { BannerUi, RequestedStrings, UiHost } from '../ui/banner-ui.js';

/** What the loader asks of its element. */
export interface UiLoaderOptions {
  /** The languages the banner might show, best first (see `firstLanguage`), and the site's `languages`. */
  languages(): readonly (string | null | undefined)[];
  limit(): string | null;
  /** What the screen takes from the element; `requested` is the language whose strings came with the chunk's request. */
  host(requested: RequestedStrings): UiHost;
  /** The screen is there (the element attaches its writer and updates). */
  loaded(ui: BannerUi): void;
  /** It could not load: the element tells the page (`consent-error`). */
  failed(message: string): void;
}

/**
 * Loads the banner's UI chunk (the screen and the writer), once, when something must show or a choice is stored,
 * with the strings of the language it will most likely show requested beside it: no chain of requests before the
 * banner shows. A failed load is reported and may be tried again.
 */
export class UiLoader {
  /** The screen, once loaded. */
  ui: BannerUi | undefined;
  private loading: Promise<BannerUi | undefined> | undefined;

  constructor(private readonly options: UiLoaderOptions) {}

  load(): Promise<BannerUi | undefined> {
    if (this.loading) return this.loading;
    const { options } = this;
    const requested: RequestedStrings = {
      language: firstLanguage(options.languages(), options.limit()),
      at: Date.now(),
    };
    if (requested.language) void loadStrings(requested.language)?.catch(() => undefined);
    this.loading = import('../ui/banner-ui.js').then(
      // The chunk's evaluation and the making of the screen (its styles, i18next's language) are separate tasks:
      // neither holds the main thread for both.
      (module) =>
        nextTask().then(() => {
          const ui = module.createUi(options.host(requested));
          this.ui = ui;
          options.loaded(ui);
          return ui;
        }),
      (error: unknown) => {
        this.loading = undefined;
        const message = `could not load the banner's view (${String(error)}); the banner cannot show, and no optional category runs until a choice.`;
        fail('CEREZ_VIEW_NOT_LOADED', message);
        options.failed(message);
        return undefined;
      },
    );
    return this.loading;
  }

  /** Whether the load has started. */
  get started(): boolean {
    return this.loading !== undefined;
  }

  /** Runs `task` with the screen: now if it is loaded, else once it is. */
  with(task: (ui: BannerUi) => void): Promise<void> {
    if (this.ui) {
      task(this.ui);
      return Promise.resolve();
    }
    return this.load().then((ui) => {
      if (ui) task(ui);
    });
  }
}
