import { DEFAULT_COOKIE_NAME } from '../../src/consent/store.js';

// A cookie jar that behaves like a browser's for `document.cookie` (RFC 6265bis): host-only and domain
// cookies, path-match, the browser's order, Secure, prefixes, Partitioned, and public suffixes refused.

export interface Entry {
  name: string;
  value: string;
  /** The host for a host-only cookie, else `.domain`. */
  domain: string;
  path: string;
  secure: boolean;
  partitioned: boolean;
  created: number;
}

const SUFFIXES = new Set(['com', 'uk', 'co.uk', 'tr', 'com.tr', 'test']);

export class Jar {
  entries: Entry[] = [];
  sandboxed = false;
  private clock = 0;
  constructor(
    public location: { hostname: string; pathname: string; protocol: string },
    private readonly refuseAll = false,
  ) {}

  private visible(e: Entry): boolean {
    const host = this.location.hostname;
    const domainOk = e.domain.startsWith('.')
      ? host === e.domain.slice(1) || host.endsWith(e.domain)
      : host === e.domain;
    const p = this.location.pathname;
    const pathOk = e.path === p || (p.startsWith(e.path) && (e.path.endsWith('/') || p[e.path.length] === '/'));
    return domainOk && pathOk && (!e.secure || this.location.protocol === 'https:');
  }

  get cookie(): string {
    if (this.sandboxed) throw new DOMException('The document is sandboxed', 'SecurityError');
    return this.entries
      .filter((e) => this.visible(e))
      .sort((a, b) => b.path.length - a.path.length || a.created - b.created)
      .map((e) => `${e.name}=${e.value}`)
      .join('; ');
  }

  set cookie(text: string) {
    if (this.sandboxed) throw new DOMException('The document is sandboxed', 'SecurityError');
    if (this.refuseAll) return;
    const [pair = '', ...attrs] = text.split(';');
    const at = pair.indexOf('=');
    const name = pair.slice(0, at).trim();
    const value = pair.slice(at + 1).trim();
    let domain: string | undefined;
    let path: string | undefined;
    let secure = false;
    let partitioned = false;
    let expired = false;
    for (const attr of attrs) {
      const [k = '', v = ''] = attr.split('=').map((x) => x.trim());
      const key = k.toLowerCase();
      if (key === 'domain') domain = v.toLowerCase().replace(/^\./, '');
      if (key === 'path') path = v;
      if (key === 'secure') secure = true;
      if (key === 'partitioned') partitioned = true;
      if (key === 'expires' && Date.parse(v) < Date.now()) expired = true;
    }
    this.store(name, value, { domain, path, secure, partitioned, expired });
  }

  /** Sets a cookie the way the browser would (or refuses it); `context.addCookies` in a unit test. */
  store(
    name: string,
    value: string,
    o: { domain?: string; path?: string; secure?: boolean; partitioned?: boolean; expired?: boolean } = {},
  ): void {
    const host = this.location.hostname;
    const { domain, secure = false, partitioned = false, expired = false } = o;
    const path = o.path ?? '/';
    if (domain !== undefined) {
      if (domain !== host && !host.endsWith(`.${domain}`)) return;
      if (SUFFIXES.has(domain) && domain !== host) return;
    }
    if (secure && this.location.protocol !== 'https:') return;
    if (partitioned && !secure) return;
    if (/^__(secure|host)-/i.test(name) && !secure) return;
    if (/^__host-/i.test(name) && (domain !== undefined || path !== '/')) return;
    const key = domain === undefined ? host : `.${domain}`;
    const same = (e: Entry) => e.name === name && e.domain === key && e.path === path && e.partitioned === partitioned;
    const old = this.entries.find(same);
    this.entries = this.entries.filter((e) => !same(e));
    if (expired) return;
    this.entries.push({ name, value, domain: key, path, secure, partitioned, created: old?.created ?? ++this.clock });
  }

  /** What `context.cookies()` would list for this name: [domain, path] pairs. */
  scopes(name = DEFAULT_COOKIE_NAME): [string, string][] {
    return this.entries.filter((e) => e.name === name).map((e) => [e.domain, e.path]);
  }
}
