import { report } from '../internal/warn.js';
import { ONCE } from './embeds.js';

/**
 * Gated tags: `<script type="text/plain" data-consent-category="…">`, embeds (`<iframe>`, `<video>`, `<audio>`
 * with `data-consent-category="…" data-src="…"`) and pixels (`<img data-consent-category="…" data-src="…"
 * data-srcset="…">`). A script runs once, when all of its categories are allowed; an embed or an image gets its
 * `src` (and `srcset`) then, and loses them again when a category is withdrawn. A blocked embed is handed to
 * `onBlocked` (its placeholder); `data-consent-once` on it (set by the placeholder's "Load this once") loads it
 * for this page only, until its categories are allowed: from then on a withdrawal unloads it like the others.
 *
 * Under a nonce-based CSP (the element has a `nonce`), only gated scripts that carry that same nonce are
 * ever run: the gate never gives a script a nonce, so markup injected without the page's nonce stays inert.
 */
const SELECTOR = ['script', 'iframe', 'img', 'video', 'audio'].map((tag) => `${tag}[data-consent-category]`).join();

/** An element whose `src` the gate sets. */
type Embed = HTMLIFrameElement | HTMLImageElement | HTMLMediaElement;

/**
 * How long a gated script with `src` (and no `async`) may hold up the gated scripts after it, in ms. When it
 * has neither loaded nor failed by then (a server that never answers), the next gated script runs anyway.
 */
export const BLOCKING_TIMEOUT = 10_000;

/** The JavaScript MIME type essences (HTML's list), `module` and none: the `type`s a browser runs. */
const JAVASCRIPT =
  /^(|module|(application|text)\/(x-)?(ecma|java)script|text\/(javascript1\.[0-5]|jscript|livescript))$/;

/** Whether a script `type` is one the browser runs as a classic script or a module. */
function isJavaScript(type: string | null): boolean {
  return JAVASCRIPT.test((type ?? '').trim().toLowerCase());
}

/** The categories an element needs, all of them. */
function categoriesOf(element: Element): string[] {
  return (element.getAttribute('data-consent-category') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
}

/** A short name for a tag in a warning: its `src`, `data-src` or `id`, else the start of its text. */
function describe(element: Element): string {
  const name =
    element.getAttribute('src') ||
    element.getAttribute('data-src') ||
    (element.id ? `#${element.id}` : element.textContent?.trim());
  return `gated <${element.localName}> "${name?.slice(0, 60)}"`;
}

/** An http(s) URL resolved against the page, or `null`. */
function httpUrl(value: string): string | null {
  try {
    const url = new URL(value, document.baseURI);
    if (url.protocol === 'https:' || url.protocol === 'http:') return url.href;
  } catch {
    // Not a URL.
  }
  return null;
}

function safeFrameUrl(element: Element, value: string | null): string | null {
  if (!value) return null;
  const url = httpUrl(value);
  if (!url) report('gateBadSrc', element.localName, value.slice(0, 80));
  return url;
}

/** A `data-srcset` whose every candidate is an http(s) URL, or `null` (with a warning when there was one). */
function safeSrcset(image: Element): string | null {
  const value = image.getAttribute('data-srcset');
  if (!value) return null;
  const ok = value.split(',').every((candidate) => httpUrl(candidate.trim().split(/\s+/)[0] ?? '') !== null);
  if (!ok) report('gateBadSrcset', value.slice(0, 80));
  return ok ? value : null;
}

/**
 * A gated script timed out. The browser runs scripts inserted without `async` in insertion order, so it would
 * hold every later one behind that script, forever if it never loads: later gated scripts run as `async`
 * instead (the queue still runs them one after another).
 */
let stalled = false;

/**
 * Runs a parser-made, inert script: the same element, its type made runnable, moved in place.
 * Its `src` and text were set by the page's own markup, so this needs no Trusted Types policy,
 * and its nonce (if any) is its own. Resolves when the next gated script may run:
 * - at once for inline and `async` scripts, for a `data-type` that is not JavaScript and for `nomodule`
 *   classic scripts (the browser fires no `load` or `error` for those);
 * - else after loading or failing, or after `BLOCKING_TIMEOUT`, so that document order holds as it would
 *   have without the gate and a tag that never loads cannot stall the others (see `stalled`).
 */
function run(script: HTMLScriptElement): Promise<void> {
  return new Promise((resolve) => {
    const type = script.getAttribute('data-type');
    if (type) script.setAttribute('type', type);
    else script.removeAttribute('type');
    const blocking =
      script.hasAttribute('src') &&
      !script.hasAttribute('async') &&
      isJavaScript(type) &&
      ((type ?? '').trim().toLowerCase() === 'module' || !script.hasAttribute('nomodule'));
    if (stalled) script.async = true;
    if (blocking) {
      if (!stalled) script.async = false;
      const done = (): void => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        stalled = true;
        done();
      }, BLOCKING_TIMEOUT);
      script.addEventListener('load', done, { once: true });
      script.addEventListener('error', done, { once: true });
    }
    script.setAttribute('data-consent-state', 'run');
    const parent = script.parentNode;
    if (parent) parent.insertBefore(script, script.nextSibling);
    else resolve();
    if (!blocking) resolve();
  });
}

export class Gate {
  /** Called after each gated script has run (before the next one does). */
  onRun: (() => void) | undefined;
  /** Called with each embed (not an image) that is blocked, at every look at it: its placeholder shows. */
  onBlocked: ((embed: HTMLIFrameElement | HTMLMediaElement) => void) | undefined;
  private readonly observer: MutationObserver;
  private allowed: (category: string) => boolean = () => false;
  /** Gated scripts run one after another, in document order. */
  private queue: Promise<void> = Promise.resolve();
  /** Scripts waiting in the queue of this generation. */
  private readonly queued = new Set<HTMLScriptElement>();
  /** Bumped by `update()` and `stop()`: a queued script of an older generation does nothing at its turn. */
  private generation = 0;
  /** Elements already checked for markup mistakes. */
  private readonly checked = new WeakSet<Element>();

  /**
   * @param nonce - the page's CSP nonce (the element's), or `''`: when set, only scripts with that nonce run
   * @param offered - the category ids the banner offers, to report tags that can never run
   */
  constructor(
    private readonly root: Document,
    private readonly nonce: () => string,
    private readonly offered: () => readonly string[] = () => [],
  ) {
    this.observer = new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.type === 'attributes' ? [record.target] : record.addedNodes) {
          if (node instanceof Element) this.scan(node);
        }
      }
    });
  }

  /** Starts watching the page; gated elements added later are handled too. */
  start(allowed: (category: string) => boolean): void {
    this.allowed = allowed;
    this.observer.observe(this.root, { childList: true, subtree: true, attributeFilter: [ONCE] });
    this.scan(this.root);
  }

  /** The allowed categories changed: run what is now allowed, unload frames that no longer are. */
  update(allowed: (category: string) => boolean): void {
    this.allowed = allowed;
    this.restart();
    this.scan(this.root);
  }

  /** Stops watching; scripts still waiting in the queue never run. */
  stop(): void {
    this.observer.disconnect();
    this.restart();
  }

  /** Makes the waiting scripts stale; a scan queues again those that are still allowed. */
  private restart(): void {
    this.generation++;
    this.queued.clear();
  }

  private permitted(element: Element): boolean {
    const categories = categoriesOf(element);
    return categories.length > 0 && categories.every((category) => this.allowed(category));
  }

  /** A script may run only with the page's nonce, when the page has one. */
  private trusted(script: HTMLScriptElement): boolean {
    const nonce = this.nonce();
    return !nonce || script.nonce === nonce;
  }

  private scan(root: ParentNode & Node): void {
    const found: Element[] = [];
    if (root instanceof Element && root.matches(SELECTOR)) found.push(root);
    found.push(...root.querySelectorAll(SELECTOR));
    for (const element of found) {
      if (element.getAttribute('data-consent-state') === 'run' && element instanceof HTMLScriptElement) continue;
      this.check(element);
      if (element instanceof HTMLScriptElement) {
        if (element.type === 'text/plain' && this.trusted(element) && this.permitted(element)) this.enqueue(element);
      } else {
        this.frame(element as Embed);
      }
    }
  }

  private enqueue(script: HTMLScriptElement): void {
    if (this.queued.has(script)) return;
    this.queued.add(script);
    const generation = this.generation;
    this.queue = this.queue.then(() => {
      if (generation !== this.generation) return;
      this.queued.delete(script);
      // Consent may have changed while the scripts before it loaded: it must still be allowed now.
      if (!script.isConnected || script.type !== 'text/plain' || !this.permitted(script)) return;
      return run(script).then(() => this.onRun?.());
    });
  }

  /** Reports, once per element, gated markup that cannot work as the site meant it. */
  private check(element: Element): void {
    if (this.checked.has(element)) return;
    this.checked.add(element);
    const tag = describe(element);
    const value = element.getAttribute('data-consent-category') ?? '';
    const offered = this.offered();
    if (value.includes(',')) {
      report('gateComma', tag, value.slice(0, 60));
    } else if (offered.length > 0) {
      for (const category of categoriesOf(element)) {
        if (!offered.includes(category)) {
          report('gateNotOffered', tag, category.slice(0, 40));
        }
      }
    }
    if (element instanceof HTMLScriptElement) {
      if (element.type !== 'text/plain') {
        if (isJavaScript(element.getAttribute('type'))) {
          report('gateUngated', tag);
        }
      } else if (!this.trusted(element)) {
        report('gateNoNonce', tag);
      }
    } else if (element.hasAttribute('src') || element.hasAttribute('srcset')) {
      report('gateEarlySrc', tag);
    }
  }

  /** An embed or an image: its `src` (an image's `srcset` too) while allowed or loaded once, none when not. */
  private frame(frame: Embed): void {
    const loaded = frame.getAttribute('data-consent-state') === 'run';
    const image = frame instanceof HTMLImageElement;
    const permitted = this.permitted(frame);
    // Allowed now: a withdrawal will unload it, "once" or not.
    if (permitted) frame.removeAttribute(ONCE);
    if (permitted || frame.hasAttribute(ONCE)) {
      if (loaded) return;
      const src = safeFrameUrl(frame, frame.getAttribute('data-src'));
      const srcset = image ? safeSrcset(frame) : null;
      if (!src && !srcset) return;
      frame.setAttribute('data-consent-state', 'run');
      // srcset first: an image set to both picks its candidate once, from the srcset.
      if (srcset) frame.setAttribute('srcset', srcset);
      if (src) frame.src = src;
      return;
    }
    if (loaded) {
      frame.removeAttribute('data-consent-state');
      frame.removeAttribute('srcset');
      frame.removeAttribute('src');
      if (frame instanceof HTMLIFrameElement) frame.src = 'about:blank';
      // A media element stops playing only when told to load its (now missing) source.
      else if (!image) frame.load();
    }
    if (!image) this.onBlocked?.(frame);
  }
}
