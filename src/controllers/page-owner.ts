/**
 * Page ownership: of the connected banners, in order of connection, the first owns the page. It shows the banner,
 * gates tags, talks to Google's tags and writes the cookie. Later ones defer to it: they show nothing, mirror its
 * choice and events, and pass their method calls on to it. When the owner leaves, the next one takes over.
 */
export class PageOwnership<T> {
  private readonly connected: T[] = [];

  /** The banner that owns the page, or `null` when none is connected. */
  owner(): T | null {
    return this.connected[0] ?? null;
  }

  /**
   * The banner that acts for `banner`: the owner, or `banner` itself when none is connected. Every public method
   * of the element works on it, so a later banner's calls change the page's one state, never a state of its own.
   */
  acting(banner: T): T {
    return this.connected[0] ?? banner;
  }

  /** The connected banners that defer to the owner. */
  followers(): readonly T[] {
    return this.connected.slice(1);
  }

  join(banner: T): void {
    this.connected.push(banner);
  }

  /** Removes a banner; returns whether it owned the page (its successor, if any, is then `owner()`). */
  leave(banner: T): boolean {
    const wasOwner = this.owner() === banner;
    const index = this.connected.indexOf(banner);
    if (index >= 0) this.connected.splice(index, 1);
    return wasOwner;
  }
}
