import { css } from 'lit';

/** The banner's look. Loaded with the view, only when the banner or preferences are shown. */
export const bannerStyles = css`
  :host {
    --cc-background: #ffffff;
    --cc-text: #1d2129;
    --cc-muted-text: #4a5260;
    --cc-accent: #1f4fbf;
    --cc-button-background: #1d2129;
    --cc-button-text: #ffffff;
    --cc-button-hover-background: #3a4252;
    --cc-switch-off: #6b7280;
    --cc-switch-on: #1f4fbf;
    --cc-focus-ring: #1f4fbf;
    --cc-border: #8a93a3;
    --cc-font-family: inherit;
    --cc-font-size: 1rem;
    --cc-radius: 0.5rem;
    --cc-spacing: 1rem;
    --cc-max-width: 70rem;
    --cc-shadow: 0 -0.25rem 1.5rem rgb(0 0 0 / 0.18);
    --cc-z-index: 2147483000;
  }

  [hidden] {
    display: none !important;
  }

  .banner,
  dialog {
    box-sizing: border-box;
    font-family: var(--cc-font-family);
    font-size: var(--cc-font-size);
    line-height: 1.5;
    color: var(--cc-text);
    background: var(--cc-background);
  }

  .banner *,
  dialog * {
    box-sizing: border-box;
  }

  .banner {
    position: fixed;
    inset-inline: 0;
    inset-block-end: 0;
    z-index: var(--cc-z-index);
    max-block-size: 100vh;
    max-block-size: 100dvh;
    overflow: auto;
    border-block-start: 1px solid var(--cc-border);
    box-shadow: var(--cc-shadow);
  }

  .inner {
    max-inline-size: var(--cc-max-width);
    margin-inline: auto;
    padding: var(--cc-spacing);
    display: grid;
    gap: calc(var(--cc-spacing) * 0.75);
  }

  .banner,
  dialog .inner {
    container-type: inline-size;
  }

  /* Heading, language picker and X on one row; the X stays in the corner when the picker wraps below. */
  .top {
    display: grid;
    grid-template-columns: 1fr auto auto;
    grid-template-areas: 'heading picker close';
    align-items: center;
    gap: 0.5rem var(--cc-spacing);
  }

  .top h2 {
    grid-area: heading;
  }

  .top .picker {
    grid-area: picker;
  }

  .top .close {
    grid-area: close;
  }

  @container (max-width: 30rem) {
    .inner {
      padding: calc(var(--cc-spacing) * 0.75);
      gap: calc(var(--cc-spacing) * 0.5);
    }

    .top {
      grid-template-columns: 1fr auto;
      grid-template-areas:
        'heading close'
        'picker picker';
    }
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
  }

  .button {
    min-block-size: 44px;
    padding: 0.5em 1em;
    border: 2px solid var(--cc-button-background);
    border-radius: var(--cc-radius);
    background: var(--cc-button-background);
    color: var(--cc-button-text);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }

  .button:hover {
    background: var(--cc-button-hover-background);
    border-color: var(--cc-button-hover-background);
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

  dialog {
    inline-size: min(40rem, calc(100vw - 1rem));
    max-block-size: calc(100dvh - 1rem);
    padding: 0;
    border: 1px solid var(--cc-border);
    border-radius: var(--cc-radius);
    box-shadow: var(--cc-shadow);
  }

  dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }

  dialog h2:focus {
    outline: none;
  }

  dialog h2:focus-visible {
    outline: 3px solid var(--cc-focus-ring);
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
    font-weight: 600;
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
    padding: 0.5em 0.75em;
    border-inline-start: 4px solid var(--cc-accent);
    background: color-mix(in srgb, var(--cc-accent) 8%, var(--cc-background));
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
    padding: 0.25em 0.5em;
    border-block-end: 1px solid var(--cc-border);
    text-align: start;
    vertical-align: top;
    overflow-wrap: anywhere;
  }

  .launcher {
    position: fixed;
    inset-block-end: 1rem;
    inset-inline-start: 1rem;
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
