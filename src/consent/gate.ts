import { warn } from './warn.js';

/**
 * Gated tags: `<script type="text/plain" data-consent-category="…">` and
 * `<iframe data-consent-category="…" data-src="…">`. A script runs once, when all of its categories are
 * allowed; an iframe gets its `src` then, and loses it again when a category is withdrawn.
 */
const SELECTOR = 'script[type="text/plain"][data-consent-category], iframe[data-consent-category]';

/** The categories an element needs, all of them. */
function categoriesOf(element: Element): string[] {
  return (element.getAttribute('data-consent-category') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
}

function safeFrameUrl(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value, document.baseURI);
    if (url.protocol === 'https:' || url.protocol === 'http:') return url.href;
  } catch {
    // Reported below.
  }
  warn(`a gated iframe's data-src "${value.slice(0, 80)}" is not an http(s) URL; it stays empty.`);
  return null;
}

/**
 * Runs a parser-made, inert script: the same element, its type made runnable, moved in place.
 * Its `src` and text were set by the page's own markup, so this needs no Trusted Types policy,
 * and its nonce stays with it. Resolves when the next gated script may run: at once for inline and
 * `async` scripts, after loading (or failing) for the others, so that document order holds as it would
 * have without the gate.
 */
function run(script: HTMLScriptElement, nonce: string): Promise<void> {
  return new Promise((resolve) => {
    const type = script.getAttribute('data-type');
    if (type) script.setAttribute('type', type);
    else script.removeAttribute('type');
    const blocking = script.hasAttribute('src') && !script.hasAttribute('async');
    if (blocking) {
      script.async = false;
      script.addEventListener('load', () => resolve(), { once: true });
      script.addEventListener('error', () => resolve(), { once: true });
    }
    if (!script.nonce && nonce) script.nonce = nonce;
    script.setAttribute('data-consent-state', 'run');
    const parent = script.parentNode;
    if (parent) parent.insertBefore(script, script.nextSibling);
    else resolve();
    if (!blocking) resolve();
  });
}

export class Gate {
  private readonly observer: MutationObserver;
  private allowed: (category: string) => boolean = () => false;
  /** Gated scripts run one after another, in document order. */
  private queue: Promise<void> = Promise.resolve();
  private readonly queued = new WeakSet<Element>();

  constructor(
    private readonly root: Document,
    private readonly nonce: () => string,
  ) {
    this.observer = new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node instanceof Element) this.scan(node);
        }
      }
    });
  }

  /** Starts watching the page; gated elements added later are handled too. */
  start(allowed: (category: string) => boolean): void {
    this.allowed = allowed;
    this.observer.observe(this.root, { childList: true, subtree: true });
    this.scan(this.root);
  }

  /** The allowed categories changed: run what is now allowed, unload frames that no longer are. */
  update(allowed: (category: string) => boolean): void {
    this.allowed = allowed;
    this.scan(this.root);
  }

  stop(): void {
    this.observer.disconnect();
  }

  private permitted(element: Element): boolean {
    const categories = categoriesOf(element);
    return categories.length > 0 && categories.every((category) => this.allowed(category));
  }

  private scan(root: ParentNode & Node): void {
    const found: Element[] = [];
    if (root instanceof Element && root.matches(SELECTOR)) found.push(root);
    found.push(...root.querySelectorAll(SELECTOR));
    for (const element of found) {
      if (element instanceof HTMLScriptElement) {
        if (element.type === 'text/plain' && !this.queued.has(element) && this.permitted(element)) {
          this.queued.add(element);
          this.queue = this.queue.then(() => (element.isConnected ? run(element, this.nonce()) : undefined));
        }
      } else if (element instanceof HTMLIFrameElement) {
        this.frame(element);
      }
    }
  }

  private frame(frame: HTMLIFrameElement): void {
    const loaded = frame.getAttribute('data-consent-state') === 'run';
    if (this.permitted(frame)) {
      if (loaded) return;
      const src = safeFrameUrl(frame.getAttribute('data-src'));
      if (!src) return;
      frame.setAttribute('data-consent-state', 'run');
      frame.src = src;
    } else if (loaded) {
      frame.removeAttribute('data-consent-state');
      frame.removeAttribute('src');
      frame.src = 'about:blank';
    }
  }
}
