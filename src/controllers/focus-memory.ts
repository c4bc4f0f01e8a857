/** The focused element, looking through open shadow roots. */
function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * What focus must come back to, noted when it happens (before the view may have loaded): what opened
 * preferences, and whether focus was in the banner when a choice closed it. Ships in the entry: it is tiny.
 */
export class FocusMemory {
  /** What opened preferences: focus returns to it when they close. */
  opener: Element | null = null;
  /** Focus was in the banner when a choice closed it. */
  focusWasInside = false;

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
}
