import { NECESSARY } from './categories.js';
import type { GtagWindow } from './consent-mode.js';
import type { CookieTable } from './cookie-table.js';
import { acceptAllAllowed, gpcDowngrade, gpcHonoured, type GpcNavigator } from './gpc.js';
import { changedCategories, createConsent, type Consent, type DecodeResult } from './record.js';
import type { SignalSettings } from './page-signals.js';
import type { VendorWindow } from './signals.js';
import { rawValues, readStored, removeCookies, type CookieSettings, type PageLocation } from './store.js';
import { report } from '../internal/warn.js';

export type { GoogleOptions } from './page-signals.js';

/**
 * What caused a change of the stored choice: `banner`, `preferences` or `placeholder` (the visitor: a blocked
 * embed's "Always allow"), `api` (the page's script
 * or attributes), `sync` (a choice made in another window, seen when this one looked again). The public name is
 * `ConsentSource` (src/events.ts).
 */
export type ChangeSource = 'banner' | 'preferences' | 'placeholder' | 'api' | 'sync';

/**
 * A change of the choice in effect: the detail of `consent-change`, fired after the cookie is written (or
 * removed), whatever caused it. The public name is `ConsentChangeDetail` (src/events.ts).
 */
export interface ConsentChange {
  /** The choice now stored, or `null` after `reset()`. */
  readonly consent: Consent | null;
  /** The choice stored before, or `null`. */
  readonly previous: Consent | null;
  /** The category ids whose state changed. */
  readonly changed: readonly string[];
  /** The category ids that were allowed and no longer are (their listed cookies have been deleted). */
  readonly withdrawn: readonly string[];
  /** What caused the change. */
  readonly source: ChangeSource;
}

/**
 * The site's settings, validated, read when they are needed (each is a function: a setting may change at any
 * time, and a bad value warns when it is first used, as it always has).
 */
export interface SessionSettings extends SignalSettings {
  cookie(): CookieSettings;
  revision(): string;
  /** Whether the browser's Global Privacy Control signal is honoured (`no-gpc` is not set). */
  honourGpc(): boolean;
  /** How long a refusal of every optional category holds, in days (`refusal-expires`). */
  refusalExpires(): number;
  /** Where receipts go (`receipt-url`, validated), or `null`: no receipts. */
  receiptUrl(): string | null;
  /** The site's cookies per category (`cookies`, validated). */
  cookieTable(): CookieTable;
  /** Whether to reload after the visitor withdraws a category (`reload-on-withdraw`). */
  reloadOnWithdraw(): boolean;
}

/** The part of a `BroadcastChannel` the session uses. */
export interface Channel {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(message: unknown): void;
  close(): void;
}

/** The page the session runs in. In the browser: `location`, `navigator`, `window`, `Date.now`, … */
export interface SessionEnvironment {
  /** The page's location, live (an SPA may change its path). */
  readonly location: PageLocation & { readonly origin: string };
  readonly navigator: GpcNavigator;
  /** Where Google's tags look for `dataLayer` and `gtag`, and the other vendors for their queues. */
  readonly window: GtagWindow & VendorWindow;
  now(): number;
  /** Runs a task just after the next frame is painted. */
  afterNextPaint(task: () => void): void;
  /** Runs a task at the page's `load`, if it has not come yet. */
  onLoad?(task: () => void): void;
  /** How the site's windows tell each other that the choice changed; none: they do not. */
  readonly BroadcastChannel?: (new (name: string) => Channel) | undefined;
  reload(): void;
}

/**
 * What tells the page's vendors of the choice in effect (`PageSignals`, src/consent/page-signals.ts): Consent
 * Mode's default once per page and its update after each change, and the other vendors' signals.
 */
export interface SignalsLike {
  /** Each enabled signal's default, once per page; `late` when gated tags could already run (it warns). */
  pushDefault(allowed: (category: string) => boolean, late: boolean): void;
  /** After a change: `categories`, the choice's; `withdrawn`, the categories allowed before and no longer. */
  update(
    allowed: (category: string) => boolean,
    categories: Readonly<Record<string, boolean>> | undefined,
    withdrawn: readonly string[],
  ): void;
  /** Delivers calls that waited for a vendor's function. */
  flush(): void;
}

/** What runs gated tags (`Gate` in the browser). */
export interface GateLike {
  /** Called after each gated script has run. */
  onRun?: (() => void) | undefined;
  start(allowed: (category: string) => boolean): void;
  update(allowed: (category: string) => boolean): void;
  stop(): void;
}

/** What the session tells, and asks, the element that hosts it. */
export interface SessionHost {
  /** The choice in effect changed and the cookie was stored (or removed): `consent-change`. */
  changed(change: ConsentChange): void;
  /** The browser did not keep the cookie: `consent-error`. */
  error(code: 'cookie-not-stored', message: string): void;
  /** The language a new choice is made in: the one the notice is shown in. */
  language(): string;
  /** The language the visitor picked for the banner, stored with the choice as `ui`, if any. */
  picked(): string | undefined;
  /** The session has a choice to store and no writer yet: load one and `attach` it. */
  needsWriter(): void;
  /**
   * After reading the choice again: `true` when the visitor must be asked (no valid choice, or a category they
   * were never asked about), `false` when a choice made in another window answered them.
   */
  ask(needed: boolean): void;
}

/**
 * What stores choices (`ConsentWriter`, src/consent/writer.ts): new ones, resets and the picked language go to it
 * directly; the session only hands it a stored choice it narrowed under Global Privacy Control. It is not part of
 * the session's own module: a returning visit reads and never writes, so the writer (js-cookie, the record's
 * encoding, receipts, the choosing itself) loads with the UI chunk, when a choice is made or a narrowing stored.
 */
export interface SessionWriter {
  /** Stores a choice the session already put in effect (narrowed by GPC on load), with its receipt. */
  persist(consent: Consent): void;
}

export interface SessionOptions {
  settings: SessionSettings;
  environment: SessionEnvironment;
  /** Makes the gate when the session starts. */
  gate: () => GateLike;
  /** What the page's vendors hear: one per page's owner. */
  signals: SignalsLike;
  host: SessionHost;
}

/** The channel on which the site's windows tell each other that the stored choice changed. */
export const CHANNEL = 'cookie-consent-banner';

/**
 * The page's consent session: reads the stored choice (settling duplicate cookies), follows choices made in the
 * site's other windows, honours Global Privacy Control, and runs the effects of each change: Google Consent Mode,
 * the gate and the clean-up after a withdrawal. New choices, resets and the picked language go through its writer
 * (`ConsentWriter`, attached when the UI chunk loads), which stores the cookie and sends the receipt. It knows no
 * screen: its host shows the banner and dispatches the events.
 */
export class ConsentSession {
  private _consent: Consent | null = null;
  private started = false;
  /** `settingsKey()` as it was when the stored choice was last read. */
  private readKey = '';
  private channel: Channel | undefined;
  private gate: GateLike | undefined;
  private writer: SessionWriter | undefined;
  /** A choice put in effect before a writer was attached, to store once one is. */
  private unsaved: Consent | undefined;
  /** The site's settings, read when needed. */
  readonly settings: SessionSettings;
  /** The page the session runs in. */
  readonly env: SessionEnvironment;
  private readonly makeGate: () => GateLike;
  /** The element that hosts the session. */
  readonly host: SessionHost;
  /** Consent Mode and the other vendors' signals. */
  private readonly signals: SignalsLike;

  constructor(options: SessionOptions) {
    this.settings = options.settings;
    this.env = options.environment;
    this.makeGate = options.gate;
    this.host = options.host;
    this.signals = options.signals;
  }

  /** The choice in effect, or `null` when there is none. */
  get consent(): Consent | null {
    return this._consent;
  }

  /** `has`, bound: what the gate and the signals ask. */
  private readonly allowed = (category: string): boolean => this.has(category);

  /** Whether a category is allowed now. `necessary` always is; nothing else is before a choice. */
  has(category: string): boolean {
    if (category === NECESSARY) return true;
    const categories = this._consent?.categories;
    return categories !== undefined && Object.hasOwn(categories, category) && categories[category] === true;
  }

  /** Whether the browser's Global Privacy Control signal is on and honoured. */
  gpc(): boolean {
    return gpcHonoured(this.settings.honourGpc(), this.env.navigator);
  }

  /** The offered categories that mean sale or sharing. */
  saleOrShare(): readonly string[] {
    return this.settings.saleOrShare();
  }

  /** What "Accept all" allows now (see `acceptAllAllowed`). */
  acceptAllowed(): (id: string) => boolean {
    return acceptAllAllowed(this.gpc(), this.saleOrShare(), this._consent);
  }

  /** Takes another session's choice as this one's, with no effects: a second banner mirrors the page's owner. */
  mirror(consent: Consent | null): void {
    this._consent = consent;
  }

  /**
   * The raw values of the cookies of the configured name, valid or not (`null`: cookies are off limits), read into
   * nothing: whether there is anything to read at all. `read` takes them, in the same task, instead of reading
   * `document.cookie` again.
   */
  peek(): string[] | null {
    return rawValues(this.settings.cookie().name);
  }

  /**
   * Reads the stored choice; see `readStored` for duplicates of the cookie (the one at the configured scope
   * wins; exactly one is left) and for `settle`; `seen`, what `peek` gave a moment ago. Remembers the settings it
   * was read with.
   */
  read(settle = true, seen?: string[] | null): DecodeResult {
    const { settings, env } = this;
    this.readKey = this.settingsKey();
    const cookie = settings.cookie();
    const stored = readStored(
      cookie,
      {
        revision: settings.revision(),
        offered: settings.offered(),
        maxAgeDays: cookie.expires,
        refusalMaxAgeDays: settings.refusalExpires(),
        now: env.now(),
      },
      env.location,
      settle,
      seen === undefined ? rawValues(cookie.name) : seen,
    );
    this._consent = stored.consent;
    return stored;
  }

  /**
   * Takes charge of the page, after `read()`: listens to the site's other windows, downgrades a stored choice
   * made before Global Privacy Control, deletes the listed cookies of categories not allowed, pushes the
   * Consent Mode default and starts the gate.
   */
  start(): void {
    this.started = true;
    this.channel = this.openChannel();
    this.honourGpc();
    this.sweep();
    this.signals.pushDefault(this.allowed, false);
    const flush = (): void => this.signals.flush();
    this.env.onLoad?.(flush);
    this.gate = this.makeGate();
    this.gate.onRun = flush;
    this.gate.start(this.allowed);
  }

  /**
   * The channel to the site's other windows, or none. Firefox refuses one (`SecurityError`) where the visitor
   * blocks cookies, and in some frames: the banner then works as without a channel (the other windows read the
   * choice when shown or focused), and says so once.
   */
  private openChannel(): Channel | undefined {
    const Broadcast = this.env.BroadcastChannel;
    if (!Broadcast) return undefined;
    let channel: Channel;
    try {
      channel = new Broadcast(CHANNEL);
    } catch (error) {
      report('noChannel', String(error));
      return undefined;
    }
    channel.onmessage = (event: MessageEvent) => {
      if (event.data === this.settings.cookie().name) this.reread('sync');
    };
    return channel;
  }

  /** Lets go of the page: no more channel, and the gate stops. The choice stays readable. */
  stop(): void {
    this.started = false;
    this.channel?.close();
    this.channel = undefined;
    this.gate?.stop();
    this.gate = undefined;
  }

  /**
   * After the site's settings may have changed: reads the choice again if what decides a valid choice changed
   * (revision, categories, cookie or GPC settings), and pushes a late Consent Mode default (with a warning) if
   * `consent-mode` was turned on only now.
   */
  refresh(): void {
    if (!this.started) return;
    if (this.settingsKey() !== this.readKey) this.reread('api');
    this.signals.pushDefault(this.allowed, true);
  }

  /**
   * Reads the stored choice again: the site changed what a valid choice is, another window stored a choice,
   * or this window is about to write. If the choice in effect changed, the host is told; then (unless `ask` is
   * false: the caller is about to write, and decides what shows) it hears whether the visitor must be asked.
   * Only while started.
   */
  reread(source: ChangeSource, ask = true): void {
    if (!this.started) return;
    const previous = this._consent;
    // A look for another window's change (and the look before each write) does not rewrite a lone cookie: the
    // load settled it, and a write settles by itself. A changed setting may have moved it, so that one does.
    const stored = this.read(source !== 'sync');
    this.honourGpc();
    const consent = this._consent;
    const same = consent?.id === previous?.id && JSON.stringify(consent) === JSON.stringify(previous);
    // Only a withdrawal seen from another window reloads; a changed setting never does, so no reload can loop.
    if (!same) this.afterChange(previous, consent, source, source === 'sync');
    if (!ask) return;
    if (stored.consent === null || !stored.complete || consent === null) this.host.ask(true);
    else if (source === 'sync' && !same) this.host.ask(false);
  }

  /** Attaches the writer, and stores what waited for it. */
  attach(writer: SessionWriter): void {
    this.writer = writer;
    const unsaved = this.unsaved;
    this.unsaved = undefined;
    if (unsaved && unsaved === this._consent) writer.persist(unsaved);
  }

  /**
   * Puts a choice in effect before its commit (`has`, `consent`): a deferred one, written at once and committed after
   * the next paint. Nothing runs and nothing is told.
   */
  hold(consent: Consent): void {
    this._consent = consent;
  }

  /**
   * Puts a choice in effect (the writer has stored it, or `stored` is false: it holds for this page only) and
   * runs the effects of the change at once.
   */
  commit(previous: Consent | null, consent: Consent | null, source: ChangeSource, stored = true): void {
    this._consent = consent;
    this.afterChange(previous, consent, source, true, stored);
  }

  /**
   * What decides which stored choice is valid: revision, offered categories, cookie settings and the GPC
   * settings. When it differs from the one the choice was last read with, the cookie is read again.
   */
  private settingsKey(): string {
    const { settings } = this;
    const cookie = settings.cookie();
    return JSON.stringify([
      settings.revision(),
      settings.offered(),
      cookie.name,
      cookie.path,
      cookie.domain,
      cookie.expires,
      settings.refusalExpires(),
      this.gpc(),
      this.saleOrShare(),
    ]);
  }

  /**
   * A choice stored before the browser sent Global Privacy Control may allow sale or sharing: the signal is an
   * opt-out, so those categories are turned off (stored, method `gpc`) before anything runs.
   */
  private honourGpc(): void {
    const stored = this._consent;
    if (!stored) return;
    const off = new Set(gpcDowngrade(stored, this.gpc(), this.saleOrShare()));
    if (off.size === 0) return;
    const { settings, env } = this;
    const receipts = settings.receiptUrl();
    const consent = createConsent({
      offered: settings.offered(),
      allowed: (id) => Object.hasOwn(stored.categories, id) && stored.categories[id] === true && !off.has(id),
      revision: stored.revision,
      language: stored.language,
      method: 'gpc',
      gpc: true,
      now: env.now(),
      receipts: receipts !== null,
    });
    // In effect at once (nothing runs under the old choice); stored by the writer, loaded for it if need be.
    this._consent = consent;
    if (this.writer) this.writer.persist(consent);
    else {
      this.unsaved = consent;
      this.host.needsWriter();
    }
  }

  /** Tells the site's other windows that the stored choice changed, so they read it again at once. */
  broadcast(): void {
    this.channel?.postMessage(this.settings.cookie().name);
  }

  /**
   * Deletes the listed cookies of every category that is not allowed now: on each load, not only on withdrawal,
   * and when the site's cookie table arrives. Only while started.
   */
  sweep(): void {
    if (!this.started) return;
    const table = this.settings.cookieTable();
    const names = Object.keys(table)
      .filter((id) => !this.has(id))
      .flatMap((id) => (table[id] ?? []).map((entry) => entry.name));
    removeCookies(names, this.env.location);
  }

  /**
   * After the choice in effect changed: tell Google's tags, run what is now allowed, delete the cookies of
   * categories not allowed, tell the host (only when the cookie was stored), and reload if the site asked for
   * it on withdrawal and the change came from the visitor.
   */
  private afterChange(
    previous: Consent | null,
    consent: Consent | null,
    source: ChangeSource,
    byVisitor: boolean,
    stored = true,
  ): void {
    const changed = changedCategories(previous, consent);
    const withdrawn = changed.filter((id) => previous?.categories[id] === true);
    const { settings, env } = this;
    this.signals.update(this.allowed, this._consent?.categories, withdrawn);
    this.gate?.update(this.allowed);
    this.sweep();
    if (!stored) return;
    this.host.changed({ consent, previous, changed, withdrawn, source });
    if (withdrawn.length > 0 && settings.reloadOnWithdraw() && byVisitor) env.reload();
  }
}
