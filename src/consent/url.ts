import { report } from '../internal/warn.js';

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
    report('badPolicyUrl', value.slice(0, 80));
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    report('policyUrlScheme', url.protocol);
    return null;
  }
  return url.href;
}
