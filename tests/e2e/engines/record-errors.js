// The error recorder of the cross-engine tests. The tests' server puts it inline as the first
// script of every HTML page (harness.mjs, `inject`), so it also runs in pages the service worker
// serves offline, and in engines whose driver has no console API (WebKit over WebDriver classic).
// It records uncaught errors, unhandled promise rejections, resources that failed to load and
// console.error calls in `window.__tcErrors`, kept in sessionStorage so that reloads and
// navigations within the tab keep what earlier pages recorded. driver.mjs reads it.
(() => {
  const KEY = '__tc-e2e-errors';
  let errors = [];
  try {
    errors = JSON.parse(sessionStorage.getItem(KEY) || '[]');
  } catch {}
  window.__tcErrors = errors;
  const record = (message) => {
    errors.push(`${message} (page ${location.pathname}${location.search})`);
    try {
      sessionStorage.setItem(KEY, JSON.stringify(errors));
    } catch {}
  };
  const text = (value) => (value instanceof Error ? `${value.name}: ${value.message}` : String(value));
  // Capturing: a failed <script>, <link> or <img> fires a non-bubbling error at the element.
  addEventListener(
    'error',
    (event) => {
      const target = event.target;
      // Not preload hints: about once in 50 loads Chromium and Firefox fire `error` at the
      // build's <link rel=modulepreload> although the script came (HTTP 200, the app runs) and
      // they log nothing. If the script or wasm itself fails, the app never becomes ready.
      if (target instanceof HTMLLinkElement && /\b(module)?preload\b/i.test(target.rel)) return;
      if (target instanceof Element) {
        const rel = target.getAttribute('rel');
        const url = target.src || target.href || '';
        // What the network said, where the engine reports it (status 0: no response).
        const timing = performance
          .getEntriesByName(url)
          .map((entry) => `${entry.responseStatus ?? '?'} after ${Math.round(entry.duration)} ms`)
          .join(', ');
        record(`resource failed: <${target.localName}${rel ? ` rel=${rel}` : ''}> ${url}${timing ? ` (fetched: ${timing})` : ''}`);
      }
      else record(`pageerror: ${event.error ? text(event.error) : event.message}`);
    },
    true,
  );
  addEventListener('unhandledrejection', (event) => record(`unhandledrejection: ${text(event.reason)}`));
  const consoleError = console.error;
  console.error = function (...args) {
    record(`console.error: ${args.map(text).join(' ')}`);
    return consoleError.apply(this, args);
  };
})();
