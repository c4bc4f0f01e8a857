import type { Consent } from './record.js';
import { report } from '../internal/warn.js';

/** What the proof-of-consent beacon sends, as JSON. */
export interface Receipt {
  id: string;
  timestamp: string;
  revision: string;
  language: string;
  method: string;
  categories: Readonly<Record<string, boolean>>;
  /** Whether the browser sent Global Privacy Control when the choice was stored. */
  gpc: boolean;
  /** The site the choice was made on: its origin only, never a path that may hold personal data or tokens. */
  url: string;
}

const LOCAL = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/**
 * The receipt endpoint: https, or relative on an https page; plain http only on this machine (localhost),
 * since a receipt is personal data. Anything else is dropped with a warning.
 */
export function receiptUrl(value: string | null | undefined, base: string): string | null {
  if (value == null || value.trim() === '') return null;
  try {
    const url = new URL(value, base);
    if (url.protocol === 'https:' || (url.protocol === 'http:' && LOCAL.test(url.hostname))) return url.href;
  } catch {
    // Reported below.
  }
  report('badReceiptUrl', value.slice(0, 80));
  return null;
}

/** Sends the receipt of a choice with `navigator.sendBeacon`, fire-and-forget. */
export function sendReceipt(endpoint: string, consent: Consent, page: { origin: string }): void {
  const receipt: Receipt = {
    id: consent.id ?? '',
    timestamp: consent.timestamp,
    revision: consent.revision,
    language: consent.language,
    method: consent.method,
    categories: consent.categories,
    gpc: consent.gpc,
    url: page.origin,
  };
  try {
    const queued = navigator.sendBeacon(endpoint, new Blob([JSON.stringify(receipt)], { type: 'application/json' }));
    if (!queued) report('receiptNotQueued');
  } catch (error) {
    report('receiptFailed', String(error));
  }
}
