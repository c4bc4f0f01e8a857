import { html, nothing, render, type TemplateResult } from 'lit-html';
import { ONCE } from '../consent/embeds.js';
import { buttonHover, buttonLook, dark, light } from '../cookie-consent-banner.styles.js';
import { translator, type Translate } from '../i18n/translator.js';
import { formatNames } from './banner-view.js';
import { css } from './css.js';

/** A gated embed the gate found blocked. */
export type Embed = HTMLIFrameElement | HTMLMediaElement;

/** What a placeholder shows and does, from the banner's screen at each render. */
export interface PlaceholderContext {
  language: string;
  dir: 'ltr' | 'rtl';
  theme: string;
  policyUrl: string | null;
  /** The categories the banner offers: "Always allow" only for those. */
  offered: readonly string[];
  /** "Always allow": stores the stored choice with these categories allowed too, as the banner would. */
  allow(categories: readonly string[]): void;
}

/** The placeholder's element: a styling hook for the site (`cookie-consent-placeholder::part(…)`). */
const TAG = 'cookie-consent-placeholder';

/** Its look: the banner's colours and their custom properties, light and dark, for a box of any size. */
const styles = css`
  :host {
    ${light}
    box-sizing: border-box;
  }

  :host([theme='dark']) {
    ${dark}
  }

  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${dark}
    }
  }

  .box {
    box-sizing: border-box;
    min-block-size: 100%;
    display: flex;
    flex-direction: column;
    justify-content: center;
    gap: 0.5em;
    padding: calc(var(--cc-spacing) * 0.75);
    border: 1px solid var(--cc-border);
    border-radius: var(--cc-radius);
    background: var(--cc-background);
    color: var(--cc-text);
    color-scheme: light dark;
    font-family: var(--cc-font-family);
    font-size: var(--cc-font-size);
    line-height: 1.4;
    overflow-wrap: anywhere;
    text-align: start;
  }

  p {
    margin: 0;
  }

  .title {
    font-weight: 700;
  }

  .from,
  .why,
  .note {
    color: var(--cc-muted-text);
    font-size: 0.875em;
  }

  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }

  button {
    ${buttonLook}
    padding: 0.375em 0.875em;
  }

  button:hover {
    ${buttonHover}
  }

  a {
    color: var(--cc-accent);
    align-self: start;
  }

  :focus-visible {
    outline: 3px solid var(--cc-focus-ring);
    outline-offset: 2px;
  }

  @media (forced-colors: active) {
    .box,
    button {
      border-color: CanvasText;
    }
  }
`;

let sheet: CSSStyleSheet | undefined;

/** The categories an embed needs (the gate reads them the same way). */
function categoriesOf(embed: Element): string[] {
  return (embed.getAttribute('data-consent-category') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
}

/** Who serves the embed: `data-consent-provider`, else the host of its `data-src` (without `www.`). */
function providerOf(embed: Element): string {
  const named = embed.getAttribute('data-consent-provider')?.trim();
  if (named) return named.slice(0, 80);
  try {
    return new URL(embed.getAttribute('data-src') ?? '', document.baseURI).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** A text of the locale, or `undefined` when it has none (i18next gives the key back). */
function text(t: Translate, key: string): string | undefined {
  const value = t(key);
  return value === key ? undefined : value;
}

/** A length in CSS pixels, or `undefined`. */
function pixels(value: string | null): number | undefined {
  const number = Number(value);
  return value && Number.isFinite(number) && number > 0 ? number : undefined;
}

/**
 * Gives the placeholder the embed's box, which it takes while the embed is hidden: the same width (all of its
 * container's, when the embed had that and no pixel `width`), height through the same aspect ratio, margins and, in a
 * line, its alignment. A box too small for the text grows to hold it (an inline one scrolls, so that the line does
 * not move); an audio player is always too small, so its placeholder takes the height its text needs.
 */
function takeBox(host: HTMLElement, embed: Embed): void {
  const rect = embed.getBoundingClientRect();
  const style = getComputedStyle(embed);
  const audio = embed instanceof HTMLAudioElement;
  const width = Math.round(rect.width) || pixels(embed.getAttribute('width')) || 300;
  const height = Math.round(rect.height) || pixels(embed.getAttribute('height')) || (audio ? 54 : 150);
  const inline = style.display.startsWith('inline');
  const parent = embed.parentElement;
  // `width="100%"` (a percentage is an old way to write it) or a CSS width that fills the container.
  let full = /%\s*$/.test(embed.getAttribute('width') ?? '');
  if (!full && parent && !embed.hasAttribute('width') && rect.width > 0) {
    const p = getComputedStyle(parent);
    full = rect.width >= parent.clientWidth - parseFloat(p.paddingLeft) - parseFloat(p.paddingRight) - 1;
  }
  const box = host.style;
  box.display = inline ? 'inline-block' : 'grid';
  box.width = full ? '100%' : `${width}px`;
  box.maxWidth = '100%';
  if (audio) box.minHeight = `${height}px`;
  else box.aspectRatio = `${width} / ${height}`;
  if (inline) {
    box.verticalAlign = style.verticalAlign;
    box.overflow = 'auto';
  }
  for (const side of ['top', 'right', 'bottom', 'left']) {
    box.setProperty(`margin-${side}`, style.getPropertyValue(`margin-${side}`));
  }
}

interface Placeholder {
  host: HTMLElement;
  root: ShadowRoot;
  /** The embed's own inline `display`, given back when it loads. */
  display: [value: string, priority: string];
}

/**
 * The placeholders of blocked embeds: what is blocked, from whom, which category it needs and why, the policy,
 * and two buttons, "Load this once" (this embed, now; nothing stored, no consent) and "Always allow" (the
 * category, stored as the banner would: every embed of it loads). Each sits where its embed was, in the
 * embed's box, while the embed is hidden; it goes when the gate loads the embed (its `data-consent-state`) or the
 * embed leaves the page, and the gate hands the embed back when a withdrawal blocks it again.
 */
export class Placeholders {
  private readonly shown = new Map<Embed, Placeholder>();
  private readonly observer = new MutationObserver(() => this.tidy());
  private context: PlaceholderContext | undefined;

  /** @param changed - a placeholder came or went: the screen renders (and loads its language) */
  constructor(private readonly changed: () => void) {}

  /** How many placeholders show. */
  get size(): number {
    return this.shown.size;
  }

  /** The gate found this embed blocked: its placeholder shows, if it does not already. */
  blocked(embed: Embed): void {
    if (this.shown.has(embed) || !embed.isConnected || embed.hasAttribute('data-consent-state')) return;
    if (!customElements.get(TAG)) customElements.define(TAG, class extends HTMLElement {});
    const host = document.createElement(TAG);
    const root = host.attachShadow({ mode: 'open' });
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(styles);
    }
    root.adoptedStyleSheets = [sheet];
    takeBox(host, embed);
    const { style } = embed;
    const display: Placeholder['display'] = [style.getPropertyValue('display'), style.getPropertyPriority('display')];
    style.setProperty('display', 'none', 'important');
    embed.before(host);
    this.shown.set(embed, { host, root, display });
    if (this.shown.size === 1) this.observer.observe(document, { childList: true, subtree: true });
    this.observer.observe(embed, { attributes: true, attributeFilter: ['data-consent-state'] });
    if (this.context) this.paint(embed, this.context);
    this.changed();
  }

  /** Renders every placeholder in the screen's language and theme. */
  render(context: PlaceholderContext): void {
    this.context = context;
    for (const embed of this.shown.keys()) this.paint(embed, context);
  }

  /** Every placeholder goes; the embeds stay unloaded (the banner let go of the page). */
  clear(): void {
    for (const embed of [...this.shown.keys()]) this.remove(embed);
    this.observer.disconnect();
  }

  /**
   * After any change to the page: placeholders whose embed loaded or left the page go (focus in one moves to its
   * embed), and the others stay right before their embed.
   */
  private tidy(): void {
    for (const [embed, placeholder] of [...this.shown]) {
      if (embed.isConnected && !embed.hasAttribute('data-consent-state')) {
        // The page moved the embed, or took the placeholder out: it goes back right before the embed.
        if (placeholder.host.nextSibling !== embed) embed.before(placeholder.host);
        continue;
      }
      const focused = placeholder.root.activeElement != null;
      this.remove(embed);
      if (focused && embed.isConnected) {
        embed.focus({ preventScroll: true });
        if (document.activeElement !== embed) {
          embed.tabIndex = -1;
          embed.focus({ preventScroll: true });
        }
      }
    }
    if (this.shown.size === 0) this.observer.disconnect();
  }

  private remove(embed: Embed): void {
    const placeholder = this.shown.get(embed);
    if (!placeholder) return;
    this.shown.delete(embed);
    placeholder.host.remove();
    const [value, priority] = placeholder.display;
    embed.style.removeProperty('display');
    if (value) embed.style.setProperty('display', value, priority);
  }

  private paint(embed: Embed, context: PlaceholderContext): void {
    const placeholder = this.shown.get(embed);
    if (!placeholder) return;
    placeholder.host.setAttribute('theme', context.theme);
    render(template(embed, context), placeholder.root);
  }
}

/** A placeholder's content: named by the embed's title (else its provider), in the banner's language. */
function template(embed: Embed, c: PlaceholderContext): TemplateResult {
  const t = translator(c.language);
  const needed = categoriesOf(embed);
  const names = needed.map((id) => text(t, `categories.${id}.name`) ?? id);
  const categories = formatNames(names, c.language);
  const why = needed.map((id) => text(t, `categories.${id}.description`)).filter(Boolean);
  const provider = providerOf(embed);
  const from = provider ? t('embed.from', { provider }) : '';
  const title = (embed.getAttribute('title') ?? embed.getAttribute('aria-label') ?? '').trim().slice(0, 120);
  const allowable = needed.length > 0 && needed.every((id) => c.offered.includes(id));
  return html`<div
    part="placeholder"
    class="box"
    role="group"
    aria-labelledby=${title || from ? 'title' : 'blocked'}
    lang=${c.language}
    dir=${c.dir}
  >
    ${title || from ? html`<p part="placeholder-title" class="title" id="title">${title || from}</p>` : nothing}
    ${title && from ? html`<p part="placeholder-provider" class="from">${from}</p>` : nothing}
    <p part="placeholder-text" id="blocked">${t('embed.blocked', { categories })}</p>
    ${why.length > 0 ? html`<p part="placeholder-why" class="why">${why.join(' ')}</p>` : nothing}
    <div class="buttons">
      <button
        part="placeholder-button placeholder-once"
        type="button"
        aria-describedby="note"
        @click=${() => embed.setAttribute(ONCE, '')}
      >
        ${t('embed.loadOnce')}
      </button>
      ${
        allowable
          ? html`<button part="placeholder-button placeholder-allow" type="button" @click=${() => c.allow(needed)}>
              ${t('embed.allowAlways', { categories })}
            </button>`
          : nothing
      }
    </div>
    <p part="placeholder-note" class="note" id="note">${t('embed.onceNote')}</p>
    ${c.policyUrl ? html`<a part="placeholder-link" href=${c.policyUrl}>${t('banner.policyLink')}</a>` : nothing}
  </div>`;
}
