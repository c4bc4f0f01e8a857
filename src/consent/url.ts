import { warn } from '../internal/warn.js';

/**
 * Returns the policy link to render, or `null`: only http(s) URLs and URLs relative to the page.
 * The scheme is checked after the URL parser has normalised the input, so `java\tscript:`,
 * upper case or leading control characters cannot slip through.
 */
export function safePolicyUrl(value: string | null | undefined, base: string): string | null {
  if (value == null || value.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    warn(`policy-url: "${value.slice(0, 80)}" is not a URL; the link is left out.`);
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    warn(`policy-url: only http(s) and relative URLs are allowed, not "${url.protocol}"; the link is left out.`);
    return null;
  }
  return url.href;
}
