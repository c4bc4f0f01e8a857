import { css } from './view/css.js';

/**
 * The light theme's colours and the sizes of text, corners and spacing: the defaults of the banner and of the
 * placeholders of blocked embeds (src/view/placeholders.ts), which a site's values set on either element win over.
 */
export const light = css`
  --cc-background: #ffffff;
  --cc-text: #1d2129;
  --cc-muted-text: #4a5260;
  --cc-accent: #1f4fbf;
  --cc-button-background: #1d2129;
  --cc-button-text: #ffffff;
  --cc-button-hover-background: #3a4252;
  --cc-focus-ring: #1f4fbf;
  --cc-border: #767f8f;
  --cc-font-family: inherit;
  /* The text size where the element sits, never below the visitor's default: a root shrunk to 62.5 % stays readable. */
  --cc-font-size: max(1rem, 1em);
  --cc-radius: 0.5rem;
  --cc-spacing: 1rem;
`;

/** The dark theme's colours: for `theme="dark"`, and for `auto` under a dark colour scheme. */
export const dark = css`
  --cc-background: #1b1e24;
  --cc-text: #f1f3f5;
  --cc-muted-text: #c3c8d1;
  --cc-accent: #8ab4ff;
  --cc-button-background: #f1f3f5;
  --cc-button-text: #1b1e24;
  --cc-button-hover-background: #cfd5de;
  --cc-switch-off: #9aa3b2;
  --cc-switch-on: #8ab4ff;
  --cc-focus-ring: #8ab4ff;
  --cc-border: #8d96a7;
  --cc-shadow: 0 0.25rem 1.5rem rgb(0 0 0 / 0.6);
`;

/**
 * The banner's look. Loaded with the view, only when the banner, preferences or launcher show.
 * Colours are custom properties with light defaults on :host, dark ones under `theme="dark"` or, with
 * `theme="auto"` (the default), the visitor's dark colour scheme. A site's own values, set on the element,
 * win over both. Layout uses logical properties only, so right-to-left needs no second stylesheet.
 *
 * On a phone (issue "Real sites", point 6) the whole first layer fits without scrolling inside the banner at
 * 320×640, 360×640 and 375×667 in Turkish and German, and at least a quarter of the page stays visible above it:
 * the banner may take 3/4 of a narrow viewport (half elsewhere); the language picker and the X share the heading's
 * row, the picker only as wide as the chosen language's name (`field-sizing`, where supported; elsewhere they
 * wrap below a heading that leaves no room); spacing is tighter and the buttons' inline padding smaller in a
 * narrow banner (a container query), so two buttons with one-line labels fit a row, all three alike.
 * Bold text is `bold` (700), not a semi-bold 600: every page already uses bold (the browser's own style for headings,
 * `strong` and `b`), so the banner's first frame finds that face loaded, where a weight the page does not use makes
 * the browser look up and load another face (on Linux: a font-matching request to the browser process and the font
 * file mapped again, 2-4 ms of the banner's first style and layout at 4x throttling, traced).
 * The long explanations live here, not in the CSS, because comments in `css` ship to every visitor.
 */
/**
 * The look of every button: the banner's and the dialog's, and the placeholders' of blocked embeds. All are equal
 * (none more prominent than another), in the site's colours.
 */
export const buttonLook = css`
  min-block-size: 44px;
  border: 2px solid var(--cc-button-background);
  border-radius: var(--cc-radius);
  background: var(--cc-button-background);
  color: var(--cc-button-text);
  font: inherit;
  font-weight: bold;
  cursor: pointer;
`;

/** A hovered button. */
export const buttonHover = css`
  background: var(--cc-button-hover-background);
  border-color: var(--cc-button-hover-background);
`;

export const bannerStyles = css`
  :host {
    ${light}
    --cc-switch-off: #6b7280;
    --cc-switch-on: #1f4fbf;
    --cc-max-width: 70rem;
    --cc-box-width: 26rem;
    --cc-offset: 1rem;
    --cc-shadow: 0 0.25rem 1.5rem rgb(0 0 0 / 0.18);
    --cc-z-index: 2147483000;
  }

  :host([theme='dark']) {
    ${dark}
  }

  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${dark}
    }
  }

  [hidden] {
    display: none !important;
  }

  .banner,
  dialog,
  .launcher {
    box-sizing: border-box;
    font-family: var(--cc-font-family);
    font-size: var(--cc-font-size);
    line-height: 1.5;
    color: var(--cc-text);
    background: var(--cc-background);
    color-scheme: light dark;
  }

  .banner *,
  dialog * {
    box-sizing: border-box;
  }

  /* The first layer: fixed over the page (no layout shift), never taller than the viewport. */
  .banner {
    position: fixed;
    z-index: var(--cc-z-index);
    display: flex;
    flex-direction: column;
    /* At most half the viewport (3/4 on a phone), never less than 20rem nor more than all: text scrolls inside. */
    --share: 50dvh;
    max-block-size: min(100dvh, max(var(--share), 20rem));
    border: 0 solid var(--cc-border);
    box-shadow: var(--cc-shadow);
    container-type: inline-size;
  }

  @media (max-width: 40rem) {
    .banner {
      --share: 75dvh;
    }
  }

  .banner.bottom,
  .banner.top {
    inset-inline: 0;
  }

  .banner.bottom {
    inset-block-end: 0;
    border-block-start-width: 1px;
  }

  .banner.top {
    inset-block-start: 0;
    border-block-end-width: 1px;
  }

  .banner.bottom-start,
  .banner.bottom-end,
  .banner.center {
    inline-size: min(var(--cc-box-width), calc(100vw - 2 * var(--cc-offset)));
    max-block-size: min(calc(100dvh - 2 * var(--cc-offset)), max(var(--share), 20rem));
    border-width: 1px;
    border-radius: var(--cc-radius);
  }

  .banner.bottom-start,
  .banner.bottom-end {
    inset-block-end: var(--cc-offset);
  }

  .banner.bottom-start {
    inset-inline-start: var(--cc-offset);
  }

  .banner.bottom-end {
    inset-inline-end: var(--cc-offset);
  }

  /* A box in the middle, not a modal: the page around it stays usable. */
  .banner.center {
    inset: 0;
    margin: auto;
    block-size: fit-content;
    inline-size: min(calc(var(--cc-box-width) * 1.4), calc(100vw - 2 * var(--cc-offset)));
  }

  .inner {
    display: flex;
    flex-direction: column;
    gap: calc(var(--cc-spacing) * 0.75);
    min-block-size: 0;
    inline-size: 100%;
    max-inline-size: var(--cc-max-width);
    margin-inline: auto;
    padding: var(--cc-spacing);
  }

  /* The text scrolls inside the banner when it must; the heading and the buttons stay in view. */
  .body {
    display: grid;
    gap: 0.5em;
    min-block-size: 3em;
    overflow: auto;
    overscroll-behavior: contain;
  }

  dialog .body {
    gap: 0.75rem;
    flex: 0 1 auto;
  }

  .summary {
    flex: none;
  }

  /* Heading, then picker and X; beside a long heading picker and X wrap together, keeping the DOM order. */
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem var(--cc-spacing);
  }

  .tools {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    margin-inline-start: auto;
  }

  h2 {
    overflow-wrap: anywhere;
    hyphens: auto;
  }

  .title {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }

  dialog .inner {
    container-type: inline-size;
  }

  .picker {
    display: flex;
    align-items: center;
    gap: 0.5em;
    flex-wrap: wrap;
  }

  .picker select {
    min-block-size: 44px;
    padding-block: 0.25em;
    padding-inline: 0.5em;
    border: 2px solid var(--cc-border);
    border-radius: var(--cc-radius);
    background: var(--cc-background);
    color: var(--cc-text);
    font: inherit;
    field-sizing: content;
  }

  h2 {
    margin: 0;
    font-size: 1.25em;
    line-height: 1.3;
  }

  p {
    margin: 0;
  }

  .notice {
    display: grid;
    gap: 0.5em;
    max-inline-size: 65em;
  }

  details > p {
    margin-block-start: 0.5em;
  }

  summary {
    cursor: pointer;
    inline-size: fit-content;
    min-block-size: 24px;
    color: var(--cc-accent);
    text-decoration: underline;
  }

  a {
    color: var(--cc-accent);
  }

  /* Equal columns: every button the same size, two or three to a row as space allows. */
  .actions,
  .dialog-actions {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 8em), 1fr));
    gap: 0.5rem;
    flex: none;
  }

  .button {
    ${buttonLook}
    padding: 0.5em 1em;
  }

  .button:hover {
    ${buttonHover}
  }

  .close {
    flex: none;
    display: inline-grid;
    place-items: center;
    inline-size: 44px;
    block-size: 44px;
    padding: 0;
    border: 2px solid var(--cc-border);
    border-radius: var(--cc-radius);
    background: transparent;
    color: var(--cc-text);
    cursor: pointer;
  }

  .close svg {
    inline-size: 1.25rem;
    block-size: 1.25rem;
  }

  :focus-visible {
    outline: 3px solid var(--cc-focus-ring);
    outline-offset: 2px;
  }

  /* Like the banner: the heading and the buttons stay in view, the categories scroll between them. */
  dialog[open] {
    display: flex;
    flex-direction: column;
  }

  dialog {
    inline-size: min(40rem, calc(100vw - 1rem));
    max-block-size: calc(100dvh - 1rem);
    padding: 0;
    overflow: hidden;
    border: 1px solid var(--cc-border);
    border-radius: var(--cc-radius);
    box-shadow: var(--cc-shadow);
  }

  dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }

  /* The dialog's heading takes focus on open so screen readers start there; it is not a control. */
  dialog h2:focus {
    outline: none;
  }

  .categories {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75rem;
  }

  .category {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0.25rem var(--cc-spacing);
    align-items: center;
    padding-block: 0.75rem;
    border-block-start: 1px solid var(--cc-border);
  }

  .category label {
    font-weight: bold;
  }

  .category .description {
    grid-column: 1 / -1;
    color: var(--cc-muted-text);
  }

  .always-on {
    grid-column: 1 / -1;
    font-size: 0.875em;
    color: var(--cc-muted-text);
  }

  .switch {
    appearance: none;
    position: relative;
    inline-size: 3rem;
    block-size: 1.75rem;
    margin: 0;
    border: 2px solid var(--cc-switch-off);
    border-radius: 1rem;
    background: var(--cc-background);
    cursor: pointer;
  }

  .switch::before {
    content: '';
    position: absolute;
    inset-block-start: 2px;
    inset-inline-start: 2px;
    inline-size: 1.25rem;
    block-size: 1.25rem;
    border-radius: 50%;
    background: var(--cc-switch-off);
  }

  .switch:checked {
    border-color: var(--cc-switch-on);
    background: var(--cc-switch-on);
  }

  .switch:checked::before {
    inset-inline-start: auto;
    inset-inline-end: 2px;
    background: var(--cc-background);
  }

  .switch:disabled {
    cursor: not-allowed;
  }

  .gpc {
    padding-block: 0.5em;
    padding-inline: 0.75em;
    border-inline-start: 4px solid var(--cc-accent);
  }

  .cookies {
    grid-column: 1 / -1;
  }

  .cookies table {
    inline-size: 100%;
    margin-block-start: 0.5em;
    border-collapse: collapse;
    font-size: 0.875em;
  }

  .cookies th,
  .cookies td {
    padding-block: 0.25em;
    padding-inline: 0.5em;
    border-block-end: 1px solid var(--cc-border);
    text-align: start;
    vertical-align: top;
    overflow-wrap: anywhere;
  }

  .launcher {
    position: fixed;
    inset-block-end: var(--cc-offset);
    inset-inline-start: var(--cc-offset);
    z-index: var(--cc-z-index);
    display: inline-grid;
    place-items: center;
    inline-size: 48px;
    block-size: 48px;
    padding: 0;
    border: 2px solid var(--cc-button-text);
    border-radius: 50%;
    background: var(--cc-button-background);
    color: var(--cc-button-text);
    box-shadow: var(--cc-shadow);
    cursor: pointer;
  }

  .launcher svg {
    inline-size: 1.75rem;
    block-size: 1.75rem;
  }

  .summary {
    color: var(--cc-muted-text);
  }

  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  /* Narrow: last, so it wins over the rules above. */
  @container (max-width: 30rem) {
    .inner {
      padding-block: calc(var(--cc-spacing) * 0.625);
      padding-inline: calc(var(--cc-spacing) * 0.75);
      gap: calc(var(--cc-spacing) * 0.5);
    }

    .body,
    .notice {
      gap: 0.375em;
    }

    .button {
      padding-inline: 0.5em;
    }
  }

  /* A short entrance, only for visitors who have not asked for reduced motion. */
  @media (prefers-reduced-motion: no-preference) {
    .banner:not([hidden]) {
      animation: cc-enter 180ms ease-out;
    }

    @keyframes cc-enter {
      from {
        opacity: 0;
        translate: 0 0.75rem;
      }
    }
  }

  /* Not on paper: a printed page is the site's content, not a notice or a button fixed over every sheet. */
  @media print {
    .banner,
    .launcher {
      display: none;
    }
  }

  @media (forced-colors: active) {
    .switch::before {
      background: CanvasText;
    }
    .switch:checked {
      background: Highlight;
    }
    .switch:checked::before {
      background: Canvas;
    }
  }
`;
