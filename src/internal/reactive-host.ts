/**
 * The element's base: an `HTMLElement` with declared properties and their attributes, a batched update a
 * microtask after a change, and lit's `ReactiveControllerHost` protocol, so lit's controllers and templates work
 * with it. It is what the element needs of lit's `ReactiveElement` in 1 KB instead of 3: a returning visit loads
 * the element and nothing else, so everything here ships on every page view. (The README's "Performance" gives the
 * measured cost of either.)
 */
import { report } from './warn.js';

/** How a property maps to its attribute: lit's `@property` options, as far as the element uses them. */
export interface PropertyOptions {
  /** The attribute's name (default: the property's name, lowercased); `false`: none, set as a property only. */
  readonly attribute?: string | false;
  /** How the attribute reads: text (default), present-or-not (`Boolean`), or a number (`Number`). */
  readonly type?: typeof Boolean | typeof Number;
  /** The attribute follows the property. */
  readonly reflect?: boolean;
  /** A text property that also takes an object, kept as it is (its attribute is JSON, parsed where it is read). */
  readonly object?: boolean;
}

/** The controller protocol of lit (`ReactiveController`), which the view's controllers follow. */
export interface HostController {
  hostConnected?(): void;
  hostDisconnected?(): void;
  hostUpdate?(): void;
  hostUpdated?(): void;
}

/** The changed properties of one update and their values before it. */
export type Changes = ReadonlyMap<string, unknown>;

function fromAttribute(value: string | null, type: PropertyOptions['type']): unknown {
  if (type === Boolean) return value !== null;
  if (type === Number) return value === null ? null : Number(value);
  return value;
}

/**
 * What a text property holds when a framework or a script sets it to something else: a number as its digits, a list
 * as its items space-separated (`categories`, `languages`), and anything else nothing (its default), with a warning.
 * So every setting reads as its attribute would, and a value of the wrong type never reaches the code that reads it.
 */
function asText(name: string, value: unknown): unknown {
  if (value == null || typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number')) {
    return value.join(' ');
  }
  report('notText', name, typeof value);
  return null;
}

/** Declares a property with its attribute, as lit's `@property` does. */
export function property(options: PropertyOptions = {}) {
  return (prototype: ReactiveHost, name: string): void => {
    (prototype.constructor as typeof ReactiveHost).createProperty(name, options);
  };
}

/**
 * `HTMLElement`, or a stand-in where there is none (a server rendering the page: Next.js, Vite SSR), so that
 * importing the element there never throws. Nothing is defined or rendered on a server.
 */
const HostElement = (globalThis.HTMLElement ?? Object) as typeof HTMLElement;

export abstract class ReactiveHost extends HostElement {
  private static declared: Map<string, PropertyOptions & { attribute: string | false }> | undefined;
  private static attributeNames: Map<string, string> | undefined;

  /** Defines a declared property's accessor on the prototype. */
  static createProperty(name: string, options: PropertyOptions): void {
    // Each class has its own maps (a subclass starts from its parent's).
    const declared = Object.hasOwn(this, 'declared') && this.declared ? this.declared : new Map(this.declared);
    const attributeNames =
      Object.hasOwn(this, 'attributeNames') && this.attributeNames ? this.attributeNames : new Map(this.attributeNames);
    this.declared = declared;
    this.attributeNames = attributeNames;
    const attribute = options.attribute ?? name.toLowerCase();
    declared.set(name, { ...options, attribute });
    if (attribute) attributeNames.set(attribute, name);
    const text = attribute !== false && !options.type && !options.object;
    Object.defineProperty(this.prototype, name, {
      get(this: ReactiveHost) {
        return this.values.get(name);
      },
      set(this: ReactiveHost, given: unknown) {
        const value = text ? asText(name, given) : given;
        const old = this.values.get(name);
        this.values.set(name, value);
        if (old !== value && !(old !== old && value !== value)) this.requestUpdate(name, old);
      },
      configurable: true,
      enumerable: true,
    });
  }

  static get observedAttributes(): string[] {
    return [...(this.attributeNames?.keys() ?? [])];
  }

  /** The shadow root the view renders into. */
  readonly renderRoot: ShadowRoot;
  /** Whether the first update has run. */
  hasUpdated = false;
  private readonly values = new Map<string, unknown>();
  private readonly saved = new Map<string, unknown>();
  private changes = new Map<string, unknown>();
  private readonly controllers = new Set<HostController>();
  private pending = false;
  private connected = false;
  /** The attribute being written from its property: not read back. */
  private reflecting: string | undefined;
  private done: Promise<boolean> = Promise.resolve(true);
  private resolveDone: ((value: boolean) => void) | undefined;

  constructor() {
    super();
    this.renderRoot = this.attachShadow({ mode: 'open' });
    const own = this as unknown as Record<string, unknown>;
    // A value set on the element before its definition loaded (a framework, a page script) counts, over the default.
    for (const name of (this.constructor as typeof ReactiveHost).declared?.keys() ?? []) {
      if (!Object.hasOwn(this, name)) continue;
      this.saved.set(name, own[name]);
      Reflect.deleteProperty(own, name);
    }
  }

  /** Applies the values set before the definition loaded (once: the class's own defaults are set by then). */
  protected restoreSaved(): void {
    if (this.saved.size === 0) return;
    const own = this as unknown as Record<string, unknown>;
    for (const [name, value] of this.saved) own[name] = value;
    this.saved.clear();
  }

  addController(controller: HostController): void {
    this.controllers.add(controller);
    if (this.connected) controller.hostConnected?.();
  }

  removeController(controller: HostController): void {
    this.controllers.delete(controller);
  }

  connectedCallback(): void {
    this.connected = true;
    for (const controller of this.controllers) controller.hostConnected?.();
    this.enqueue();
  }

  disconnectedCallback(): void {
    this.connected = false;
    for (const controller of this.controllers) controller.hostDisconnected?.();
  }

  attributeChangedCallback(attribute: string, old: string | null, value: string | null): void {
    const host = this.constructor as typeof ReactiveHost;
    const name = host.attributeNames?.get(attribute);
    if (!name || old === value || this.reflecting === attribute) return;
    (this as unknown as Record<string, unknown>)[name] = fromAttribute(value, host.declared?.get(name)?.type);
  }

  /** Notes a change (or asks for an update with none) and updates a microtask later, once for all changes. */
  requestUpdate(name?: string, old?: unknown): void {
    if (name !== undefined && !this.changes.has(name)) this.changes.set(name, old);
    this.enqueue();
  }

  /** Resolves once the element has updated (and any update asked for during it). */
  get updateComplete(): Promise<boolean> {
    return this.done;
  }

  private enqueue(): void {
    if (this.pending || !this.connected) return;
    this.pending = true;
    if (!this.resolveDone) {
      this.done = new Promise((resolve) => {
        this.resolveDone = resolve;
      });
    }
    // A promise job, as lit's ReactiveElement schedules its update.
    void Promise.resolve().then(() => {
      this.restoreSaved();
      this.scheduleUpdate();
    });
  }

  /** Runs the update; a subclass may do something first. */
  protected scheduleUpdate(): void {
    this.performUpdate();
  }

  protected performUpdate(): void {
    if (!this.pending) return;
    const changes = this.changes;
    try {
      try {
        for (const controller of this.controllers) controller.hostUpdate?.();
        // Still pending: what changes here joins this update.
        this.willUpdate(changes);
      } finally {
        this.changes = new Map();
        this.pending = false;
      }
      this.reflect(changes);
      this.update(changes);
      this.hasUpdated = true;
      for (const controller of this.controllers) controller.hostUpdated?.();
      this.updated(changes);
    } finally {
      if (!this.pending) {
        const resolve = this.resolveDone;
        this.resolveDone = undefined;
        resolve?.(true);
      }
    }
  }

  private reflect(changes: Changes): void {
    const { declared } = this.constructor as typeof ReactiveHost;
    for (const name of changes.keys()) {
      const declaration = declared?.get(name);
      if (!declaration?.reflect || !declaration.attribute) continue;
      const value = (this as unknown as Record<string, unknown>)[name];
      this.reflecting = declaration.attribute;
      if (declaration.type === Boolean) this.toggleAttribute(declaration.attribute, Boolean(value));
      else if (value == null) this.removeAttribute(declaration.attribute);
      else this.setAttribute(declaration.attribute, String(value));
      this.reflecting = undefined;
    }
  }

  /** Before the update: derived state; changes made here join this update. */
  protected willUpdate(_changes: Changes): void {}

  /** Renders. */
  protected update(_changes: Changes): void {}

  /** After the update: effects. */
  protected updated(_changes: Changes): void {}
}
