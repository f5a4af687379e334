// Shared helpers for the end-to-end tests: a static file server for the release build in dist/,
// a headless Chromium launched through playwright-core (the system browser, never a download),
// and a page opener that records console and page errors.
import { createServer } from 'node:http';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

/** The repository root (two levels above this file). */
export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** The release build that `trunk build --release` writes (E2E_DIST overrides it). */
export const DIST = process.env.E2E_DIST ? resolve(process.env.E2E_DIST) : join(ROOT, 'dist');
/** Where `scripts/build-fixture NAME` writes the release build of `tests/fixtures/NAME.toml`. */
export function fixtureDist(name) {
  return join(ROOT, 'target', 'dist-fixtures', name);
}
/**
 * The Content-Security-Policy README.md documents, as strict as conference sites send: no inline
 * script or style, no data: URL, wasm compiled under 'wasm-unsafe-eval' only.
 */
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
/** The pre-rendered fragment for embedding pages, which the build writes beside DIST. */
export const FRAGMENT = join(`${DIST}-embed`, 'fragment.html');
/** The browser to drive: Debian's Chromium, overridable for other machines. */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

/** The Content-Type for a file name, by its extension. */
export function mimeType(path) {
  return MIME[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Serves `root` (default dist/) on 127.0.0.1 at an ephemeral port.
 * GET and HEAD only; `/` and directories serve their index.html; anything else that is not a
 * file under `root` is a 404, including paths that try to climb out of it.
 * `headers(pathname)` may return extra response headers for a path (say a Content-Security-Policy).
 * Option `inject`: HTML put first in every HTML page served (`injectFirst`), e.g. the error
 * recorder of the cross-engine tests (tests/e2e/engines/record-errors.js). Option
 * `delay(pathname)`: milliseconds to hold a file back (a slow stylesheet, in any engine).
 * Resolves to `{ url, port, close() }` where `url` ends with '/'.
 */
export async function startServer(root = DIST, { headers = () => ({}), inject, delay = () => 0 } = {}) {
  const base = resolve(root);
  const info = await stat(base).catch(() => null);
  if (!info?.isDirectory()) {
    const how = base.includes('dist-fixtures') ? `scripts/build-fixture ${base.split(sep).pop()}` : 'trunk build --release --offline';
    throw new Error(`${base} is not a directory: run \`${how}\` first`);
  }

  const server = createServer(async (req, res) => {
    const extra = (pathname) => headers(pathname) ?? {};
    const send = (status, body, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...extra(req.url.split('?')[0]) });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return send(405, 'Method Not Allowed\n');
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    } catch {
      return send(400, 'Bad Request\n');
    }
    if (pathname.includes('\0')) return send(400, 'Bad Request\n');
    // Resolve against the root and refuse anything that lands outside it.
    let file = resolve(base, '.' + (pathname.startsWith('/') ? pathname : '/' + pathname));
    if (file !== base && !file.startsWith(base + sep)) return send(404, 'Not Found\n');
    try {
      let s = await stat(file);
      if (s.isDirectory()) {
        file = join(file, 'index.html');
        s = await stat(file);
      }
      if (!s.isFile()) return send(404, 'Not Found\n');
      const held = delay(pathname);
      if (held > 0) await new Promise((resolve) => setTimeout(resolve, held));
      let body = await readFile(file);
      if (inject && mimeType(file).startsWith('text/html')) body = Buffer.from(injectFirst(body.toString('utf8'), inject));
      res.writeHead(200, {
        'Content-Type': mimeType(file),
        'Content-Length': body.length,
        'Cache-Control': 'no-store',
        ...extra(pathname),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      send(404, 'Not Found\n');
    }
  });

  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = server.address();
  return {
    port,
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}

/**
 * `html` with `snippet` as the first child of its <head> (or, in a page without the tag, which
 * minifiers may drop, right after <html> or the doctype), so it runs before anything else.
 */
export function injectFirst(html, snippet) {
  const at = [/<head\b[^>]*>/i, /<html\b[^>]*>/i, /<!doctype[^>]*>/i].map((tag) => tag.exec(html)).find(Boolean);
  const end = at ? at.index + at[0].length : 0;
  return html.slice(0, end) + snippet + html.slice(end);
}

/**
 * A host site for embedding tests: a temporary folder holding `pages` (file name → HTML or any
 * text) with dist/ linked at `distPath` (say '2026/talks'; '' puts each file of dist/ at the site
 * root, beside the pages), served on 127.0.0.1 (`serverOptions`: those of `startServer`).
 * Resolves to `{ url, close() }`; `close` stops the server and removes the folder.
 */
export async function hostSite(pages, distPath = 'talks', serverOptions = {}) {
  const root = await mkdtemp(join(tmpdir(), 'talk-catalog-site-'));
  if (distPath) {
    const link = join(root, distPath);
    await mkdir(dirname(link), { recursive: true });
    await symlink(DIST, link);
  } else {
    for (const name of await readdir(DIST)) await symlink(join(DIST, name), join(root, name));
  }
  for (const [name, html] of Object.entries(pages)) await writeFile(join(root, name), html);
  const server = await startServer(root, serverOptions);
  return {
    url: server.url,
    async close() {
      await server.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** Launches headless Chromium (the system one) through playwright-core. */
export function launch(options = {}) {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    ...options,
  });
}

/**
 * Polls `fn` (sync or async) until it returns a truthy value, and resolves to that value.
 * Rejects after `timeout` ms with `message` and the last value or error seen.
 */
export async function waitFor(fn, { timeout = 5000, interval = 50, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (error) {
      last = error;
    }
    if (Date.now() >= deadline) {
      const detail = last instanceof Error ? last.message : JSON.stringify(last);
      throw new Error(`Timed out after ${timeout} ms waiting for ${message} (last: ${detail})`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

/**
 * Opens a fresh page in its own browser context, records console errors and uncaught page
 * errors, navigates to `url` and waits until the app has rendered the talks.
 * Options: `contextOptions` for `browser.newContext` (viewport, colorScheme, reducedMotion, …),
 * and `beforeLoad(context, page)`, awaited before navigating (init scripts, permissions).
 * Resolves to `{ page, context, errors, close() }`.
 */
export async function openCatalog(browser, url, { timeout = 15000, contextOptions = {}, beforeLoad } = {}) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const where = msg.location()?.url ?? '';
    errors.push(`console.error: ${msg.text()}${where ? ` (${where})` : ''}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('requestfailed', (request) => {
    // The browser's own favicon fetch, cancelled when a test navigates on: not the page's doing.
    const cancelledIcon = /\/favicon[^/]*$/.test(new URL(request.url()).pathname) && request.failure()?.errorText === 'net::ERR_ABORTED';
    if (!cancelledIcon) errors.push(`requestfailed: ${request.url()} (${request.failure()?.errorText})`);
  });
  try {
    await beforeLoad?.(context, page);
    await page.goto(url, { waitUntil: 'load', timeout });
    // The pre-rendered talks are there from the start: wait for the app to take over.
    await page.waitForSelector('[data-ready] article[data-talk-id]', { state: 'attached', timeout });
  } catch (error) {
    await context.close();
    throw new Error(`${error.message}\nerrors seen: ${JSON.stringify(errors, null, 2)}`);
  }
  return { page, context, errors, close: () => context.close() };
}

/** The data-talk-id of every rendered talk, in DOM order. */
export function shownIds(page) {
  return page.$$eval('article[data-talk-id]', (articles) =>
    articles.map((a) => a.getAttribute('data-talk-id')),
  );
}

/** The text of the live status region. */
export async function statusText(page) {
  return (await page.locator('[role="status"]').textContent()) ?? '';
}

/**
 * Registers the hooks every e2e file shares: one server and browser for the file, a fresh
 * catalog page per test (closed afterwards). Returns the live handles; a test may replace
 * `suite.session` with a page it opened itself (`suite.open(path)`, or `suite.reopen(path)` for
 * just the page), which is then closed too. `suite.assertNoErrors()` checks the current page's
 * recorded errors; both may be destructured from the suite. `root`: the build to serve, if
 * not dist/; `server`: `startServer`'s options (say headers); `open`: `openCatalog`'s options
 * for each test's page.
 */
export function catalogSuite({ before, after, beforeEach, afterEach }, { root = DIST, server = {}, open = {} } = {}) {
  const suite = {
    server: undefined,
    browser: undefined,
    session: undefined,
    /**
     * Closes the current page and opens the catalog at `path` (relative to the server root);
     * `options` are those of `openCatalog` (context options, a `beforeLoad` hook).
     */
    async open(path, options = {}) {
      await suite.session?.close();
      suite.session = undefined;
      suite.session = await openCatalog(suite.browser, new URL(path, suite.server.url).href, options);
      return suite.session;
    },
    /** Replaces the test's page with a fresh one at `path` and resolves to it (`open`'s options). */
    reopen: async (path, options) => (await suite.open(path, options)).page,
    /** Asserts that nothing was logged as an error and nothing threw, during the whole test. */
    assertNoErrors(session = suite.session) {
      assert.deepEqual(session.errors, [], 'console errors or page errors were reported');
    },
  };
  before(async () => {
    suite.server = await startServer(root, server);
    suite.browser = await launch();
  });
  after(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  beforeEach(async () => {
    suite.session = await openCatalog(suite.browser, suite.server.url, open);
  });
  afterEach(async () => {
    await suite.session?.close();
    suite.session = undefined;
  });
  return suite;
}

/** Lets pending renders and effects run: two animation frames. */
export function settle(page) {
  return page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );
}

/** The number of talks a status text reports as shown ("3 of 20 talks" → 3, "20 talks" → 20). */
export function statusCount(status) {
  const match = /^\s*(\d+)(?:\s+of\s+(\d+))?\s+talks?\s*$/.exec(status);
  return match ? Number(match[1]) : NaN;
}

/**
 * Waits until the list and the status agree and the list is the same on two polls in a row,
 * and resolves to the shown ids. `what` describes the step for the timeout message.
 */
export async function stableIds(page, what = '') {
  let previous;
  return waitFor(
    async () => {
      await settle(page);
      const [ids, status] = await Promise.all([shownIds(page), statusText(page)]);
      const key = JSON.stringify(ids);
      const same = key === previous;
      previous = key;
      return same && statusCount(status) === ids.length ? ids : false;
    },
    { message: `the list and the status to settle ${what}`.trim() },
  );
}
