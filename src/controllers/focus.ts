import { FOCUSABLE, deepActiveElement, isVisible } from '../internal/dom.js';

/** The rendered elements focus works with; the view finds them (it owns the templates). */
export interface FocusParts {
  dialog: HTMLDialogElement | null;
  dialogHeading: HTMLElement | null;
  launcher: HTMLElement | null;
}

/**
 * Focus, kept where the visitor expects it: the preferences dialog opens modal with focus on its heading and
 * closes with focus back on what opened it; after a choice made with focus in the banner, focus goes to the
 * launcher, else to the page's next focusable element, never to `<body>`.
 */
export class FocusController {
  /** What opened preferences: focus returns to it when they close. */
  private opener: Element | null = null;
  /** Focus was in the banner when a choice closed it. */
  private focusWasInside = false;

  constructor(
    private readonly host: HTMLElement,
    private readonly state: () => { preferencesOpen: boolean; parts: FocusParts },
  ) {}

  /** Preferences are opening from this element (a `data-consent-open` click, which may not have focused it). */
  openedBy(opener: Element): void {
    this.opener = opener;
  }

  /** Preferences are opening: remember the focused element, unless an opener was given. */
  opening(): void {
    this.opener ??= deepActiveElement();
  }

  /** A choice is closing the banner: note whether focus was in it. */
  choosing(root: Node): void {
    this.focusWasInside = deepActiveElement()?.getRootNode() === root;
  }

  /** After each update (the element calls it once the view is rendered): dialog state and where focus goes. */
  sync(): void {
    const { preferencesOpen, parts } = this.state();
    const dialog = parts.dialog;
    if (!dialog) return;
    if (preferencesOpen && !dialog.open) {
      dialog.showModal();
      parts.dialogHeading?.focus();
    } else if (!preferencesOpen && dialog.open) {
      dialog.close();
    }
    if (preferencesOpen) return;
    if (this.opener) {
      const opener = this.opener as HTMLElement;
      this.opener = null;
      if (opener.isConnected && isVisible(opener)) {
        opener.focus();
        this.focusWasInside = false;
      }
    }
    if (this.focusWasInside) {
      this.focusWasInside = false;
      this.focusAfterChoice(parts.launcher);
    }
  }

  /** After a choice made with focus in the banner: the launcher, else the page's next focusable element. */
  private focusAfterChoice(launcher: HTMLElement | null): void {
    if (launcher) {
      launcher.focus();
      return;
    }
    const host = this.host;
    const next = [...document.querySelectorAll<HTMLElement>(FOCUSABLE)].find(
      (element) =>
        host.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING &&
        !host.contains(element) &&
        isVisible(element),
    );
    next?.focus();
  }
}
