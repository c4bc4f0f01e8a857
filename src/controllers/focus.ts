import { FOCUSABLE, isVisible } from '../internal/focusable.js';
import type { FocusMemory } from './focus-memory.js';

/** The rendered elements focus works with; the view finds them (it owns the templates). */
export interface FocusParts {
  dialog: HTMLDialogElement | null;
  dialogHeading: HTMLElement | null;
  launcher: HTMLElement | null;
}

/**
 * Focus, kept where the visitor expects it: the preferences dialog opens modal with focus on its heading and
 * closes with focus back on what opened it; after a choice made with focus in the banner, focus goes to the
 * launcher, else to the page's next focusable element, never to `<body>`. Comes with the view.
 */
export class FocusController {
  constructor(
    private readonly host: HTMLElement,
    private readonly memory: FocusMemory,
    private readonly state: () => { preferencesOpen: boolean; parts: FocusParts },
  ) {}

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
    const memory = this.memory;
    if (memory.opener) {
      const opener = memory.opener as HTMLElement;
      memory.opener = null;
      if (opener.isConnected && isVisible(opener)) {
        opener.focus();
        memory.focusWasInside = false;
      }
    }
    if (memory.focusWasInside) {
      memory.focusWasInside = false;
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
