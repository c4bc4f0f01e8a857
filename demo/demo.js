// The demo's only script: an ES module, loaded in <head> before the component so that these
// listeners exist when the element connects and fires consent-ready. No innerHTML anywhere.

const EVENTS = ['consent-ready', 'consent-change', 'consent-show', 'consent-hide', 'consent-language-change'];
const DEFAULT_COOKIE_NAME = 'cookie_consent';

// Events that arrive before the panel is wired up (none should: module scripts run after parsing).
const pending = [];
let onEvent = (event) => pending.push(event);

for (const type of EVENTS) {
  document.addEventListener(type, (event) => onEvent(event));
}

const byId = (id) => document.getElementById(id);
const banner = () => document.querySelector('cookie-consent-banner');

// "Cookie settings" links, on every page: open the preferences dialog.
for (const link of document.querySelectorAll('[data-consent-open]')) {
  link.addEventListener('click', (event) => {
    event.preventDefault();
    const element = banner();
    if (element && typeof element.showPreferences === 'function') element.showPreferences();
  });
}

const log = byId('event-log');
const eventCount = byId('event-count');
const cookieMeta = byId('cookie-meta');
const cookieValue = byId('cookie-value');
const consentValue = byId('consent-value');
const controls = byId('controls');
let received = 0;

function pad(n) {
  return String(n).padStart(2, '0');
}

function clock(date) {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

function pretty(value) {
  if (value === undefined) return 'undefined';
  try {
    return JSON.stringify(value, null, 2);
  } catch (error) {
    return `(cannot be shown as JSON: ${String(error)})`;
  }
}

function byteLength(text) {
  return new window.TextEncoder().encode(text).length;
}

function cookieName() {
  const element = banner();
  const name = element?.getAttribute('cookie-name');
  return name ? name : DEFAULT_COOKIE_NAME;
}

/** The raw (still encoded) value of one cookie, or undefined. */
function rawCookie(name) {
  for (const pair of document.cookie.split(';')) {
    const trimmed = pair.trim();
    if (!trimmed) continue;
    const eq = trimmed.indexOf('=');
    const key = eq < 0 ? trimmed : trimmed.slice(0, eq);
    if (key === name) return eq < 0 ? '' : trimmed.slice(eq + 1);
  }
  return undefined;
}

function refreshCookie() {
  if (!cookieMeta || !cookieValue) return;
  const name = cookieName();
  const raw = rawCookie(name);
  if (raw === undefined) {
    cookieMeta.textContent = `No cookie named ${name}.`;
    cookieValue.textContent = '—';
    return;
  }
  cookieMeta.textContent = `${name}: ${byteLength(raw)} bytes raw (${byteLength(`${name}=${raw}`)} bytes with its name).`;
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // Not percent-encoded as expected: show it as it is.
  }
  try {
    cookieValue.textContent = JSON.stringify(JSON.parse(decoded), null, 2);
  } catch {
    cookieValue.textContent = decoded;
  }
}

function refreshConsent() {
  if (!consentValue) return;
  const element = banner();
  if (!element) {
    consentValue.textContent = '(no <cookie-consent-banner> on this page)';
  } else if (!customElements.get('cookie-consent-banner')) {
    consentValue.textContent = '(the element is not defined yet)';
  } else {
    consentValue.textContent = pretty(element.consent);
  }
}

function refresh() {
  refreshCookie();
  refreshConsent();
}

function showCount() {
  if (!eventCount) return;
  eventCount.textContent =
    received === 0 ? 'No events yet.' : `${received} event${received === 1 ? '' : 's'} received, newest first.`;
}

function addEntry(event) {
  received += 1;
  if (log) {
    const item = document.createElement('li');
    item.className = `event event-${event.type}`;

    const head = document.createElement('p');
    head.className = 'event-head';
    const time = document.createElement('time');
    const now = new Date();
    time.dateTime = now.toISOString();
    time.textContent = clock(now);
    const type = document.createElement('code');
    type.className = 'event-type';
    type.textContent = event.type;
    head.append(time, ' ', type);

    const detail = document.createElement('pre');
    detail.className = 'code';
    detail.textContent = pretty(event.detail);

    item.append(head, detail);
    log.prepend(item);
  }
  showCount();
  refresh();
}

// Controls: each change is applied to the element at once, with setAttribute/removeAttribute.
function applyControl(control) {
  const element = banner();
  const attribute = control.dataset.attribute;
  if (!element || !attribute) return;
  const value = control.value.trim();
  if (value === (element.getAttribute(attribute) ?? '')) return;
  if (value === '') element.removeAttribute(attribute);
  else element.setAttribute(attribute, value);
  refresh();
}

function syncControls() {
  const element = banner();
  if (!controls || !element) return;
  for (const control of controls.querySelectorAll('[data-attribute]')) {
    const value = element.getAttribute(control.dataset.attribute);
    if (value !== null) control.value = value;
    else if (control.tagName === 'SELECT') control.selectedIndex = 0;
    else control.value = '';
  }
}

function clearLog() {
  if (log) log.replaceChildren();
  received = 0;
  showCount();
}

const ACTIONS = {
  reset: (element) => element.reset(),
  show: (element) => element.show(),
  showPreferences: (element) => element.showPreferences(),
  acceptAll: (element) => element.acceptAll(),
  rejectAll: (element) => element.rejectAll(),
};

if (controls) {
  syncControls();
  controls.addEventListener('change', (event) => {
    if (event.target instanceof window.HTMLElement && event.target.dataset.attribute) applyControl(event.target);
  });
  // Enter in a text field applies it; the form itself never submits.
  controls.addEventListener('keydown', (event) => {
    const target = event.target;
    if (event.key !== 'Enter' || !(target instanceof window.HTMLInputElement) || !target.dataset.attribute) return;
    event.preventDefault();
    applyControl(target);
  });
  controls.addEventListener('submit', (event) => event.preventDefault());
  controls.addEventListener('click', (event) => {
    const button = event.target instanceof window.Element ? event.target.closest('button[data-action]') : null;
    if (!button) return;
    const action = button.dataset.action;
    if (action === 'clear-log') {
      clearLog();
      return;
    }
    const element = banner();
    const run = Object.hasOwn(ACTIONS, action) ? ACTIONS[action] : undefined;
    if (!element || !run || !customElements.get('cookie-consent-banner')) return;
    run(element);
    refresh();
  });
}

onEvent = addEntry;
for (const event of pending.splice(0)) addEntry(event);
showCount();
refresh();

// The element is defined by the component's module, which runs after this one.
customElements.whenDefined('cookie-consent-banner').then(refresh);

// The custom-property styles: a class on the element, defined in demo.css with the documented properties.
const styleControl = document.getElementById('ctl-style');
if (styleControl) {
  styleControl.addEventListener('change', () => {
    const banner = document.querySelector('cookie-consent-banner');
    if (!banner) return;
    banner.classList.remove('style-newsprint', 'style-harbour');
    if (styleControl.value) banner.classList.add(`style-${styleControl.value}`);
  });
}
