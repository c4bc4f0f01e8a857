/**
 * The view's `css` tag: the stylesheet as plain text, which the element adopts with lit's `unsafeCSS`. lit's own
 * tag lives in the element's entry, and importing it here would make the view's chunk import the entry back by its
 * file name (see `HostServices` in `banner-view.ts`). As with lit's tag, values are other `css` text or numbers.
 */
export function css(strings: TemplateStringsArray, ...values: readonly (string | number)[]): string {
  return strings.reduce((text, part, i) => text + String(values[i - 1]) + part);
}
